import { useI18n } from '../../i18n';
import type { Source } from '../../api/protocol';

/** ⚠: the reference notes mark this fact unconfirmed; it is a district setting or needs checking. */
export function UnconfirmedMark() {
  const { t } = useI18n();
  return (
    <span className="unconfirmed" title={t('proto.unconfirmedTitle')} aria-label={t('proto.unconfirmedTitle')} role="img">
      ⚠
    </span>
  );
}

/** Sources as "KMK · Tabel 7: …", with the full name of the source on hover and ⚠ on unconfirmed facts. */
export function SourceList({ sources }: { sources: Source[] }) {
  const { t } = useI18n();
  return (
    <ul className="source-list">
      {sources.map((s, i) => (
        <li key={i}>
          <abbr title={t(`proto.src.${s.key}`)}>{s.key}</abbr> · {s.clause}
          {s.unconfirmed && <UnconfirmedMark />}
        </li>
      ))}
    </ul>
  );
}

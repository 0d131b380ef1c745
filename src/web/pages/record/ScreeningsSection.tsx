import { useI18n } from '../../i18n';
import type { ScreeningView } from '../../api/record';
import { Card } from '../../components/ui';
import { classTone } from '../../charts/vital-bands';

/** The latest result of each questionnaire with its band and follow-up. */
export function ScreeningsSection({ screenings }: { screenings: ScreeningView[] }) {
  const { t, label, number, date } = useI18n();
  return (
    <Card title={t('rec.tab.screenings')} count={screenings.length}>
      <ul className="screening-list" data-testid="screenings">
        {screenings.map((s) => (
          <li key={s.concept} className="screening">
            <div className="screening-head">
              <strong>{label(s.label)}</strong>
              <span className="small muted">
                {date(s.date)}
                {s.count > 1 && ` · ${t('rec.scr.times', { n: s.count })}`}
              </span>
            </div>
            <div className="screening-result">
              {s.score !== null && <span className="score">{t('rec.scr.score', { n: number(s.score) })}</span>}
              {s.result && <span className={`class-pill tone-${classTone(s.band) ?? 'none'}`}>{label(s.result)}</span>}
            </div>
            {s.findings.length > 0 && (
              <p className="small" data-testid="screening-findings">
                <strong>{t('rec.scr.findings')}:</strong> {s.findings.map((f) => label(f)).join(', ')}
              </p>
            )}
            {s.followUp && (
              <p className="small">
                <strong>{t('rec.scr.followUp')}:</strong> {label(s.followUp)}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

import { Link } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import type { Person } from '../../api/types';
import { Icon } from '../../components/Icon';
import { todayIn } from '../../../core/time/dates';
import { isChildOn } from './child-card';

/** The person page's way into the health record, recording a visit and referring. */
export function RecordLinks({ person: p }: { person: Person }) {
  const me = useMe();
  const { t } = useI18n();
  const child = isChildOn(p.birthDate, todayIn());
  const base = `/people/${p.id}/record`;
  const links = [
    { to: base, label: t('rec.tab.overview') },
    { to: `${base}?tab=schedule`, label: t('rec.tab.schedule') },
    ...(child ? [{ to: `${base}?tab=growth`, label: t('rec.tab.growth') }, { to: `${base}?tab=immunization`, label: t('rec.tab.immunization') }] : []),
    { to: `${base}?tab=timeline`, label: t('rec.tab.timeline') },
  ];
  return (
    <section className="card record-links" aria-labelledby="record-links-title" data-testid="record-links">
      <div className="section-head">
        <h2 id="record-links-title">{t('rec.title')}</h2>
        {p.status === 'alive' && (
          <div className="actions">
            {me.permissions.editRegistry && (
              <Link className="btn btn-sm" to={`/people/${p.id}/visit`} data-testid="person-record-visit">
                <Icon name="plus" />
                {t('rec.recordVisit')}
              </Link>
            )}
            {me.facility && (
              <Link className="btn btn-secondary btn-sm" to={`/referrals/new?personId=${p.id}`} data-testid="person-refer">
                <Icon name="move" />
                {t('rec.refer')}
              </Link>
            )}
          </div>
        )}
      </div>
      <nav className="record-link-list" aria-label={t('rec.title')}>
        {links.map((l, i) => (
          <Link key={l.to} to={l.to} className="record-link" data-testid={i === 0 ? 'open-record' : undefined}>
            {l.label}
            <Icon name="chevronRight" />
          </Link>
        ))}
      </nav>
    </section>
  );
}

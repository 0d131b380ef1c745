import { Link } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { getArea, getHome } from '../api/areas';
import type { AreaWithCounts } from '../api/types';
import { Card, DataTable, ErrorState, PageHeader, Stat, type Column } from '../components/ui';
import { Icon, type IconName } from '../components/Icon';
import { areaTypeLabel, displayName, LEVEL_KEY, placeName } from '../lib/format';
import { FACILITY_LABEL, FACILITY_TYPES } from '../../core/facilities/types';
import { ROLE_LABEL } from '../../core/access/roles';
import { ReferralCountersCard } from './referrals/ReferralCountersCard';
import type { ReferralCounters } from '../api/referrals';

function Shortcut({ to, icon, title, text, testId }: { to: string; icon: IconName; title: string; text: string; testId?: string }) {
  return (
    <Link className="shortcut" to={to} data-testid={testId}>
      <span className="shortcut-icon">
        <Icon name={icon} />
      </span>
      <span className="shortcut-text">
        <strong>{title}</strong>
        <small>{text}</small>
      </span>
    </Link>
  );
}

const SUMMARY_ROWS = 8;

/** The children of my place with their counts: where the households are. */
function AreaSummary({ code }: { code: string }) {
  const { t, number } = useI18n();
  const res = useAsync(() => getArea(code), [code]);
  const children = res.data?.children ?? [];
  if (!res.data || children.length === 0) return null;
  const sorted = [...children].sort((a, b) => b.households - a.households || a.name.localeCompare(b.name));
  const childLevel = children[0]!.level;
  const cols: Column<AreaWithCounts>[] = [
    { key: 'name', header: t(LEVEL_KEY[childLevel]), primary: true, render: (c) => <Link to={`/areas/${encodeURIComponent(c.code)}`}>{displayName(c.name)}</Link> },
    { key: 'households', header: t('common.households'), num: true, render: (c) => number(c.households) },
    { key: 'people', header: t('common.people'), num: true, render: (c) => number(c.people) },
  ];
  return (
    <Card
      flush
      title={t('home.byArea', { level: t(LEVEL_KEY[childLevel]) })}
      count={children.length}
      actions={
        children.length > SUMMARY_ROWS ? (
          <Link className="btn btn-ghost btn-sm" to={`/areas/${encodeURIComponent(code)}`}>
            {t('home.seeAll')}
            <Icon name="chevronRight" />
          </Link>
        ) : undefined
      }
    >
      <DataTable dense columns={cols} rows={sorted.slice(0, SUMMARY_ROWS)} rowKey={(c) => c.code} rowHref={(c) => `/areas/${encodeURIComponent(c.code)}`} testId="home-areas" />
    </Card>
  );
}

export function HomePage() {
  const me = useMe();
  const { t, label, number } = useI18n();
  const home = useAsync(getHome, []);
  const place = home.data?.place ?? me.place;
  const placeLabel = placeName(t, place);
  const hour = new Date().getHours();
  const greeting = hour < 11 ? t('home.morning') : hour < 15 ? t('home.afternoon') : hour < 19 ? t('home.evening') : t('home.night');

  const fac = home.data?.counts.facilities ?? {};
  const facilityTotal = Object.values(fac).reduce<number>((a, b) => a + (b ?? 0), 0);
  const facilityNote = FACILITY_TYPES.filter((ft) => (fac[ft] ?? 0) > 0)
    .map((ft) => `${number(fac[ft] ?? 0)} ${label(FACILITY_LABEL[ft])}`)
    .slice(0, 3)
    .join(' · ');

  return (
    <div className="page">
      <PageHeader
        eyebrow={greeting}
        title={me.displayName}
        sub={
          <>
            {label(ROLE_LABEL[me.role])}
            {me.facility ? ` · ${me.facility.name}` : ''} · {placeLabel}
          </>
        }
      />

      {home.error ? (
        <ErrorState error={home.error} onRetry={home.reload} />
      ) : (
        <section aria-labelledby="counts-title" className="section">
          <h2 id="counts-title" className="sr-only">
            {t('home.countsTitle', { place: placeLabel })}
          </h2>
          <div className="stats" data-testid="home-counts">
            <Stat label={t('common.households')} value={home.loading ? '…' : number(home.data?.counts.households)} to="/households" />
            <Stat label={t('common.people')} value={home.loading ? '…' : number(home.data?.counts.people)} to="/search" />
            <Stat
              label={t('common.facilities')}
              value={home.loading ? '…' : number(facilityTotal)}
              note={facilityNote || undefined}
              to="/facilities"
            />
          </div>
        </section>
      )}

      <ReferralCountersCard counters={(home.data as { referrals?: ReferralCounters } | undefined)?.referrals} />

      <section className="section" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('home.shortcuts')}</h2>
        <div className="shortcuts">
          <Shortcut to="/search" icon="search" title={t('home.searchTitle')} text={t('home.searchText')} testId="shortcut-search" />
          <Shortcut
            to={`/areas/${encodeURIComponent(place.code)}`}
            icon="map"
            title={t('home.browseTitle')}
            text={t('home.browseText', { place: displayName(place.name) })}
            testId="shortcut-area"
          />
          {me.permissions.editRegistry && (
            <Shortcut to="/households/new" icon="plus" title={t('home.registerTitle')} text={t('home.registerText')} testId="shortcut-register" />
          )}
          {me.role !== 'admin' && <Shortcut to="/pws" icon="places" title={t('pws.title')} text={t('pws.homeText')} testId="shortcut-pws" />}
        </div>
      </section>

      <AreaSummary code={place.code} />

      {me.scope.length > 1 && (
        <Card title={t('home.scopeTitle')} count={me.scope.length}>
          <ul className="list">
            {me.scope.map((s) => (
              <li className="list-item" key={s.code}>
                <div className="list-item-main">
                  <Link to={`/areas/${encodeURIComponent(s.code)}`}>{displayName(s.name)}</Link>
                  <span className="list-item-meta">{areaTypeLabel(t, s.level)}</span>
                </div>
                <Icon name="chevronRight" className="chev" />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

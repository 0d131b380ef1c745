import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { Alert, Card, Empty, ErrorState, Loading, PageHeader } from '../../components/ui';
import { cachedArea } from '../../components/AreaPicker';
import { useAsync } from '../../lib/useAsync';
import { displayName } from '../../lib/format';
import { ApiError, withQuery } from '../../api/client';
import { todayIn } from '../../../core/time/dates';
import { getIndicators, getMorbidity, GROUPS, labelIn, type Filters, type Group, type IndicatorView, type Which } from '../../api/indicators';
import { BarRanking } from '../../charts/BarRanking';
import { TRAFFIC_FILL } from '../../charts/map-model';
import { AreaLevels, PeriodFilters, useStartArea } from './PwsFilters';
import { IndicatorCard } from './IndicatorCard';
import { IndicatorDetail } from './IndicatorDetail';
import { isPeriod, periodLabel } from './pws-model';
import './pws.css';

/** The dashboard's filters from the address (so a view can be shared and the back button works). */
export function usePwsFilters(): { f: Filters; params: URLSearchParams; set: (next: Record<string, string | null>) => void; currentPeriod: string } {
  const [params, setParams] = useSearchParams();
  const start = useStartArea();
  const currentPeriod = todayIn().slice(0, 7);
  const p = params.get('period');
  const f: Filters = {
    area: params.get('area') ?? start,
    period: isPeriod(p) && p <= currentPeriod ? p : currentPeriod,
    mode: params.get('mode') === 'month' ? 'month' : 'ytd',
    sex: params.get('sex') === 'M' || params.get('sex') === 'F' ? (params.get('sex') as 'M' | 'F') : '',
    age: params.get('age') ?? '',
    view: params.get('view') === 'facility' ? 'facility' : 'domicile',
  };
  const set = (next: Record<string, string | null>) => {
    const q = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') q.delete(k);
      else q.set(k, v);
    }
    setParams(q, { replace: true });
  };
  return { f, params, set, currentPeriod };
}

export function peopleLink(f: Filters, id: string, which: Which): string {
  return withQuery('/pws/people', { ind: id, area: f.area, period: f.period, mode: f.mode, which });
}

/**
 * Dashboard Utama, klaster 2/3/4 and SPM (issue 5): every indicator of the
 * place and period as a card; the selected one with its trend, the sub-areas
 * ranked and on a map; every number leads to the people behind it.
 */
export function PwsDashboardPage() {
  const { t, locale } = useI18n();
  const { f, params, set, currentPeriod } = usePwsFilters();
  const tabParam = params.get('tab');
  const tab: Group = (GROUPS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Group) : 'utama';
  const place = useAsync(() => cachedArea(f.area), [f.area]);
  // One request for every group: switching tabs does not wait.
  const res = useAsync(() => getIndicators(f), [f.area, f.period, f.mode, f.sex, f.age, f.view]);
  const all = res.data?.indicators ?? [];
  const shown = all.filter((i) => i.group === tab);
  const selectedId = params.get('ind');
  const selected = shown.find((i) => i.id === selectedId) ?? shown.find((i) => i.kind === 'coverage') ?? shown[0] ?? null;
  const areaName = place.data ? displayName(place.data.area.name) : '';
  const href = (id: string, which: Which) => peopleLink(f, id, which);
  // A place outside the user's area (a shared link, an edited address): say so, nothing else.
  const outside = (res.error instanceof ApiError && res.error.status === 403) || (place.error instanceof ApiError && place.error.status === 403);

  return (
    <div className="page pws-page">
      <PageHeader
        eyebrow={t('pws.eyebrow')}
        title={t('pws.title')}
        sub={t('pws.sub')}
        actions={
          <Link className="btn btn-secondary" to={withQuery('/pws/reports', { area: f.area, period: f.period })} data-testid="pws-reports-link">
            {t('pws.reports')}
          </Link>
        }
      />
      {outside ? (
        <div data-testid="pws-outside">
          <Alert tone="warning" title={t('error.forbiddenTitle')}>
            {t('pws.outside')}{' '}
            <Link to="/pws">{t('pws.back')}</Link>
          </Alert>
        </div>
      ) : (
        <>
          <Card className="pws-controls">
            <AreaLevels area={f.area} set={set} />
            <PeriodFilters f={f} set={set} currentPeriod={currentPeriod} />
            <p className="small muted pws-period-label" data-testid="pws-period-label">
              {areaName} · {periodLabel(locale, f.period, f.mode)}
            </p>
            {f.view === 'facility' && <p className="small muted pws-period-label">{t('pws.viewNote')}</p>}
          </Card>

          <div className="tabs pws-tabs" role="tablist" aria-label={t('pws.tabs')}>
            {GROUPS.map((g) => (
              <button key={g} type="button" role="tab" aria-selected={tab === g} onClick={() => set({ tab: g === 'utama' ? null : g, ind: null })} data-testid={`pws-tab-${g}`}>
                {t(`pws.tab.${g}` as MessageKey)}
              </button>
            ))}
          </div>
          <p className="small muted">{t(`pws.tabSub.${tab}` as MessageKey)}</p>

          {res.error ? (
            <ErrorState error={res.error} onRetry={res.reload} />
          ) : res.loading && !res.data ? (
            <Loading />
          ) : (
            <>
              {tab === 'utama' && <MainOverview all={all} f={f} set={set} href={href} />}
              {shown.length === 0 ? (
                tab !== 'utama' && <Empty title={t('pws.noIndicators')} icon="search" />
              ) : (
                <section aria-label={t('pws.indicators')} className="ind-grid" data-testid="pws-cards">
                  {shown.map((ind) => (
                    <IndicatorCard key={ind.id} ind={ind} selected={selected?.id === ind.id} onSelect={() => set({ ind: ind.id })} peopleHref={(w) => href(ind.id, w)} />
                  ))}
                </section>
              )}
              {selected && (
                <IndicatorDetail key={`${selected.id}|${f.area}`} ind={selected} f={f} areaName={areaName} onArea={(code) => set({ area: code })} peopleHref={href} />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}

/** Dashboard Utama: morbidity and each programme's traffic lights (visits are the tab's own cards). */
function MainOverview({ all, f, set, href }: { all: IndicatorView[]; f: Filters; set: (n: Record<string, string | null>) => void; href: (id: string, w: Which) => string }) {
  const { t, number } = useI18n();
  const morbidity = useAsync(() => getMorbidity(f), [f.area, f.period, f.mode, f.sex, f.age]);
  const programmes = GROUPS.filter((g) => g !== 'utama').map((g) => {
    const inds = all.filter((i) => i.group === g);
    const n = (c: string | null) => inds.filter((i) => i.colour === c).length;
    return { g, total: inds.length, green: n('green'), yellow: n('yellow'), red: n('red'), none: n(null) };
  });
  return (
    <div className="pws-overview">
      <Card title={t('pws.programmes')} className="pws-programmes">
        <ul className="prog-list" data-testid="pws-programmes">
          {programmes.map((p) => (
            <li key={p.g}>
              <button type="button" className="prog-row" onClick={() => set({ tab: p.g, ind: null })}>
                <span className="prog-name">{t(`pws.tab.${p.g}` as MessageKey)}</span>
                <span className="prog-bar" aria-hidden="true">
                  {(['green', 'yellow', 'red', 'none'] as const).map((c) =>
                    p[c] ? <span key={c} style={{ flexGrow: p[c], background: TRAFFIC_FILL[c] }} /> : null,
                  )}
                </span>
                <span className="prog-count small">{t('pws.programmeCounts', { green: number(p.green), yellow: number(p.yellow), red: number(p.red) })}</span>
              </button>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('pws.morbidity')} className="pws-morbidity">
        {morbidity.error ? (
          <ErrorState error={morbidity.error} onRetry={morbidity.reload} />
        ) : morbidity.loading ? (
          <Loading />
        ) : (morbidity.data ?? []).length === 0 ? (
          <p className="muted small">{t('pws.morbidityEmpty')}</p>
        ) : (
          <MorbidityBars rows={morbidity.data!} href={href} />
        )}
      </Card>
    </div>
  );
}

function MorbidityBars({ rows, href }: { rows: NonNullable<Awaited<ReturnType<typeof getMorbidity>>>; href: (id: string, w: Which) => string }) {
  const { t, number, locale } = useI18n();
  const navigate = useNavigate();
  return (
    <div data-testid="pws-morbidity">
      <BarRanking
        title=""
        rows={rows.slice(0, 10).map((r) => ({ code: r.id, name: `${r.code} ${labelIn(r.label, locale)}`.trim(), value: r.people, colour: null, text: t('pws.people', { n: number(r.people) }) }))}
        target={null}
        unit=""
        onSelect={(id) => navigate(href(id, 'served'))}
      />
    </div>
  );
}

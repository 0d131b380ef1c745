import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { Card, DataTable, Empty, ErrorState, Loading, PageHeader, Pagination, type Column } from '../../components/ui';
import { cachedArea } from '../../components/AreaPicker';
import { useAsync } from '../../lib/useAsync';
import { displayName } from '../../lib/format';
import { withQuery } from '../../api/client';
import { getIndicatorPeople, getIndicators, labelIn, type PersonView, type Which } from '../../api/indicators';
import { usePwsFilters } from './PwsDashboardPage';
import { monthName, periodLabel } from './pws-model';
import './pws.css';

const WHICH: readonly Which[] = ['served', 'missed', 'not-served-in-month'];
const PAGE_SIZE = 50;

/**
 * The people behind a dashboard number (within the user's scope; the server
 * audits each list): who was served, who is in the target group but missed,
 * who was not served this month — each linking to the person's record.
 */
export function PwsPeoplePage() {
  const { t, number, locale } = useI18n();
  const { f, set } = usePwsFilters();
  const [params] = useSearchParams();
  const id = params.get('ind') ?? '';
  const whichParam = params.get('which');
  const which: Which = (WHICH as readonly string[]).includes(whichParam ?? '') ? (whichParam as Which) : 'served';
  const [page, setPage] = useState(1);
  const place = useAsync(() => cachedArea(f.area), [f.area]);
  const def = useAsync(() => getIndicators(f).then((r) => r.indicators.find((i) => i.id === id) ?? null), [id, f.area, f.period, f.mode]);
  const list = useAsync(() => getIndicatorPeople(id, f, which, page), [id, f.area, f.period, which, page]);
  const isCoverage = def.data?.kind === 'coverage';
  // Where a person lives, in words: the sub-area of the page's place (desa of a kecamatan, RW of a desa) and the RW.
  const placeOf = (code: string, rw: string | null) => {
    const child = place.data?.children.find((c) => code === c.code || code.startsWith(`${c.code}.`));
    const own = child ? displayName(child.name) : place.data && (code === place.data.area.code || code.startsWith(`${place.data.area.code}.`)) ? displayName(place.data.area.name) : null;
    const rwText = rw && !(own ?? '').startsWith('RW') ? `RW ${rw}` : null;
    return [own, rwText].filter(Boolean).join(' · ') || code;
  };

  const columns: Column<PersonView>[] = [
    { key: 'name', header: t('pws.col.name'), primary: true, render: (p) => <Link to={`/people/${p.id}/record`}>{displayName(p.name)}</Link> },
    { key: 'nik', header: t('pws.col.nik'), render: (p) => <span className="mono">{p.nik ?? '–'}</span> },
    { key: 'age', header: t('pws.col.age'), num: true, render: (p) => `${t('pws.years', { n: number(p.ageYears) })} · ${p.sex === 'F' ? 'P' : 'L'}` },
    { key: 'place', header: t('pws.col.place'), render: (p) => placeOf(p.areaCode, p.rw) },
    { key: 'reg', header: t('pws.col.registerMonth'), render: (p) => (p.registerMonth ? monthName(locale, p.registerMonth) : '–') },
    { key: 'num', header: t('pws.col.numeratorMonth'), render: (p) => (p.numeratorMonth ? monthName(locale, p.numeratorMonth) : '–') },
  ];

  return (
    <div className="page pws-page">
      <PageHeader
        eyebrow={t('pws.peopleTitle')}
        title={def.data ? labelIn(def.data.label, locale) : id}
        sub={`${place.data ? displayName(place.data.area.name) : f.area} · ${periodLabel(locale, f.period, f.mode)}`}
        actions={
          <Link className="btn btn-secondary" to={withQuery('/pws', { area: f.area, period: f.period, mode: f.mode === 'ytd' ? undefined : f.mode, ind: id, tab: def.data?.group === 'utama' ? undefined : def.data?.group })}>
            {t('pws.back')}
          </Link>
        }
      />
      {isCoverage !== false && (
        <div className="tabs" role="tablist">
          {WHICH.map((w) => (
            <button key={w} type="button" role="tab" aria-selected={which === w} onClick={() => { setPage(1); set({ which: w }); }} data-testid={`pws-which-${w}`}>
              {t(`pws.which.${w}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <Loading />
      ) : list.data!.people.length === 0 ? (
        <Empty title={t('pws.peopleEmpty')} icon="users" />
      ) : (
        <Card title={t(`pws.which.${which}` as MessageKey)} count={list.data!.total} flush>
          <DataTable testId="pws-people" columns={columns} rows={list.data!.people} rowKey={(p) => p.id} rowHref={(p) => `/people/${p.id}/record`} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data!.total} onPage={setPage} />
        </Card>
      )}
    </div>
  );
}

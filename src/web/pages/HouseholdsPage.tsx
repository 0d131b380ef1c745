import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync, useDebounced } from '../lib/useAsync';
import { listHouseholds } from '../api/households';
import { getArea } from '../api/areas';
import type { HouseholdSummary } from '../api/types';
import { Breadcrumbs, Card, DataTable, Empty, ErrorState, Loading, PageHeader, Pagination, type Column } from '../components/ui';
import { Icon } from '../components/Icon';
import { displayName, groupDigits, placeName, rtRwLabel } from '../lib/format';
import { useAreaCrumbs } from './AreaPage';

const PAGE_SIZE = 25;

export function HouseholdsPage() {
  const me = useMe();
  const { t, number } = useI18n();
  const crumbs = useAreaCrumbs();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') || me.place.code;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [q, setQ] = useState(params.get('q') ?? '');
  const dq = useDebounced(q.trim(), 350);

  useEffect(() => {
    const cur = params.get('q') ?? '';
    if (dq === cur) return;
    const next = new URLSearchParams(params);
    if (dq) next.set('q', dq);
    else next.delete('q');
    next.delete('page');
    setParams(next, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dq]);

  const query = params.get('q') ?? '';
  const res = useAsync(() => listHouseholds({ area, q: query || undefined, page, pageSize: PAGE_SIZE }), [area, query, page]);
  const areaRes = useAsync(() => getArea(area), [area]);

  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
    window.scrollTo(0, 0);
  };

  const a = areaRes.data?.area;
  const areaLabel = a ? placeName(t, a) : '';
  const villageLevelOrBelow = a ? ['village', 'dusun', 'rw', 'rt'].includes(a.level) : false;

  const cols: Column<HouseholdSummary>[] = [
    {
      key: 'head',
      header: t('household.head'),
      primary: true,
      render: (h) => (
        <span style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Link to={`/households/${h.id}`}>{h.headName ?? t('household.noHead')}</Link>
          <span className="badge only-phone">
            {number(h.memberCount)} {t('household.membersShort')}
          </span>
        </span>
      ),
    },
    { key: 'kk', header: t('household.kk'), wide: true, render: (h) => <span className="id-number">{h.kkNumber ? groupDigits(h.kkNumber) : '–'}</span> },
    {
      key: 'address',
      header: t('household.address'),
      wide: true,
      render: (h) => (
        <span>
          {h.address ? `${h.address}, ` : ''}
          {rtRwLabel(h.rt, h.rw, h.dusun) || displayName(h.areaName)}
          {!villageLevelOrBelow && h.villageName ? `, ${displayName(h.villageName)}` : ''}
        </span>
      ),
    },
    { key: 'members', header: t('household.members'), num: true, phoneHidden: true, render: (h) => number(h.memberCount) },
  ];

  return (
    <div className="page">
      <PageHeader
        crumbs={areaRes.data ? <Breadcrumbs items={crumbs(areaRes.data.ancestors, areaRes.data.area)} /> : undefined}
        eyebrow={t('household.listEyebrow')}
        title={areaLabel ? t('household.listTitleIn', { area: areaLabel }) : t('household.listTitle')}
        actions={
          me.permissions.editRegistry ? (
            <Link className="btn" to={`/households/new?area=${encodeURIComponent(area)}`} data-testid="register-household">
              <Icon name="plus" />
              {t('household.register')}
            </Link>
          ) : undefined
        }
      />
      <form
        className="searchbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <div className="search-input">
          <Icon name="search" />
          <label htmlFor="hh-q" className="sr-only">
            {t('household.searchLabel')}
          </label>
          <input
            id="hh-q"
            className="input"
            type="search"
            enterKeyHint="search"
            placeholder={t('household.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
      </form>

      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <Card flush title={t('common.households')} count={res.data.total}>
          {res.data.items.length ? (
            <>
              <DataTable
                columns={cols}
                rows={res.data.items}
                rowKey={(h) => h.id}
                rowHref={(h) => `/households/${h.id}`}
                caption={t('common.households')}
                testId="household-table"
              />
              <div style={{ padding: 'var(--sp-3) var(--sp-4) var(--sp-4)' }}>
                <Pagination page={page} pageSize={PAGE_SIZE} total={res.data.total} onPage={setPage} />
              </div>
            </>
          ) : (
            <Empty title={query ? t('household.noMatch', { q: query }) : t('household.none')} icon="households">
              {query ? t('household.noMatchHint') : null}
            </Empty>
          )}
        </Card>
      )}
    </div>
  );
}

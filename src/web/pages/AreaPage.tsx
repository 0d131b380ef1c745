import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useAuth, useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { getArea } from '../api/areas';
import type { Area, AreaWithCounts, FacilitySummary } from '../api/types';
import { Breadcrumbs, Card, DataTable, Empty, ErrorState, Loading, PageHeader, Stat, Badge, type Column } from '../components/ui';
import { Icon } from '../components/Icon';
import { SubAreaForm } from '../components/SubAreaForm';
import { useToast } from '../components/Toast';
import { areaTypeLabel, displayName, LEVEL_KEY, placeName } from '../lib/format';
import { FACILITY_LABEL } from '../../core/facilities/types';
import { canContain, levelOf } from '../../core/areas/codes';

export function areaHref(code: string): string {
  return `/areas/${encodeURIComponent(code)}`;
}

export function useAreaCrumbs() {
  const { t } = useI18n();
  const { inScope } = useAuth();
  return (ancestors: Area[], current?: Area) =>
    [...ancestors, ...(current ? [current] : [])]
      .filter((a) => a.level !== 'country')
      .map((a) => ({
        label: placeName(t, a),
        to: inScope(a.code) ? areaHref(a.code) : undefined,
      }));
}

export function FacilityTable({ items }: { items: FacilitySummary[] }) {
  const { t, label } = useI18n();
  const cols: Column<FacilitySummary>[] = [
    { key: 'name', header: t('facility.name'), primary: true, render: (f) => <Link to={`/facilities/${f.id}`}>{f.name}</Link> },
    { key: 'type', header: t('facility.type'), render: (f) => <Badge tone="primary">{label(FACILITY_LABEL[f.type])}</Badge> },
    { key: 'area', header: t('facility.area'), render: (f) => displayName(f.areaName) },
    { key: 'parent', header: t('facility.parent'), render: (f) => f.parentName ?? '–', hideEmptyOnPhone: (f) => !f.parentName },
  ];
  return <DataTable columns={cols} rows={items} rowKey={(f) => f.id} rowHref={(f) => `/facilities/${f.id}`} caption={t('common.facilities')} testId="facility-table" />;
}

export function AreaPage() {
  const params = useParams();
  const me = useMe();
  if (!params.code) return <Navigate to={areaHref(me.place.code)} replace />;
  return <AreaView code={params.code} key={params.code} />;
}

function AreaView({ code }: { code: string }) {
  const me = useMe();
  const { t, number } = useI18n();
  const toast = useToast();
  const crumbs = useAreaCrumbs();
  const res = useAsync(() => getArea(code), [code]);
  const [adding, setAdding] = useState(false);

  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  const { area, ancestors, children, facilities, counts } = res.data;
  const level = area.level;
  const typeLabel = areaTypeLabel(t, level, area.kind);
  const isVillageOrBelow = ['village', 'dusun', 'rw', 'rt'].includes(level);
  const canAddSub = me.permissions.managePlaces && (level === 'village' || level === 'dusun' || level === 'rw') && !!levelOf(code) &&
    (canContain(level, 'rw') || canContain(level, 'rt'));
  const childLevel = children[0]?.level;

  const cols: Column<AreaWithCounts>[] = [
    {
      key: 'name',
      header: t('area.name'),
      primary: true,
      render: (c) => <Link to={areaHref(c.code)}>{displayName(c.name)}</Link>,
    },
    { key: 'type', header: t('area.type'), phoneHidden: true, render: (c) => areaTypeLabel(t, c.level, c.kind) },
    { key: 'households', header: t('common.households'), num: true, render: (c) => number(c.households) },
    { key: 'people', header: t('common.people'), num: true, render: (c) => number(c.people) },
  ];

  return (
    <div className="page">
      <PageHeader
        crumbs={<Breadcrumbs items={crumbs(ancestors, area)} />}
        eyebrow={typeLabel}
        title={displayName(area.name)}
        sub={area.level === 'country' ? undefined : <span className="mono">{area.code}</span>}
        actions={
          <>
            <Link className="btn btn-secondary" to={`/households?area=${encodeURIComponent(code)}`} data-testid="area-households">
              <Icon name="households" />
              {t('area.viewHouseholds')}
            </Link>
            {me.permissions.editRegistry && isVillageOrBelow && (
              <Link className="btn" to={`/households/new?area=${encodeURIComponent(code)}`}>
                <Icon name="plus" />
                {t('household.register')}
              </Link>
            )}
          </>
        }
      />

      <div className="stats">
        <Stat label={t('common.households')} value={number(counts.households)} />
        <Stat label={t('area.registeredPeople')} value={number(counts.people)} />
        {area.population ? <Stat label={t('area.population')} value={number(area.population)} note={t('area.populationSource')} /> : null}
        <Stat label={t('common.facilities')} value={number(facilities.length)} />
      </div>

      {(children.length > 0 || canAddSub) && (
        <Card
          flush
          title={childLevel ? t(LEVEL_KEY[childLevel]) : t('area.children')}
          count={children.length}
          actions={
            canAddSub && !adding ? (
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setAdding(true)} data-testid="add-subarea">
                <Icon name="plus" />
                {t('area.addSub')}
              </button>
            ) : undefined
          }
        >
          {adding && (
            <div style={{ padding: '16px var(--sp-4) 0' }}>
              <SubAreaForm
                parentCode={code}
                existing={children.map((c) => c.code)}
                onCancel={() => setAdding(false)}
                onCreated={() => {
                  setAdding(false);
                  toast(t('area.added'));
                  res.reload();
                }}
              />
            </div>
          )}
          {children.length ? (
            <DataTable dense columns={cols} rows={children} rowKey={(c) => c.code} rowHref={(c) => areaHref(c.code)} caption={t('area.children')} testId="area-children" />
          ) : (
            <Empty title={t('area.noChildren')} icon="map">
              {canAddSub ? t('area.noChildrenHint') : null}
            </Empty>
          )}
        </Card>
      )}

      <Card
        flush
        title={t('common.facilities')}
        count={facilities.length}
        actions={
          me.permissions.managePlaces ? (
            <Link className="btn btn-secondary btn-sm" to={`/facilities/new?area=${encodeURIComponent(code)}`}>
              <Icon name="plus" />
              {t('facility.add')}
            </Link>
          ) : undefined
        }
      >
        {facilities.length ? <FacilityTable items={facilities} /> : <Empty title={t('facility.none')} icon="facility" />}
      </Card>
    </div>
  );
}

import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { deleteArea, renameArea } from '../../api/areas';
import { listFacilities } from '../../api/facilities';
import type { AreaWithCounts } from '../../api/types';
import { Alert, Card, DataTable, Dialog, Empty, ErrorState, Loading, PageHeader, useErrorText, type Column } from '../../components/ui';
import { SelectField, TextField } from '../../components/Field';
import { AreaPicker, cachedArea, forgetArea } from '../../components/AreaPicker';
import { SubAreaForm } from '../../components/SubAreaForm';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { FacilityTable, areaHref } from '../AreaPage';
import { FACILITY_LABEL, FACILITY_TYPES } from '../../../core/facilities/types';
import { scopeRoot } from '../../lib/scope';
import { areaTypeLabel, displayName } from '../../lib/format';
import { levelOf } from '../../../core/areas/codes';

/** Admin: facilities and the sub-village units (dusun, RW, RT) of each desa. */
export function PlacesPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'areas' ? 'areas' : 'facilities';
  if (!me.permissions.managePlaces) return <Navigate to="/" replace />;
  return (
    <div className="page">
      <PageHeader eyebrow={t('nav.admin')} title={t('places.title')} sub={t('places.sub')} />
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'facilities'} onClick={() => setParams({}, { replace: true })}>
          {t('common.facilities')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'areas'} onClick={() => setParams({ tab: 'areas' }, { replace: true })}>
          {t('places.subAreas')}
        </button>
      </div>
      {tab === 'facilities' ? <FacilitiesTab /> : <SubAreasTab />}
    </div>
  );
}

function FacilitiesTab() {
  const { t, label } = useI18n();
  const [type, setType] = useState('');
  const res = useAsync(() => listFacilities({ type: type || undefined }), [type]);
  return (
    <>
      <div className="card">
        <div className="filters">
          <SelectField
            label={t('facility.type')}
            name="type"
            filter
            value={type}
            onValue={setType}
            placeholder={t('common.all')}
            options={FACILITY_TYPES.map((ft) => ({ value: ft, label: label(FACILITY_LABEL[ft]) }))}
          />
          <div>
            <Link className="btn btn-block" to={`/facilities/new${type ? `?type=${type}` : ''}`}>
              <Icon name="plus" />
              {t('facility.add')}
            </Link>
          </div>
        </div>
      </div>
      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <Card flush title={t('common.facilities')} count={res.data.items.length}>
          {res.data.items.length ? <FacilityTable items={res.data.items} /> : <Empty title={t('facility.none')} icon="facility" />}
        </Card>
      )}
    </>
  );
}

function SubAreasTab() {
  const me = useMe();
  const { t, number } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const root = scopeRoot(me);
  const [parent, setParent] = useState(levelOf(root) === 'village' ? root : '');
  const [tick, setTick] = useState(0);
  const res = useAsync(() => (parent ? cachedArea(parent) : Promise.resolve(null)), [parent, tick]);
  const [renaming, setRenaming] = useState<AreaWithCounts | null>(null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const refresh = () => {
    if (parent) forgetArea(parent);
    setTick((x) => x + 1);
  };

  async function remove(a: AreaWithCounts) {
    setError(null);
    try {
      await deleteArea(a.code);
      toast(t('places.deleted', { name: a.name }));
      refresh();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function rename() {
    if (!renaming || !newName.trim()) return;
    setError(null);
    try {
      await renameArea(renaming.code, newName.trim());
      setRenaming(null);
      toast(t('common.saved'));
      refresh();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const cols: Column<AreaWithCounts>[] = [
    { key: 'name', header: t('area.name'), primary: true, render: (a) => <Link to={areaHref(a.code)}>{displayName(a.name)}</Link> },
    { key: 'type', header: t('area.type'), render: (a) => areaTypeLabel(t, a.level, a.kind) },
    { key: 'code', header: t('area.code'), render: (a) => <span className="mono small">{a.code.slice(14)}</span> },
    { key: 'hh', header: t('common.households'), num: true, render: (a) => number(a.households) },
    {
      key: 'actions',
      header: t('common.actions'),
      wide: true,
      render: (a) => (
        <span className="actions">
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => {
              setRenaming(a);
              setNewName(a.name);
            }}
          >
            <Icon name="edit" />
            {t('places.rename')}
          </button>
          {a.households === 0 && a.people === 0 && (
            <button type="button" className="btn btn-danger-outline btn-sm" onClick={() => void remove(a)}>
              <Icon name="trash" />
              {t('common.delete')}
            </button>
          )}
        </span>
      ),
    },
  ];

  const subs = res.data?.children.filter((c) => c.level === 'dusun' || c.level === 'rw' || c.level === 'rt') ?? [];
  return (
    <>
      <div className="card form">
        <AreaPicker
          label={t('places.chooseVillage')}
          name="village"
          required
          value={parent}
          onChange={(c) => setParent(c)}
          rootCode={root}
          allowRoot
          selectableLevels={['village', 'dusun', 'rw']}
          hint={t('places.chooseVillageHint')}
        />
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {parent &&
        (res.error ? (
          <ErrorState error={res.error} onRetry={refresh} />
        ) : !res.data ? (
          <Loading />
        ) : (
          <>
            <Card flush title={t('places.unitsIn', { name: displayName(res.data.area.name) })} count={subs.length}>
              {subs.length ? <DataTable columns={cols} rows={subs} rowKey={(a) => a.code} /> : <Empty title={t('area.noChildren')} icon="map" />}
            </Card>
            <Card title={t('area.addSub')}>
              <SubAreaForm
                parentCode={parent}
                existing={res.data.children.map((c) => c.code)}
                onCreated={() => {
                  toast(t('area.added'));
                  refresh();
                }}
              />
            </Card>
          </>
        ))}
      <Dialog open={!!renaming} onClose={() => setRenaming(null)} title={t('places.rename')}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <TextField label={t('area.name')} name="name" required value={newName} onValue={setNewName} maxLength={80} />
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setRenaming(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn">
              {t('common.save')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

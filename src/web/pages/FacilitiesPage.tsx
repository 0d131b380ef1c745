import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync, useDebounced } from '../lib/useAsync';
import { listFacilities } from '../api/facilities';
import { getArea } from '../api/areas';
import { Card, Empty, ErrorState, Loading, PageHeader } from '../components/ui';
import { SelectField } from '../components/Field';
import { Icon } from '../components/Icon';
import { FacilityTable } from './AreaPage';
import { FACILITY_LABEL, FACILITY_TYPES } from '../../core/facilities/types';
import { placeName } from '../lib/format';

export function FacilitiesPage() {
  const me = useMe();
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const type = params.get('type') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const dq = useDebounced(q.trim(), 300);
  const res = useAsync(() => listFacilities({ area: area || undefined, type: type || undefined, q: dq || undefined }), [area, type, dq]);
  const areaRes = useAsync(() => (area ? getArea(area) : Promise.resolve(null)), [area]);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  const areaLabel = areaRes.data ? placeName(t, areaRes.data.area) : null;

  return (
    <div className="page">
      <PageHeader
        title={t('facility.listTitle')}
        sub={areaLabel ? t('facility.inArea', { area: areaLabel }) : t('facility.listSub')}
        actions={
          me.permissions.managePlaces ? (
            <Link className="btn" to={`/facilities/new${area ? `?area=${encodeURIComponent(area)}` : ''}`}>
              <Icon name="plus" />
              {t('facility.add')}
            </Link>
          ) : undefined
        }
      />
      <div className="card">
        <div className="filters">
          <div className="field">
            <label htmlFor="facility-q">{t('common.search')}</label>
            <div className="searchbar">
              <div className="search-input">
                <Icon name="search" />
                <input id="facility-q" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('facility.searchPlaceholder')} />
              </div>
            </div>
          </div>
          <SelectField
            label={t('facility.type')}
            name="type"
            filter
            value={type}
            onValue={(v) => set('type', v)}
            placeholder={t('common.all')}
            options={FACILITY_TYPES.map((ft) => ({ value: ft, label: label(FACILITY_LABEL[ft]) }))}
          />
        </div>
        {area && (
          <p className="small muted" style={{ marginTop: 12 }}>
            {t('facility.inArea', { area: areaLabel ?? area })} ·{' '}
            <button type="button" className="linkbtn" onClick={() => set('area', '')}>
              {t('common.clearFilter')}
            </button>
          </p>
        )}
      </div>
      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : res.loading && !res.data ? (
        <Loading />
      ) : (
        <Card flush title={t('common.facilities')} count={res.data?.items.length ?? 0}>
          {res.data && res.data.items.length ? <FacilityTable items={res.data.items} /> : <Empty title={t('facility.none')} icon="facility" />}
        </Card>
      )}
    </div>
  );
}

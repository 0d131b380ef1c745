/**
 * Due lists (/due): who is due, overdue or missed for a Posyandu (its
 * coverage) or an area (an RW) on a date (the next session), filtered by
 * stage and service, by household; with a print page for the paper list.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getDue, type DueQuery } from '../../api/fieldwork';
import { Card, Empty, ErrorState, Loading, PageHeader, Pagination } from '../../components/ui';
import { SelectField, TextField } from '../../components/Field';
import { AreaPicker } from '../../components/AreaPicker';
import { Icon } from '../../components/Icon';
import { scopeRoot } from '../../lib/scope';
import { todayIn } from '../../../core/time/dates';
import { PROGRAMMES } from '../../../core/protocol/catalogue';
import { STATUS_LABELS } from '../../../core/schedule/status';
import { DueTable } from './DueTable';
import { myPosyandus } from './places';
import { STAGE_LABEL, STAGE_ORDER } from './stages';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

export const DUE_PAGE_SIZE = 50;
const STATUSES = ['due', 'overdue', 'missed'] as const;
const DEFAULT_STATUS = 'due,overdue';

/** The due-list query in the URL (shared with the print page). */
export function dueQueryOf(params: URLSearchParams, fallback: { facility?: string; area?: string }): DueQuery {
  const facility = params.get('facility') ?? undefined;
  const area = params.get('area') ?? undefined;
  return {
    ...(facility ? { facility } : area ? { area } : fallback),
    on: params.get('on') ?? undefined,
    status: params.get('status') ?? DEFAULT_STATUS,
    stage: params.get('stage') ?? undefined,
    programme: params.get('programme') ?? undefined,
  };
}

export function DueListPage() {
  const me = useMe();
  const { t, label, number, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const posyandus = useAsync(() => myPosyandus(me), [me.id]);
  const fallback = me.facility ? { facility: me.facility.id } : { area: me.place.code };
  const q = dueQueryOf(params, fallback);
  const page = Number(params.get('page') ?? '1') || 1;
  const today = todayIn();
  const res = useAsync(() => getDue({ ...q, page, pageSize: DUE_PAGE_SIZE }), [JSON.stringify(q), page]);
  const statuses = (q.status ?? DEFAULT_STATUS).split(',');

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const placeOptions = useMemo(() => {
    const opts = (posyandus.data ?? []).map((f) => ({ value: `facility:${f.id}`, label: f.name }));
    if (me.facility && me.facility.type !== 'posyandu') opts.unshift({ value: `facility:${me.facility.id}`, label: me.facility.name });
    opts.push({ value: 'area', label: t('fw.byArea') });
    return opts;
  }, [posyandus.data, me.facility, t]);
  const placeValue = q.facility ? `facility:${q.facility}` : 'area';
  const printHref = `/due/print?${new URLSearchParams(Object.entries({ ...q }).filter(([, v]) => v) as [string, string][]).toString()}`;

  return (
    <div className="page fw-page">
      <PageHeader
        eyebrow={t('fw.dueListEyebrow')}
        title={t('fw.dueListTitle')}
        sub={t('fw.dueListSub')}
        actions={
          <Link className="btn btn-secondary" to={printHref} data-testid="print-due">
            <Icon name="audit" />
            {t('fw.printList')}
          </Link>
        }
      />
      <Card>
        <div className="filters fw-filters" data-testid="due-filters">
          <SelectField
            label={t('fw.place')}
            name="place"
            filter
            value={placeValue}
            onValue={(v) => (v === 'area' ? set({ facility: null, area: q.area ?? me.place.code }) : set({ facility: v.slice('facility:'.length), area: null }))}
            options={placeOptions}
          />
          {placeValue === 'area' && (
            <AreaPicker
              label={t('fw.area')}
              name="area"
              value={q.area ?? me.place.code}
              onChange={(code) => set({ area: code, facility: null })}
              rootCode={scopeRoot(me)}
              selectableLevels={['district', 'village', 'dusun', 'rw', 'rt']}
              allowRoot
            />
          )}
          <TextField label={t('fw.onDate')} name="on" type="date" filter value={q.on ?? today} onValue={(v) => set({ on: v && v !== today ? v : null })} hint={t('fw.onDateHint')} />
          <SelectField
            label={t('fw.stage')}
            name="stage"
            filter
            value={q.stage ?? ''}
            onValue={(v) => set({ stage: v })}
            placeholder={t('common.all')}
            options={STAGE_ORDER.map((s) => ({ value: s, label: label(STAGE_LABEL[s]) }))}
          />
          <SelectField
            label={t('fw.service')}
            name="programme"
            filter
            value={q.programme ?? ''}
            onValue={(v) => set({ programme: v })}
            placeholder={t('common.all')}
            options={PROGRAMMES.map((p) => ({ value: p.id, label: label(p.label) }))}
          />
          <fieldset className="fw-status-filter">
            <legend className="label">{t('fw.status')}</legend>
            <div className="segmented">
              {STATUSES.map((s) => (
                <label key={s}>
                  <input
                    type="checkbox"
                    name={`status-${s}`}
                    checked={statuses.includes(s)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...statuses, s] : statuses.filter((x) => x !== s);
                      set({ status: next.length ? STATUSES.filter((x) => next.includes(x)).join(',') : DEFAULT_STATUS });
                    }}
                  />
                  {label(STATUS_LABELS[s])}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </Card>

      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : res.loading && !res.data ? (
        <Loading />
      ) : !res.data || res.data.people.length === 0 ? (
        <Empty title={t('fw.nobodyDue')} icon="check" />
      ) : (
        <Card title={t('fw.peopleDue')} count={res.data.total}>
          <p className="small muted">{t('fw.dueOn', { date: date(res.data.on), n: number(res.data.total) })}</p>
          <DueTable rows={res.data.people} on={res.data.on} testId="due-table" />
          <Pagination page={page} pageSize={DUE_PAGE_SIZE} total={res.data.total} onPage={(p) => set({ page: String(p) })} />
        </Card>
      )}
    </div>
  );
}

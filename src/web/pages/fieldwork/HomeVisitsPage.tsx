/**
 * Home visits (/home-visits): the kader's route — households that need a
 * visit, most urgent first (danger signs and open referrals, then missed,
 * then overdue services, then absent from the Posyandu), each with its
 * reasons; a household opens the one-visit-many-members view.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n, type MessageKey } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { homeVisitRoute, type ReasonKind, type RouteStop } from '../../api/fieldwork';
import { Badge, Card, Empty, ErrorState, Loading, PageHeader } from '../../components/ui';
import { SelectField, TextField } from '../../components/Field';
import { AreaPicker } from '../../components/AreaPicker';
import { Icon } from '../../components/Icon';
import { scopeRoot } from '../../lib/scope';
import { rtRwLabel } from '../../lib/format';
import { todayIn } from '../../../core/time/dates';
import { myPosyandus } from './places';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

export const REASON_LABEL: Record<ReasonKind, MessageKey> = {
  danger_sign: 'fw.reason.danger_sign',
  referral_open: 'fw.reason.referral_open',
  missed: 'fw.reason.missed',
  overdue: 'fw.reason.overdue',
  absent_posyandu: 'fw.reason.absent_posyandu',
};
const URGENCY_LABEL: Record<number, MessageKey> = { 1: 'fw.urgency.1', 2: 'fw.urgency.2', 3: 'fw.urgency.3', 4: 'fw.urgency.4' };
/** Reasons shown per household on the route (the most urgent first; the household page has them all). */
const REASONS_SHOWN = 4;
const URGENCY_TONE: Record<number, 'danger' | 'warning' | 'info' | undefined> = { 1: 'danger', 2: 'warning', 3: 'info', 4: undefined };

export function HomeVisitsPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayIn();
  const posyandus = useAsync(() => myPosyandus(me), [me.id]);
  const facility = params.get('facility') ?? (params.get('area') ? undefined : me.facility?.id);
  const area = facility ? undefined : (params.get('area') ?? me.place.code);
  const on = params.get('on') ?? today;
  const route = useAsync(() => homeVisitRoute({ facility, area, on: on === today ? undefined : on }), [facility, area, on]);

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const placeOptions = useMemo(() => {
    const opts = (posyandus.data ?? []).map((f) => ({ value: `facility:${f.id}`, label: f.name }));
    if (me.facility && me.facility.type !== 'posyandu') opts.unshift({ value: `facility:${me.facility.id}`, label: me.facility.name });
    opts.push({ value: 'area', label: t('fw.byArea') });
    return opts;
  }, [posyandus.data, me.facility, t]);

  const stops = route.data ?? [];
  return (
    <div className="page fw-page">
      <PageHeader eyebrow={t('fw.homeVisits')} title={t('fw.routeTitle')} sub={t('fw.routeSub')} />
      <Card>
        <div className="filters fw-filters">
          <SelectField
            label={t('fw.place')}
            name="place"
            filter
            value={facility ? `facility:${facility}` : 'area'}
            onValue={(v) => (v === 'area' ? set({ facility: null, area: me.place.code }) : set({ facility: v.slice('facility:'.length), area: null }))}
            options={placeOptions}
          />
          {!facility && (
            <AreaPicker label={t('fw.area')} name="area" value={area ?? me.place.code} onChange={(code) => set({ area: code })} rootCode={scopeRoot(me)} selectableLevels={['village', 'dusun', 'rw', 'rt']} allowRoot />
          )}
          <TextField label={t('fw.visitDate')} name="on" type="date" filter value={on} onValue={(v) => set({ on: v && v !== today ? v : null })} />
        </div>
      </Card>

      {route.error ? (
        <ErrorState error={route.error} onRetry={route.reload} />
      ) : route.loading && !route.data ? (
        <Loading />
      ) : stops.length === 0 ? (
        <Empty title={t('fw.routeEmpty')} icon="check" />
      ) : (
        <ol className="fw-route" data-testid="route">
          {stops.map((s, i) => (
            <RouteCard key={s.household.id} stop={s} n={i + 1} on={on} />
          ))}
        </ol>
      )}
    </div>
  );
}

function RouteCard({ stop, n, on }: { stop: RouteStop; n: number; on: string }) {
  const { t, date } = useI18n();
  const h = stop.household;
  const names = new Map(stop.members.map((m) => [m.person.id, m.person.name]));
  // Services that can still be given (missed ones are history, not work for this visit).
  const due = stop.members.reduce((a, m) => a + m.items.filter((i) => i.status !== 'missed').length, 0);
  // The most urgent few, and always the Posyandu absence: it is what the sweeping after a Posyandu day looks for.
  const reasons = stop.reasons.filter((r, i) => i < REASONS_SHOWN || r.kind === 'absent_posyandu');
  const more = stop.reasons.length - reasons.length;
  return (
    <li className={`card fw-stop fw-urgency-${stop.urgency}`} data-testid="route-stop">
      <div className="fw-stop-head">
        <span className="fw-stop-n" aria-hidden="true">{n}</span>
        <div className="fw-stop-title">
          <Link to={`/home-visits/households/${h.id}${on !== todayIn() ? `?on=${on}` : ''}`} data-testid="route-household">
            {h.headName ? t('household.titleOf', { name: h.headName }) : t('household.title')}
          </Link>
          <span className="small muted">{[h.address, rtRwLabel(h.rt, h.rw, h.dusun)].filter(Boolean).join(' · ')}</span>
          {stop.priority < 3 && (
            <span className="fw-stop-priority">
              <Badge>{t(stop.priority === 1 ? 'fw.priority.1' : 'fw.priority.2')}</Badge>
            </span>
          )}
        </div>
        <Badge tone={URGENCY_TONE[stop.urgency]}>{t(URGENCY_LABEL[stop.urgency] ?? 'fw.urgency.4')}</Badge>
      </div>
      <ul className="fw-reasons">
        {reasons.map((r, i) => (
          <li key={`${r.personId}-${r.kind}-${i}`} className={`fw-reason fw-reason-${r.kind}`}>
            <strong>{names.get(r.personId) ?? ''}</strong>
            <span>
              {t(REASON_LABEL[r.kind])}: {r.label}
              {r.since ? <span className="muted"> · {t('fw.since', { date: date(r.since) })}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="small muted">{t('fw.moreReasons', { n: more })}</p>}
      <p className="small muted">{t('fw.membersDue', { members: stop.members.length, items: due })}</p>
      <Link className="btn btn-secondary btn-sm" to={`/home-visits/households/${h.id}`}>
        <Icon name="households" />
        {t('fw.visitHousehold')}
      </Link>
    </li>
  );
}

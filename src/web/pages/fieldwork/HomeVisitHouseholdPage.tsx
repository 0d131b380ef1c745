/**
 * One home visit to a household (/home-visits/households/:id): every
 * member's due items on one screen, one visit for the household (a field
 * session of kind home_visit), a recording per member served, the follow-up
 * note and a referral link; and the household's past home visits.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getHousehold } from '../../api/households';
import { createHomeVisit, listHomeVisits, type HomeVisit } from '../../api/fieldwork';
import { personSchedule, type ScheduleView, type VisitResult } from '../../api/visits';
import type { HouseholdDetail, PersonSummary } from '../../api/types';
import { Alert, Badge, Breadcrumbs, Card, ErrorState, Loading, PageHeader, useErrorText } from '../../components/ui';
import { TextAreaField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ageLabel, rtRwLabel } from '../../lib/format';
import { todayIn } from '../../../core/time/dates';
import { VisitRecorder } from '../../records/VisitRecorder';
import { ACTIONABLE } from '../../records/due-offers';
import { newId } from '../../records/ids';
import { DueItemsList, SavedVisit } from './shared';
import { StageBadges } from './person-bits';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

const VISIT_KEY = 'siklus.homeVisit.';
/** Due items shown per member before the rest is folded away. */
const MEMBER_DUE_SHOWN = 4;

/** The home visit opened for this household today (kept across a reload, so the same visit continues). */
function storedVisit(householdId: string, on: string): HomeVisit | null {
  try {
    const raw = sessionStorage.getItem(`${VISIT_KEY}${householdId}.${on}`);
    return raw ? (JSON.parse(raw) as HomeVisit) : null;
  } catch {
    return null;
  }
}
function storeVisit(v: HomeVisit, on: string): void {
  try {
    sessionStorage.setItem(`${VISIT_KEY}${v.householdId}.${on}`, JSON.stringify(v));
  } catch {
    /* private mode: the visit lives in memory only */
  }
}

export function HomeVisitHouseholdPage() {
  const { id = '' } = useParams();
  const res = useAsync(() => getHousehold(id), [id]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <HouseholdVisit key={id} detail={res.data} />;
}

function HouseholdVisit({ detail }: { detail: HouseholdDetail }) {
  const { t, date } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const today = todayIn();
  const on = params.get('on') ?? today;
  const h = detail.household;
  const members = detail.members.filter((m) => m.status === 'alive');
  const schedules = useAsync(async () => {
    const all = await Promise.all(members.map((m) => personSchedule(m.id, on === today ? undefined : on).then((s) => [m.id, s] as const, () => [m.id, null] as const)));
    return new Map<string, ScheduleView | null>(all);
  }, [h.id, on, members.length]);
  const past = useAsync(() => listHomeVisits({ household: h.id }), [h.id]);
  const [visit, setVisit] = useState<HomeVisit | null>(() => storedVisit(h.id, on));
  const [notes, setNotes] = useState('');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingId] = useState(newId);
  const [openMember, setOpenMember] = useState<string | null>(null);
  const [saved, setSaved] = useState<Record<string, VisitResult>>({});
  const title = h.headName ? t('household.titleOf', { name: h.headName }) : t('household.title');

  async function start() {
    setStarting(true);
    setError(null);
    try {
      // The same id on a retry: the server keeps one home visit.
      const v = await createHomeVisit({ id: pendingId, householdId: h.id, date: on, notes: notes.trim() || null });
      setVisit(v);
      storeVisit(v, on);
      toast(t('fw.homeVisitStarted'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setStarting(false);
    }
  }

  function onSaved(personId: string, r: VisitResult) {
    setSaved((s) => ({ ...s, [personId]: r }));
    schedules.setData(new Map([...(schedules.data ?? new Map()), [personId, r.schedule]]));
    setOpenMember(null);
    toast(t('common.saved'));
  }

  return (
    <div className="page fw-page">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: t('fw.homeVisits'), to: '/home-visits' }, { label: title }]} />}
        eyebrow={t('fw.homeVisit')}
        title={title}
        sub={[h.address, rtRwLabel(h.rt, h.rw, h.dusun), h.villageName].filter(Boolean).join(' · ')}
        badges={visit ? <Badge tone="success">{t('fw.visitInProgress', { date: date(visit.date) })}</Badge> : undefined}
        actions={
          <Link className="btn btn-secondary" to={`/households/${h.id}`}>
            {t('fw.householdPage')}
          </Link>
        }
      />
      {error && <Alert tone="error">{error}</Alert>}

      {!visit && (
        <Card title={t('fw.startVisit')}>
          <TextAreaField label={t('fw.visitNotes')} name="notes" value={notes} onValue={setNotes} rows={2} maxLength={1000} hint={t('fw.visitNotesHint')} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => void start()} disabled={starting} data-testid="start-home-visit">
              <Icon name="households" />
              {starting ? t('common.saving') : t('fw.startVisit')}
            </button>
          </div>
        </Card>
      )}

      {schedules.loading && !schedules.data ? (
        <Loading />
      ) : (
        <div className="fw-members" data-testid="household-members">
          {members.map((m) => (
            <MemberCard
              key={m.id}
              member={m}
              on={on}
              schedule={schedules.data?.get(m.id) ?? null}
              visit={visit}
              open={openMember === m.id}
              onOpen={() => setOpenMember(openMember === m.id ? null : m.id)}
              saved={saved[m.id] ?? null}
              onSaved={(r) => onSaved(m.id, r)}
            />
          ))}
        </div>
      )}

      <Card title={t('fw.pastHomeVisits')} count={past.data?.length}>
        {past.error ? (
          <Alert tone="error">{errorText(past.error)}</Alert>
        ) : !past.data ? (
          <Loading />
        ) : past.data.length === 0 ? (
          <p className="muted small">{t('fw.noPastHomeVisits')}</p>
        ) : (
          <ul className="list" data-testid="past-home-visits">
            {past.data.map((v) => (
              <li className="list-item" key={v.id}>
                <div className="list-item-main">
                  <strong>{date(v.date)}</strong>
                  <span className="list-item-meta">
                    {[v.openedByName, v.notes, v.visits?.length ? t('fw.membersServed', { n: v.visits.length }) : null].filter(Boolean).join(' · ')}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function MemberCard({ member: m, on, schedule, visit, open, onOpen, saved, onSaved }: {
  member: PersonSummary;
  on: string;
  schedule: ScheduleView | null;
  visit: HomeVisit | null;
  open: boolean;
  onOpen: () => void;
  saved: VisitResult | null;
  onSaved: (r: VisitResult) => void;
}) {
  const { t } = useI18n();
  const items = (schedule?.entries ?? []).filter((e) => ACTIONABLE.includes(e.status) || e.status === 'missed');
  return (
    <section className="card fw-member" data-testid="member-card">
      <div className="fw-member-head">
        <div>
          <Link to={`/people/${m.id}`}>
            <strong>{m.name}</strong>
          </Link>
          <div className="small muted">
            {ageLabel(t, m.birthDate, on)} · {m.sex === 'F' ? t('person.female') : t('person.male')}
          </div>
          {schedule && (
            <div className="badges">
              <StageBadges stages={schedule.stages} />
            </div>
          )}
        </div>
        {saved && (
          <Badge tone="success">
            <Icon name="check" />
            {t('fw.recorded')}
          </Badge>
        )}
      </div>
      {/* The most urgent few first, the rest folded: a household visit shows every member on one screen. */}
      {schedule ? <DueItemsList items={items} empty={t('fw.memberNothingDue')} limit={MEMBER_DUE_SHOWN} /> : <p className="small muted">{t('fw.scheduleUnavailable')}</p>}
      {saved && <SavedVisit result={saved} personId={m.id} />}
      {visit ? (
        open ? (
          <VisitRecorder
            person={{ id: m.id, sex: m.sex, birthDate: m.birthDate, name: m.name }}
            schedule={schedule}
            placeKind="home"
            sessionId={visit.id}
            on={on}
            open={['note']}
            noteTitle={t('fw.followUp')}
            onSaved={onSaved}
          />
        ) : (
          <div className="actions">
            <button type="button" className="btn btn-sm" onClick={onOpen} data-testid={`record-member-${m.id}`}>
              <Icon name="edit" />
              {saved ? t('fw.recordMore') : t('fw.recordForMember')}
            </button>
            {/* After a save the saved visit offers the referral (with the visit linked). */}
            {!saved && (
              <Link className="btn btn-ghost btn-sm" to={`/referrals/new?personId=${encodeURIComponent(m.id)}&back=${encodeURIComponent(`/home-visits/households/${m.householdId ?? ''}`)}`}>
                <Icon name="move" />
                {t('fw.refer')}
              </Link>
            )}
          </div>
        )
      ) : null}
      {open && visit && (
        <button type="button" className="linkbtn small" onClick={onOpen}>
          {t('common.cancel')}
        </button>
      )}
    </section>
  );
}

/**
 * One person at the Posyandu (/posyandu/:sessionId/people/:personId): the
 * steps after registration — weighing and measuring, recording, services,
 * counselling, referral — each showing only what is due for the person's
 * stage (plus whatever the kader adds), saved into the session's visit.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getPerson } from '../../api/people';
import { attend, getSession, type SessionDetail } from '../../api/fieldwork';
import { personEvents, personSchedule, type RecordedEvent, type VisitResult } from '../../api/visits';
import type { PersonDetail } from '../../api/types';
import { Alert, Badge, Breadcrumbs, Card, ErrorState, Loading, PageHeader, useErrorText } from '../../components/ui';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ageLabel } from '../../lib/format';
import { todayIn } from '../../../core/time/dates';
import { VisitRecorder } from '../../records/VisitRecorder';
import { ACTIONABLE, STEPS, STEP_SECTIONS, offersFor, type SectionId, type StepId } from '../../records/due-offers';
import { DueItemsList, SavedVisit } from './shared';
import { computePreview, useAnthro } from '../../records/anthro-preview';
import { ResultCard } from '../../records/ui';
import { toneOf } from '../../records/tone';
import { eventValueText } from '../../records/event-text';
import { LOINC } from '../../../core/codes/loinc';
import { WHO2006_LAST_DAY } from '../../../core/anthropometry/who-rules';
import { ageInDays } from '../../../core/time/dates';
import { PregnancyLine, StageBadges } from './person-bits';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

const STEP_LABEL: Record<StepId, MessageKey> = {
  measure: 'fw.step.measure',
  record: 'fw.step.record',
  serve: 'fw.step.serve',
  counsel: 'fw.step.counsel',
  refer: 'fw.step.refer',
};
const STEP_DONE = { measure: 'measured', record: 'recorded', serve: 'served', counsel: 'counselled', refer: 'referred' } as const;

export function PosyanduPersonPage() {
  const { sessionId = '', personId = '' } = useParams();
  const session = useAsync(() => getSession(sessionId), [sessionId]);
  const person = useAsync(() => getPerson(personId), [personId]);
  if ((session.loading && !session.data) || (person.loading && !person.data)) return <Loading />;
  if (session.error || !session.data) return <ErrorState error={session.error} onRetry={session.reload} />;
  if (person.error || !person.data) return <ErrorState error={person.error} onRetry={person.reload} />;
  return <PersonSteps key={personId} session={session.data} detail={person.data} reloadSession={session.reload} />;
}

function PersonSteps({ session: s, detail, reloadSession }: { session: SessionDetail; detail: PersonDetail; reloadSession: () => void }) {
  const { t, date } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const p = detail.person;
  const on = s.session.date;
  const today = todayIn();
  const schedule = useAsync(() => personSchedule(p.id, on === today ? undefined : on), [p.id, on]);
  const attendance = s.attended.find((a) => a.person.id === p.id);
  const [step, setStep] = useState<StepId>('measure');
  const [saved, setSaved] = useState<VisitResult | null>(null);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [arriving, setArriving] = useState(false);
  const closed = !!s.session.closedAt;
  // What was recorded for the person on the session day so far (each step saves its own visit of the session).
  const visit = useAsync(
    () => personEvents(p.id).then((events) => ({ events: events.filter((e) => e.occurredOn === on) })),
    [p.id, on, saved?.visit.id, round],
  );

  const offers = offersFor(schedule.data?.entries ?? []);
  const dueIn = (st: StepId): number =>
    st === 'measure' || st === 'record' || st === 'serve' ? offers.filter((o) => STEP_SECTIONS[st].includes(o.section)).length : 0;
  // Everyone who comes to the Posyandu is weighed (KMK §IV "5 langkah": step 2), whatever is due.
  const openFor = (st: StepId): SectionId[] => (st === 'measure' ? ['measure'] : st === 'counsel' ? ['note'] : []);
  const open = (schedule.data?.entries ?? []).filter((e) => ACTIONABLE.includes(e.status));

  async function arrive() {
    setArriving(true);
    setError(null);
    try {
      await attend(s.session.id, p.id);
      reloadSession();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setArriving(false);
    }
  }

  function onSaved(r: VisitResult) {
    setSaved(r);
    schedule.setData(r.schedule);
    toast(t('common.saved'));
    reloadSession();
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  function next() {
    setSaved(null);
    setRound((x) => x + 1);
    const i = STEPS.indexOf(step);
    if (i < STEPS.length - 1) setStep(STEPS[i + 1]!);
  }

  return (
    <div className="page page-narrow fw-page">
      <PageHeader
        crumbs={
          <Breadcrumbs
            items={[
              { label: t('fw.posyandu'), to: '/posyandu' },
              { label: `${s.facility.name} · ${date(on)}`, to: `/posyandu/${s.session.id}` },
              { label: p.name },
            ]}
          />
        }
        eyebrow={s.facility.name}
        title={p.name}
        badges={
          <>
            <Badge tone="primary">{p.sex === 'F' ? t('person.female') : t('person.male')}</Badge>
            <Badge>{ageLabel(t, p.birthDate, on)}</Badge>
            {schedule.data && <StageBadges stages={schedule.data.stages} />}
          </>
        }
        actions={
          <Link className="btn btn-secondary" to={`/posyandu/${s.session.id}`} data-testid="back-to-session">
            <Icon name="chevronLeft" />
            {t('fw.backToList')}
          </Link>
        }
      />

      {error && <Alert tone="error">{error}</Alert>}
      {!attendance && !closed && (
        <Alert tone="info">
          {t('fw.notRegisteredYet')}{' '}
          <button type="button" className="btn btn-sm" onClick={() => void arrive()} disabled={arriving} data-testid="register-arrival">
            {t('fw.arrived')}
          </button>
        </Alert>
      )}

      <nav className="fw-steps" aria-label={t('fw.steps')}>
        <ol>
          <li className="done">
            {/* One pill, like the buttons: the number and the label inside it. */}
            <span>
              <span className="fw-step-n">1</span>
              <span>{t('fw.step.register')}</span>
            </span>
          </li>
          {STEPS.map((st, i) => {
            const done = attendance?.steps[STEP_DONE[st]] ?? false;
            const n = dueIn(st);
            return (
              <li key={st} className={`${step === st ? 'current' : ''}${done ? ' done' : ''}`}>
                <button type="button" onClick={() => { setStep(st); setSaved(null); }} aria-current={step === st ? 'step' : undefined} data-testid={`step-${st}`}>
                  <span className="fw-step-n">{done ? <Icon name="check" /> : i + 2}</span>
                  <span>{t(STEP_LABEL[st])}</span>
                  {n > 0 && !done && <span className="fw-step-due">{n}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      {schedule.data?.pregnancy && <PregnancyLine pregnancy={schedule.data.pregnancy} />}

      {saved && (
        <SavedVisit result={saved} personId={p.id}>
          <button type="button" className="btn" onClick={next} data-testid="next-step">
            {step === 'refer' ? t('fw.done') : t('fw.nextStep')}
            <Icon name="chevronRight" />
          </button>
        </SavedVisit>
      )}

      {closed ? (
        <Alert tone="info">{t('fw.sessionIsClosed')}</Alert>
      ) : !saved && step === 'refer' ? (
        <>
        <TodayFindings person={p} on={on} events={visit.data?.events ?? []} />
        <Card title={t('fw.step.refer')}>
          <p className="small">{t('fw.referText')}</p>
          <DueItemsList items={open} testId="refer-due" />
          <div className="actions">
            <Link
              className="btn"
              to={`/referrals/new?personId=${encodeURIComponent(p.id)}${attendance ? `&visitId=${encodeURIComponent(attendance.visitId)}` : ''}&back=${encodeURIComponent(`/posyandu/${s.session.id}`)}`}
              data-testid="make-referral"
            >
              <Icon name="move" />
              {t('fw.refer')}
            </Link>
            <button type="button" className="btn btn-secondary" onClick={() => navigate(`/posyandu/${s.session.id}`)} data-testid="no-referral">
              {t('fw.noReferralNeeded')}
            </button>
          </div>
        </Card>
        </>
      ) : !saved && schedule.data ? (
        <>
        {step === 'counsel' && <TodayFindings person={p} on={on} events={visit.data?.events ?? []} />}
        <VisitRecorder
          key={`${step}-${round}`}
          person={{ id: p.id, sex: p.sex, birthDate: p.birthDate, name: p.name }}
          schedule={schedule.data}
          placeKind="posyandu"
          facilityId={s.session.facilityId}
          sessionId={s.session.id}
          on={on}
          only={step === 'counsel' ? ['note'] : STEP_SECTIONS[step as 'measure' | 'record' | 'serve']}
          open={openFor(step)}
          noteTitle={step === 'counsel' ? t('fw.counselTitle') : undefined}
          saveLabel={t('fw.saveStep')}
          onSaved={onSaved}
        />
        </>
      ) : schedule.error ? (
        <ErrorState error={schedule.error} onRetry={schedule.reload} />
      ) : (
        !saved && <Loading />
      )}
    </div>
  );
}

/**
 * Today's results at the counselling and referral steps: every value
 * recorded in this visit, and for a child under five the z-score categories
 * of today's weighing and length/height (core's rules with the approximate
 * tables, as while typing), so the kader counsels and refers on what was found.
 */
function TodayFindings({ person, on, events }: { person: { sex: 'M' | 'F'; birthDate: string }; on: string; events: RecordedEvent[] }) {
  const { t, number, label } = useI18n();
  const child = ageInDays(person.birthDate, on) <= WHO2006_LAST_DAY;
  const anthro = useAnthro(child);
  const live = events.filter((e) => !e.supersededBy);
  const last = (codes: string[]) => live.filter((e) => codes.includes(e.code) && typeof e.valueNum === 'number').at(-1);
  const weight = last([LOINC.weight]);
  const lh = last([LOINC.length, LOINC.height]);
  const preview =
    child && anthro && (weight || lh)
      ? computePreview(anthro, {
          sex: person.sex,
          birthDate: person.birthDate,
          on,
          ...(weight ? { weightKg: weight.valueNum! } : {}),
          ...(lh ? { lengthHeightCm: lh.valueNum! } : {}),
          position: lh?.code === LOINC.height ? 'h' : 'l',
        })
      : null;
  if (!live.length) return null;
  return (
    <Card title={t('fw.todayFindings')}>
      <div data-testid="today-findings">
        {preview && preview.categories.length > 0 && (
          <div className="fw-results">
            {preview.categories.map((c) => (
              <ResultCard key={c.index} title={t(`fw.index.${c.index}`)} band={label(c.category)} tone={toneOf(c.category.code)} preliminary={preview.approximate} testId={`today-${c.index}`} />
            ))}
          </div>
        )}
        <ul className="fw-saved-list">
          {live.map((e) => (
            <li key={e.id}>
              <span>{e.label}</span>
              <strong>{eventValueText(e, t, number, label)}</strong>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

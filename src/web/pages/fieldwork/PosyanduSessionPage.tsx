/**
 * One Posyandu day (/posyandu/:sessionId): registration (find a person by
 * name, NIK or KK, or register a new one), the people expected today, the
 * people present with their progress through the steps, and closing the day.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { useAsync, useDebounced } from '../../lib/useAsync';
import { searchPeople } from '../../api/people';
import { attend, closeSession, getSession, type Attendance, type DuePerson, type SessionDetail, type Steps } from '../../api/fieldwork';
import type { PersonSummary } from '../../api/types';
import { Alert, Badge, Breadcrumbs, Card, Dialog, ErrorState, Loading, PageHeader, Stat, useErrorText } from '../../components/ui';
import { Icon } from '../../components/Icon';
import { ageLabel, maskNik } from '../../lib/format';
import { STEPS, type StepId } from '../../records/due-offers';
import { DueChip } from '../../records/ui';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

const STEP_OF: Record<StepId, keyof Steps> = { measure: 'measured', record: 'recorded', serve: 'served', counsel: 'counselled', refer: 'referred' };
/** Search starts from this many characters (a name fragment, or the first digits of a NIK/KK). */
const MIN_QUERY = 2;
/** People of the expected list shown at once (more on request). */
const WAITING_PAGE = 30;
/** Rows of search results shown. */
const SEARCH_ROWS = 8;

export function PosyanduSessionPage() {
  const { sessionId = '' } = useParams();
  const res = useAsync(() => getSession(sessionId), [sessionId]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <SessionView detail={res.data} reload={res.reload} />;
}

export function StepDots({ steps }: { steps: Steps }) {
  const { t } = useI18n();
  const done = STEPS.filter((s) => steps[STEP_OF[s]]).length;
  return (
    <span className="fw-dots" role="img" aria-label={t('fw.stepsDone', { n: done, total: STEPS.length })} title={t('fw.stepsDone', { n: done, total: STEPS.length })}>
      {STEPS.map((s) => (
        <span key={s} className={steps[STEP_OF[s]] ? 'on' : undefined} />
      ))}
    </span>
  );
}

function SessionView({ detail, reload }: { detail: SessionDetail; reload: () => void }) {
  const { t, date, number } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const { session, facility, expected, attended } = detail;
  const closed = !!session.closedAt;
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closeOpen, setCloseOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const present = new Set(attended.map((a) => a.person.id));
  const waiting = expected.filter((e) => !present.has(e.person.id));
  // A whole RW can be due on one day: the list grows by pages instead of one endless scroll.
  const [shownWaiting, setShownWaiting] = useState(WAITING_PAGE);

  async function arrive(personId: string) {
    const already = attended.find((a) => a.person.id === personId);
    if (already) {
      navigate(`/posyandu/${session.id}/people/${personId}`);
      return;
    }
    setBusyId(personId);
    setError(null);
    try {
      await attend(session.id, personId);
      navigate(`/posyandu/${session.id}/people/${personId}`);
    } catch (e) {
      setError(errorText(e));
      setBusyId(null);
    }
  }

  // Coming back from registering a new person: ?attend=<id> registers the arrival.
  const attendParam = params.get('attend');
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!attendParam || closed || handled.current === attendParam) return;
    handled.current = attendParam;
    setParams({}, { replace: true });
    void arrive(attendParam);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attendParam, closed]);

  async function close() {
    setClosing(true);
    setError(null);
    try {
      const r = await closeSession(session.id);
      navigate(`/posyandu/${session.id}/summary`, { state: r });
    } catch (e) {
      setError(errorText(e));
      setCloseOpen(false);
    } finally {
      setClosing(false);
    }
  }

  return (
    <div className="page fw-page">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: t('fw.posyandu'), to: '/posyandu' }, { label: date(session.date) }]} />}
        eyebrow={t('fw.posyanduDay')}
        title={facility.name}
        sub={date(session.date)}
        badges={closed ? <Badge tone="success">{t('fw.closed')}</Badge> : <Badge tone="warning">{t('fw.open')}</Badge>}
        actions={
          closed ? (
            <Link className="btn" to={`/posyandu/${session.id}/summary`}>
              {t('fw.seeSummary')}
            </Link>
          ) : (
            <button type="button" className="btn btn-secondary" onClick={() => setCloseOpen(true)} data-testid="close-session">
              <Icon name="check" />
              {t('fw.closeSession')}
            </button>
          )
        }
      />

      <div className="stats" data-testid="session-stats">
        <Stat label={t('fw.present')} value={number(attended.length)} />
        <Stat label={t('fw.expected')} value={number(expected.length)} />
        <Stat label={t('fw.notYetCome')} value={number(waiting.length)} />
      </div>

      {error && <Alert tone="error">{error}</Alert>}

      {!closed && <Registration areaCode={facility.areaCode} sessionId={session.id} onArrive={arrive} busyId={busyId} present={present} />}

      <Card
        title={t('fw.present')}
        count={attended.length}
        flush
        actions={
          <button type="button" className="btn btn-ghost btn-sm" onClick={reload} data-testid="refresh-session">
            <Icon name="history" />
            {t('fw.refresh')}
          </button>
        }
      >
        {attended.length === 0 ? (
          <p className="muted small fw-pad">{t('fw.nobodyYet')}</p>
        ) : (
          <ul className="list fw-people" data-testid="attended-list">
            {attended.map((a: Attendance) => (
              <li className="list-item" key={a.person.id}>
                <div className="list-item-main">
                  <Link to={`/posyandu/${session.id}/people/${a.person.id}`}>{a.person.name}</Link>
                  <span className="list-item-meta">
                    {a.person.ageLabel || ageLabel(t, a.person.birthDate, session.date)}
                    {a.person.headName ? ` · ${t('household.titleOf', { name: a.person.headName })}` : ''}
                  </span>
                </div>
                <div className="list-item-side">
                  <StepDots steps={a.steps} />
                </div>
                <Icon name="chevronRight" className="chev" />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('fw.expectedNotYet')} count={waiting.length} flush>
        {waiting.length === 0 ? (
          <p className="muted small fw-pad">{t('fw.allExpectedCame')}</p>
        ) : (
          <ul className="list fw-people" data-testid="expected-list">
            {waiting.slice(0, shownWaiting).map((e: DuePerson) => (
              <li className="list-item fw-expected" key={e.person.id}>
                <div className="list-item-main">
                  <Link to={`/people/${e.person.id}`}>{e.person.name}</Link>
                  <span className="list-item-meta">
                    {e.person.ageLabel || ageLabel(t, e.person.birthDate, session.date)}
                    {e.person.rt ? ` · RT ${e.person.rt}` : ''}
                    {e.person.headName ? ` · ${t('household.titleOf', { name: e.person.headName })}` : ''}
                  </span>
                  <span className="fw-chips">
                    {e.items.slice(0, 4).map((i) => (
                      <DueChip key={i.key} label={i.label} status={i.status} />
                    ))}
                    {e.items.length > 4 && <span className="small muted">+{e.items.length - 4}</span>}
                  </span>
                </div>
                {!closed && (
                  <div className="list-item-side">
                    <button type="button" className="btn btn-sm" onClick={() => void arrive(e.person.id)} disabled={busyId === e.person.id} data-testid={`arrive-${e.person.id}`}>
                      {t('fw.arrived')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {waiting.length > shownWaiting && (
          <div className="fw-pad">
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setShownWaiting((n) => n + WAITING_PAGE)} data-testid="show-more-expected">
              {t('fw.showMore', { n: number(Math.min(WAITING_PAGE, waiting.length - shownWaiting)), total: number(waiting.length - shownWaiting) })}
            </button>
          </div>
        )}
      </Card>

      <Dialog open={closeOpen} onClose={() => setCloseOpen(false)} title={t('fw.closeSession')}>
        <p>{t('fw.closeConfirm', { present: number(attended.length), waiting: number(waiting.length) })}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => setCloseOpen(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn" onClick={() => void close()} disabled={closing} data-testid="confirm-close">
            {closing ? t('common.saving') : t('fw.closeSession')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

/** Find a person in under a second: name, NIK or KK number; or register a new one. */
function Registration({ areaCode, sessionId, onArrive, busyId, present }: {
  areaCode: string;
  sessionId: string;
  onArrive: (personId: string) => void;
  busyId: string | null;
  present: Set<string>;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const results = useAsync(
    () => (query.length >= MIN_QUERY ? searchPeople({ q: query, pageSize: SEARCH_ROWS }) : Promise.resolve(null)),
    [query],
  );
  const items: PersonSummary[] = results.data?.items ?? [];
  const back = `/posyandu/${sessionId}`;
  return (
    <Card title={t('fw.registration')}>
      <div className="searchbar">
        <div className="search-input">
        <Icon name="search" />
        <input
          className="input"
          type="search"
          name="q"
          placeholder={t('fw.searchPlaceholder')}
          aria-label={t('fw.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          enterKeyHint="search"
          data-testid="registration-search"
        />
        </div>
      </div>
      {query.length >= MIN_QUERY && (
        <div aria-live="polite">
          {results.loading && !results.data ? (
            <Loading />
          ) : items.length === 0 ? (
            <p className="small muted" data-testid="no-results">{t('fw.noSearchResults')}</p>
          ) : (
            <ul className="list fw-people" data-testid="registration-results">
              {items.map((p) => (
                <li className="list-item" key={p.id}>
                  <div className="list-item-main">
                    <strong>{p.name}</strong>
                    <span className="list-item-meta">
                      {ageLabel(t, p.birthDate)} · {p.sex === 'F' ? t('person.female') : t('person.male')}
                      {p.nik ? ` · ${maskNik(p.nik)}` : ''}
                      {p.villageName ? ` · ${p.villageName}` : ''}
                    </span>
                  </div>
                  <div className="list-item-side">
                    <button type="button" className="btn btn-sm" onClick={() => onArrive(p.id)} disabled={busyId === p.id} data-testid={`attend-${p.id}`}>
                      {present.has(p.id) ? t('fw.openPerson') : t('fw.arrived')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p className="small fw-register-new">
        {t('fw.notFound')}{' '}
        <Link to={`/people/new?area=${encodeURIComponent(areaCode)}&return=${encodeURIComponent(`${back}?attend=`)}`} data-testid="register-new">
          {t('fw.registerNew')}
        </Link>
      </p>
    </Card>
  );
}

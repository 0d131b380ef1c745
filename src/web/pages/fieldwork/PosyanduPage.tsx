/**
 * "Posyandu": pick my Posyandu (a kader has one; a bidan chooses among the
 * Posyandu of her Pustu), open or continue today's session, see past days.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { myPosyandus } from './places';
import { listSessions, openSession, type PosyanduSession } from '../../api/fieldwork';
import { Alert, Badge, Card, Empty, ErrorState, Loading, PageHeader, useErrorText } from '../../components/ui';
import { SelectField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { addDays, todayIn } from '../../../core/time/dates';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

const CHOICE_KEY = 'siklus.posyandu';
/** How far back the list of past Posyandu days reaches. */
const HISTORY_DAYS = 400;

function storedChoice(): string {
  try {
    return localStorage.getItem(CHOICE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function PosyanduPage() {
  const me = useMe();
  const { t } = useI18n();
  const list = useAsync(() => myPosyandus(me), [me.id]);
  const [choice, setChoice] = useState(storedChoice);
  if (list.loading && !list.data) return <Loading />;
  if (list.error || !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  const items = list.data;
  const current = items.find((f) => f.id === choice) ?? items[0];

  return (
    <div className="page fw-page">
      <PageHeader eyebrow={t('fw.posyanduDay')} title={current ? current.name : t('fw.posyandu')} sub={t('fw.posyanduSub')} />
      {items.length > 1 && (
        <Card>
          <SelectField
            label={t('fw.choosePosyandu')}
            name="posyandu"
            filter
            value={current?.id ?? ''}
            onValue={(v) => {
              setChoice(v);
              try {
                localStorage.setItem(CHOICE_KEY, v);
              } catch {
                /* private mode */
              }
            }}
            options={items.map((f) => ({ value: f.id, label: f.name }))}
          />
        </Card>
      )}
      {current ? <PosyanduSessions key={current.id} facilityId={current.id} /> : <Empty title={t('fw.noPosyandu')} icon="facility" />}
    </div>
  );
}

function PosyanduSessions({ facilityId }: { facilityId: string }) {
  const { t, date, number } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const today = todayIn();
  const sessions = useAsync(() => listSessions({ facility: facilityId, from: addDays(today, -HISTORY_DAYS), to: today }), [facilityId, today]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const todays = sessions.data?.find((s) => s.date === today);
  const past = (sessions.data ?? []).filter((s) => s.date !== today).sort((a, b) => b.date.localeCompare(a.date));

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const s = await openSession(facilityId, today);
      navigate(`/posyandu/${s.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Card className="fw-today">
        <div className="fw-today-row">
          <div>
            <span className="eyebrow">{t('fw.today')}</span>
            <h2>{date(today)}</h2>
            <p className="small muted">
              {todays ? (todays.closedAt ? t('fw.sessionClosedAt') : t('fw.sessionOpen')) : t('fw.sessionNotOpened')}
            </p>
          </div>
          {todays ? (
            <Link className="btn" to={todays.closedAt ? `/posyandu/${todays.id}/summary` : `/posyandu/${todays.id}`} data-testid="continue-session">
              {todays.closedAt ? t('fw.seeSummary') : t('fw.continueSession')}
              <Icon name="chevronRight" />
            </Link>
          ) : (
            <button type="button" className="btn" onClick={() => void open()} disabled={busy || sessions.loading} data-testid="open-session">
              <Icon name="plus" />
              {busy ? t('common.saving') : t('fw.openSession')}
            </button>
          )}
        </div>
        {error && <Alert tone="error">{error}</Alert>}
      </Card>

      <div className="shortcuts">
        <Link className="shortcut" to={`/due?facility=${encodeURIComponent(facilityId)}`} data-testid="due-list-link">
          <span className="shortcut-icon">
            <Icon name="audit" />
          </span>
          <span className="shortcut-text">
            <strong>{t('fw.dueListTitle')}</strong>
            <small>{t('fw.dueListText')}</small>
          </span>
        </Link>
        <Link className="shortcut" to={`/home-visits?facility=${encodeURIComponent(facilityId)}`}>
          <span className="shortcut-icon">
            <Icon name="households" />
          </span>
          <span className="shortcut-text">
            <strong>{t('fw.homeVisits')}</strong>
            <small>{t('fw.homeVisitsText')}</small>
          </span>
        </Link>
      </div>

      <Card title={t('fw.pastSessions')} count={past.length}>
        {sessions.error ? (
          <Alert tone="error">{errorText(sessions.error)}</Alert>
        ) : sessions.loading && !sessions.data ? (
          <Loading />
        ) : past.length === 0 ? (
          <p className="muted small">{t('fw.noPastSessions')}</p>
        ) : (
          <ul className="list" data-testid="past-sessions">
            {past.map((s: PosyanduSession) => (
              <li className="list-item" key={s.id}>
                <div className="list-item-main">
                  <Link to={s.closedAt ? `/posyandu/${s.id}/summary` : `/posyandu/${s.id}`}>{date(s.date)}</Link>
                  <span className="list-item-meta">
                    {s.summary
                      ? t('fw.sessionLine', { attended: number(s.summary.attended), absent: number(s.summary.dueButAbsent) })
                      : t('fw.sessionNotClosed')}
                  </span>
                </div>
                <div className="list-item-side">{s.closedAt ? <Badge tone="success">{t('fw.closed')}</Badge> : <Badge tone="warning">{t('fw.open')}</Badge>}</div>
                <Icon name="chevronRight" className="chev" />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

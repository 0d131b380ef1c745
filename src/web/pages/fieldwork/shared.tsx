/** Pieces the field-work pages share: due items, stage badges, the "saved" card, place defaults. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { Me } from '../../api/types';
import type { PlaceKind, RecordedEvent, ScheduleEntryView, VisitResult } from '../../api/visits';
import type { DueItem } from '../../api/fieldwork';
import { Badge } from '../../components/ui';
import { Icon } from '../../components/Icon';
import { STATUS_LABELS, type ScheduleStatus } from '../../../core/schedule/status';
import { ROLE_FACILITY } from '../../../core/access/roles';
import { eventValueText } from '../../records/event-text';

/** Where a user records by default: the kind of the place they work at. */
export function defaultPlaceKind(me: Me): PlaceKind {
  const t = me.facility?.type ?? ROLE_FACILITY[me.role];
  if (t === 'posyandu' || t === 'pustu' || t === 'puskesmas') return t;
  return 'other';
}

const STATUS_TONE: Record<ScheduleStatus, 'info' | 'warning' | 'danger' | 'success' | undefined> = {
  due: 'info',
  overdue: 'warning',
  missed: 'danger',
  done: 'success',
  upcoming: undefined,
  not_applicable: undefined,
};

export function StatusPill({ status }: { status: ScheduleStatus }) {
  const { label } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{label(STATUS_LABELS[status])}</Badge>;
}

/**
 * Due and overdue items, most urgent first, with the date that matters;
 * missed ones (their window closed) folded underneath, for the record.
 */
export function DueItemsList({ items, testId, empty, limit }: { items: (DueItem | ScheduleEntryView)[]; testId?: string; empty?: string; limit?: number }) {
  const { t } = useI18n();
  const order: ScheduleStatus[] = ['overdue', 'due', 'missed', 'upcoming', 'done', 'not_applicable'];
  const sorted = [...items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.window.due.localeCompare(b.window.due));
  const open = sorted.filter((i) => i.status !== 'missed');
  const missed = sorted.filter((i) => i.status === 'missed');
  return (
    <div data-testid={testId}>
      {open.length === 0 ? <p className="muted small">{empty ?? t('fw.nothingDue')}</p> : <DueRows items={limit ? open.slice(0, limit) : open} />}
      {limit !== undefined && open.length > limit && (
        <details className="fw-due-more" data-testid="due-more">
          <summary>{t('fw.moreDue', { n: open.length - limit })}</summary>
          <DueRows items={open.slice(limit)} />
        </details>
      )}
      {missed.length > 0 && (
        <details className="fw-due-more">
          <summary>{t('fw.missedCount', { n: missed.length })}</summary>
          <DueRows items={missed} />
        </details>
      )}
    </div>
  );
}

function DueRows({ items }: { items: (DueItem | ScheduleEntryView)[] }) {
  const { t, date } = useI18n();
  return (
    <ul className="fw-due-items">
      {items.map((i) => (
        <li key={i.key} className={`fw-due-item fw-due-${i.status}`}>
          <span className="fw-due-label">{i.label}</span>
          <span className="fw-due-meta">
            <StatusPill status={i.status} />
            <span className="small muted">
              {i.status === 'overdue' || i.status === 'missed'
                ? t('fw.dueWas', { date: date(i.window.due) })
                : i.status === 'upcoming'
                  ? t('fw.opensOn', { date: date(i.window.earliest) })
                  : t('fw.dueBy', { date: date(i.window.due) })}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What was just saved: each event with its value, the warnings confirmed, and what next. */
export function SavedVisit({ result, personId, onAgain, children }: { result: VisitResult; personId: string; onAgain?: () => void; children?: ReactNode }) {
  const { t, number, label } = useI18n();
  const events = result.events as RecordedEvent[];
  const dup = result.results.filter((r) => r.status === 'duplicate').length;
  return (
    <section className="card fw-saved" data-testid="visit-saved" aria-live="polite">
      <div className="fw-saved-head">
        <Icon name="check" />
        <h2>{t('fw.savedTitle', { n: events.length })}</h2>
      </div>
      {dup > 0 && <p className="small muted">{t('fw.savedDuplicates', { n: dup })}</p>}
      <ul className="fw-saved-list">
        {events.map((e) => (
          <li key={e.id}>
            <span>{e.label}</span>
            <strong>{eventValueText(e, t, number, label)}</strong>
            {e.warnings && e.warnings.length > 0 && <span className="small fw-warned">{t('fw.confirmedWarning')}</span>}
          </li>
        ))}
      </ul>
      {result.people && result.people.length > 0 && (
        <p className="small">
          {t('fw.babiesRegistered')}{' '}
          {result.people.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <Link to={`/people/${p.id}`}>{p.name}</Link>
            </span>
          ))}
        </p>
      )}
      <div className="actions">
        {onAgain && (
          <button type="button" className="btn btn-secondary" onClick={onAgain} data-testid="record-again">
            <Icon name="plus" />
            {t('fw.recordMore')}
          </button>
        )}
        <Link className="btn btn-ghost" to={`/referrals/new?personId=${encodeURIComponent(personId)}&visitId=${encodeURIComponent(result.visit.id)}`} data-testid="refer-link">
          <Icon name="move" />
          {t('fw.refer')}
        </Link>
        {children}
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { ScheduleEntryView, ScheduleView } from '../../api/visits';
import { Card, Empty } from '../../components/ui';
import { PROGRAMMES } from '../../../core/protocol/catalogue';
import { SCHEDULE_STATUSES, STATUS_LABELS, type ScheduleStatus } from '../../../core/schedule/status';
import { StatusBadge } from './StatusBadge';
import { windowWords } from './schedule-words';

/** Most pressing first: what is late, what is due, what comes, what was done or missed. */
const ORDER: Record<ScheduleStatus, number> = { overdue: 0, due: 1, upcoming: 2, done: 3, missed: 4, not_applicable: 5 };

export function sortEntries(entries: readonly ScheduleEntryView[]): ScheduleEntryView[] {
  return [...entries].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.status === 'done' ? b.window.due.localeCompare(a.window.due) : a.window.due.localeCompare(b.window.due)));
}

function EntryRow({ e, on }: { e: ScheduleEntryView; on: string }) {
  const { t, date } = useI18n();
  return (
    <li className={`sched-item sched-${e.status}`} data-item={e.item} data-status={e.status}>
      <div className="sched-main">
        <strong>{e.label}</strong>
        <span className="small muted">{windowWords(t, date, e, on)}</span>
      </div>
      <StatusBadge status={e.status} />
    </li>
  );
}

/** What is due now (due or overdue today), for the record's overview. */
export function DueNow({ schedule, onAll }: { schedule: ScheduleView; onAll: () => void }) {
  const { t } = useI18n();
  const now = sortEntries(schedule.entries.filter((e) => e.status === 'due' || e.status === 'overdue'));
  return (
    <Card
      title={t('rec.dueNow')}
      count={now.length}
      actions={
        <button type="button" className="btn btn-ghost btn-sm" onClick={onAll}>
          {t('rec.fullSchedule')}
        </button>
      }
      className="span-2"
    >
      {now.length ? (
        <ul className="sched-list" data-testid="due-now">
          {now.map((e) => (
            <EntryRow key={e.key} e={e} on={schedule.on} />
          ))}
        </ul>
      ) : (
        <Empty title={t('rec.nothingDue')} icon="check" />
      )}
    </Card>
  );
}

/** The whole schedule by programme, with a status filter. */
export function ScheduleSection({ schedule }: { schedule: ScheduleView }) {
  const { t, label, number } = useI18n();
  const present = SCHEDULE_STATUSES.filter((s) => schedule.entries.some((e) => e.status === s));
  const [shown, setShown] = useState<Set<ScheduleStatus>>(() => new Set(present.filter((s) => s !== 'not_applicable')));
  const entries = sortEntries(schedule.entries.filter((e) => shown.has(e.status)));
  const groups = PROGRAMMES.map((p) => ({ ...p, entries: entries.filter((e) => e.programme === p.id) })).filter((g) => g.entries.length);
  return (
    <div className="section" data-testid="schedule">
      <div className="card">
        <div className="chips" role="group" aria-label={t('rec.filterStatus')}>
          {present.map((s) => (
            <label key={s} className="chip">
              <input
                type="checkbox"
                checked={shown.has(s)}
                onChange={(ev) => {
                  const next = new Set(shown);
                  if (ev.target.checked) next.add(s);
                  else next.delete(s);
                  setShown(next);
                }}
              />
              {label(STATUS_LABELS[s])} <span className="count-pill">{number(schedule.entries.filter((e) => e.status === s).length)}</span>
            </label>
          ))}
        </div>
        <p className="small muted" style={{ marginTop: 8 }}>
          {t('rec.scheduleNote', { version: schedule.protocolVersion })}
        </p>
      </div>
      {groups.length === 0 && (
        <div className="card">
          <Empty title={t('rec.nothingShown')} />
        </div>
      )}
      {groups.map((g) => (
        <Card key={g.id} title={label(g.label)} count={g.entries.length}>
          <ul className="sched-list">
            {g.entries.map((e) => (
              <EntryRow key={e.key} e={e} on={schedule.on} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

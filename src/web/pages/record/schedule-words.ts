/**
 * A schedule entry's window in words, relative to the day it is read
 * ("tepat waktu s.d. 12 Apr 2025 (3 hari lagi)"). The three dates and the
 * status come from the engine (core/schedule); this only says them.
 */
import { addDays, daysBetween } from '../../../core/time/dates';
import type { MessageKey, Params } from '../../i18n';
import type { ScheduleEntryView } from '../../api/visits';

type T = (key: MessageKey, params?: Params) => string;
type D = (iso: string) => string;

/** "hari ini", "besok", "3 hari lagi", "2 hari lalu". */
export function relativeDay(t: T, on: string, date: string): string {
  const n = daysBetween(on, date);
  if (n === 0) return t('rec.rel.today');
  if (n === 1) return t('rec.rel.tomorrow');
  if (n === -1) return t('rec.rel.yesterday');
  return n > 0 ? t('rec.rel.inDays', { n }) : t('rec.rel.daysAgo', { n: -n });
}

export function windowWords(t: T, date: D, e: Pick<ScheduleEntryView, 'status' | 'window' | 'satisfiedBy'>, on: string): string {
  const w = e.window;
  switch (e.status) {
    case 'upcoming':
      return t('rec.win.upcoming', { from: date(w.earliest), rel: relativeDay(t, on, w.earliest), due: date(w.due) });
    case 'due':
      return t('rec.win.due', { due: date(w.due), rel: relativeDay(t, on, w.due) });
    case 'overdue':
      return t('rec.win.overdue', { since: date(addDays(w.due, 1)), latest: date(w.latest), rel: relativeDay(t, on, w.latest) });
    case 'done':
      return e.satisfiedBy
        ? t(e.satisfiedBy.onTime ? 'rec.win.doneOnTime' : 'rec.win.doneLate', { date: date(e.satisfiedBy.date) })
        : t('rec.win.done');
    case 'missed':
      return t('rec.win.missed', { latest: date(w.latest) });
    case 'not_applicable':
      return t('rec.win.na');
  }
}

/** The one date that matters, for a small cell (the immunization card on a phone): "mulai 1 Mar 2025", "s.d. 31 Mar 2025". */
export function windowShort(t: T, date: D, e: Pick<ScheduleEntryView, 'status' | 'window'>): string {
  const w = e.window;
  switch (e.status) {
    case 'upcoming':
      return t('rec.winShort.upcoming', { from: date(w.earliest) });
    case 'due':
      return t('rec.winShort.due', { due: date(w.due) });
    case 'overdue':
      return t('rec.winShort.overdue', { latest: date(w.latest) });
    case 'missed':
      return t('rec.winShort.missed', { latest: date(w.latest) });
    default:
      return '';
  }
}

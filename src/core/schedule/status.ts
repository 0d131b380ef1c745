/**
 * Schedule statuses — one definition, used everywhere. A window is three
 * inclusive dates: earliest (the service first counts), due (the last day it
 * is on time: the recommended date or the end of the recommended period) and
 * latest (the last day it still counts, e.g. the catch-up age).
 *
 *   done           a satisfying event lies in [earliest, latest] on or before the evaluation date
 *   upcoming       not done, evaluation date < earliest
 *   due            not done, earliest ≤ evaluation date ≤ due
 *   overdue        not done, due < evaluation date ≤ latest (late, can still be given)
 *   missed         not done, evaluation date > latest (window closed) — or the window
 *                  can no longer be met because a prerequisite dose came too late
 *                  (reason "unreachable")
 *   not_applicable the item exists for the person but a rule excludes it: a district
 *                  setting is off (JE outside endemic areas) or the pregnancy ended
 *                  before the window opened
 * Events after the evaluation date are ignored (time travel).
 */
export const SCHEDULE_STATUSES = ['upcoming', 'due', 'overdue', 'done', 'missed', 'not_applicable'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** Status of an open (not done, applicable) window on day `on`. */
export function openStatus(on: number, earliest: number, due: number, latest: number): ScheduleStatus {
  if (on < earliest) return 'upcoming';
  if (on <= due) return 'due';
  if (on <= latest) return 'overdue';
  return 'missed';
}

export const STATUS_LABELS: Record<ScheduleStatus, { id: string; en: string }> = {
  upcoming: { id: 'Akan datang', en: 'Upcoming' },
  due: { id: 'Jatuh tempo', en: 'Due' },
  overdue: { id: 'Terlambat', en: 'Overdue' },
  done: { id: 'Sudah', en: 'Done' },
  missed: { id: 'Terlewat', en: 'Missed' },
  not_applicable: { id: 'Tidak berlaku', en: 'Not applicable' },
};

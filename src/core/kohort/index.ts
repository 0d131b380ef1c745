/**
 * Kohort registers as data: `kohortRegister(kind, month, people, …)` picks
 * the register's members among the people of a desa, computes each row with
 * the engine (the same functions as the person page) and numbers them in the
 * register's order (by address, then birth date or HPHT). Pure: the server
 * serves JSON, CSV and XLSX from it; the app could build it offline.
 */
import type { GrowthReferences } from '../anthropometry/growth-references';
import type { ProtocolSettings } from '../protocol/settings';
import { addYears, daysInMonth, type IsoDate } from '../time/dates';
import { balitaColumns, balitaRow, bayiColumns, bayiRow, isBalitaNotBayi, isBayi } from './children';
import { ibuColumns, ibuRows } from './ibu';
import { isLansia, lansiaColumns, lansiaRow } from './lansia';
import { prepare } from './prepare';
import type { KohortColumn, KohortKind, KohortPerson, KohortPersonInput, KohortRegister, KohortRow } from './types';

export * from './types';
export { isBayi, isBalitaNotBayi } from './children';
export { isLansia } from './lansia';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isKohortMonth(s: unknown): s is string {
  return typeof s === 'string' && MONTH.test(s);
}

/**
 * First and last day of the month, and the register date: its last day, or
 * `today` while the month runs (events are read up to it). Membership by age
 * is decided at the month's end, so each child is on one register a month.
 */
export function kohortDates(month: string, today: IsoDate): { monthStart: IsoDate; monthEnd: IsoDate; on: IsoDate } {
  const [, y, m] = MONTH.exec(month)!;
  const monthStart = `${y}-${m}-01`;
  const monthEnd = `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}`;
  return { monthStart, monthEnd, on: monthEnd < today ? monthEnd : today };
}

export function kohortColumns(kind: KohortKind, on: IsoDate, settings: ProtocolSettings): KohortColumn[] {
  const month = Number(on.slice(5, 7));
  switch (kind) {
    case 'ibu': return ibuColumns();
    case 'bayi': return bayiColumns(month, settings);
    case 'balita': return balitaColumns(month, settings);
    case 'lansia': return lansiaColumns();
  }
}

/**
 * Who may belong to a register by birth date and sex alone (the server's SQL
 * pre-filter); membership itself is decided in `kohortRegister`.
 */
export function candidateBounds(kind: KohortKind, monthStart: IsoDate, on: IsoDate): { sex?: 'F'; bornAfter?: IsoDate; bornOnOrBefore: IsoDate } {
  const y = (iso: IsoDate, years: number) => addYears(iso, -years);
  switch (kind) {
    // Women old enough to have been pregnant; the engine decides the rest.
    case 'ibu': return { sex: 'F', bornOnOrBefore: y(on, 9) };
    case 'bayi': return { bornAfter: y(monthStart, 2), bornOnOrBefore: on };
    case 'balita': return { bornAfter: y(monthStart, 6), bornOnOrBefore: on };
    case 'lansia': return { bornOnOrBefore: y(on, 59) };
  }
}

function isMember(kind: Exclude<KohortKind, 'ibu'>, p: KohortPerson, monthStart: IsoDate, monthEnd: IsoDate, on: IsoDate): boolean {
  if (!onRegisterInMonth(p, monthStart)) return false;
  if (kind === 'bayi') return isBayi(p, monthEnd, on);
  if (kind === 'balita') return isBalitaNotBayi(p, monthEnd, on);
  return isLansia(p, monthEnd, on);
}

/** People who died or moved away before the month are no longer on any register; during it they stay, with a note. */
function onRegisterInMonth(p: KohortPerson, monthStart: IsoDate): boolean {
  return p.status === 'alive' || (p.statusDate !== null && p.statusDate >= monthStart);
}

export function kohortRegister(input: {
  kind: KohortKind;
  month: string;
  today: IsoDate;
  people: readonly KohortPersonInput[];
  settings: ProtocolSettings;
  refs: GrowthReferences;
}): KohortRegister {
  const { kind, month, settings, refs } = input;
  const { monthStart, monthEnd, on } = kohortDates(month, input.today);
  const rows: Array<KohortRow & { sortKey: string }> = [];
  let approximate = false;
  for (const item of input.people) {
    const person = item.person;
    if (kind === 'ibu') {
      if (!onRegisterInMonth(person, monthStart)) continue;
      const p = prepare(item, on);
      for (const r of ibuRows(p, monthStart, on, settings)) rows.push({ ...r, sortKey: `${r.cells.hpht ?? ''}|${person.name}` });
      continue;
    }
    if (!isMember(kind, person, monthStart, monthEnd, on)) continue;
    const p = prepare(item, on);
    // The domicile code sorts as the paper register runs: dusun, then RW, then RT.
    const key = `${person.areaCode}|${person.birthDate}|${person.name}`;
    if (kind === 'lansia') {
      rows.push({ ...lansiaRow(p, on, monthEnd), sortKey: key });
    } else {
      const r = kind === 'bayi' ? bayiRow(p, on, settings, refs) : balitaRow(p, on, monthEnd, settings, refs);
      approximate ||= r.approximate;
      rows.push({ ...r.row, sortKey: key });
    }
  }
  rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return {
    kind, month, monthStart, on,
    columns: kohortColumns(kind, on, settings),
    rows: rows.map(({ sortKey: _k, ...r }, i) => ({ ...r, cells: { no: i + 1, ...r.cells } })),
    approximate,
  };
}

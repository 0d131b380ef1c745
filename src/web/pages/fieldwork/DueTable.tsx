/**
 * People with what they are due for, grouped by household: the list a kader
 * carries (on screen, and on paper through the print page).
 */
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { DueItem, DuePersonSummary } from '../../api/fieldwork';
import { ageLabel, rtRwLabel } from '../../lib/format';
import { StatusPill } from './shared';

export interface DueRow {
  person: DuePersonSummary;
  items: DueItem[];
}

export interface HouseholdGroup {
  key: string;
  headName: string | null;
  rt: string | null;
  rw: string | null;
  householdId: string | null;
  rows: DueRow[];
}

/** Groups rows by household, keeping the order the server gave (household, then age). */
export function byHousehold(rows: readonly DueRow[]): HouseholdGroup[] {
  const groups = new Map<string, HouseholdGroup>();
  for (const r of rows) {
    const key = r.person.householdId ?? `person:${r.person.id}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, headName: r.person.headName, rt: r.person.rt, rw: r.person.rw, householdId: r.person.householdId, rows: [] }));
    g.rows.push(r);
  }
  return [...groups.values()];
}

export function DueTable({ rows, on, testId, linkPeople = true, print = false }: { rows: readonly DueRow[]; on: string; testId?: string; linkPeople?: boolean; print?: boolean }) {
  const { t, date } = useI18n();
  const groups = byHousehold(rows);
  return (
    <div className={`fw-due-table${print ? ' fw-print-table' : ''}`} data-testid={testId}>
      {groups.map((g) => (
        <section className="fw-hh" key={g.key} data-testid="due-household">
          <header className="fw-hh-head">
            <strong>
              {g.householdId && linkPeople ? (
                <Link to={`/households/${g.householdId}`}>{g.headName ? t('household.titleOf', { name: g.headName }) : t('household.title')}</Link>
              ) : g.headName ? (
                t('household.titleOf', { name: g.headName })
              ) : (
                t('fw.noHousehold')
              )}
            </strong>
            {(g.rt || g.rw) && <span className="small muted">{rtRwLabel(g.rt, g.rw)}</span>}
          </header>
          <ul className="fw-hh-people">
            {g.rows.map((r) => (
              <li key={r.person.id} data-testid="due-person">
                <div className="fw-hh-person">
                  {linkPeople ? <Link to={`/people/${r.person.id}/visit`}>{r.person.name}</Link> : <strong>{r.person.name}</strong>}
                  <span className="small muted">{r.person.ageLabel || ageLabel(t, r.person.birthDate, on)}</span>
                </div>
                <ul className="fw-hh-items">
                  {r.items.map((i) => (
                    <li key={i.key}>
                      <span>{i.label}</span>
                      <StatusPill status={i.status} />
                      {print && (
                        <span className="small">
                          {i.status === 'due' ? t('fw.dueBy', { date: date(i.window.due) }) : t('fw.dueWas', { date: date(i.window.due) })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

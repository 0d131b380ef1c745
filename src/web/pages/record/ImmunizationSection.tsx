import { useI18n } from '../../i18n';
import type { ImmunizationCard, ImmunizationRow } from '../../api/record';
import { Badge, Card } from '../../components/ui';
import { CONCEPTS, type Concept } from '../../../core/codes/concepts';
import type { CoverageStatus } from '../../../core/schedule/coverage';
import { StatusBadge } from './StatusBadge';
import { windowShort, windowWords } from './schedule-words';

interface AntigenRow {
  antigen: Concept;
  /** Dose number → row; items without a dose number sit in column 1. */
  doses: Map<number, ImmunizationRow>;
}

/** Rows by antigen in the order the card lists them (the order of the schedule). */
export function byAntigen(rows: readonly ImmunizationRow[]): AntigenRow[] {
  const out: AntigenRow[] = [];
  for (const r of rows) {
    // School (BIAS) and WUS items keep their own line: the same antigen given at another stage is another row of the card.
    let a = out.find((x) => x.antigen === r.antigen && !x.doses.has(r.dose ?? 1));
    if (!a) out.push((a = { antigen: r.antigen, doses: new Map() }));
    a.doses.set(r.dose ?? 1, r);
  }
  return out;
}

/**
 * The immunization card as in the Buku KIA: one line per antigen, one column
 * per dose, each cell with the recommended age, the date given (or the
 * status and window), and at the top IDL and imunisasi baduta lengkap.
 */
export function ImmunizationSection({ card, on, child }: { card: ImmunizationCard; on: string; child: boolean }) {
  const { t, label, date } = useI18n();
  const lines = byAntigen(card.rows);
  const maxDose = Math.max(1, ...card.rows.map((r) => r.dose ?? 1));
  const itemLabel = new Map(card.rows.map((r) => [r.item, r.label]));
  return (
    <div className="section">
      {child && (
      <div className="grid-2">
        <Coverage title={t('rec.imm.idl')} hint={t('rec.imm.idlHint')} status={card.idl} itemLabel={itemLabel} testId="idl" />
        <Coverage title={t('rec.imm.baduta')} hint={t('rec.imm.badutaHint')} status={card.badutaLengkap} itemLabel={itemLabel} testId="baduta" />
      </div>
      )}
      <Card title={t('rec.imm.cardTitle')} count={card.rows.filter((r) => r.status === 'done').length}>
        <div className="imm-scroll">
          <table className="imm-table" data-testid="immunization-card">
            <caption className="sr-only">{t('rec.imm.cardTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rec.imm.vaccine')}</th>
                {Array.from({ length: maxDose }, (_, i) => (
                  <th key={i} scope="col">
                    {t('rec.imm.doseN', { n: i + 1 })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={`${l.antigen}-${i}`}>
                  <th scope="row">{label(CONCEPTS[l.antigen].label)}</th>
                  {Array.from({ length: maxDose }, (_, d) => {
                    const r = l.doses.get(d + 1);
                    if (!r) return <td key={d} className="imm-empty" aria-hidden="true" />;
                    const late = r.status === 'done' && r.onTime === false;
                    return (
                      <td key={d} className={`imm-cell imm-${r.status}${late ? ' imm-late' : ''}`} data-item={r.item} data-status={r.status}>
                        <span className="imm-dose">{t('rec.imm.doseN', { n: d + 1 })}</span>
                        <span className="imm-age">{label(r.recommendedAge)}</span>
                        {r.date ? (
                          <span className="imm-date">
                            {date(r.date)}
                            {late && <span className="imm-late-mark"> · {t('rec.imm.late')}</span>}
                          </span>
                        ) : (
                          <>
                            <StatusBadge status={r.status} />
                            <span className="imm-window">{windowWords(t, date, r, on)}</span>
                            <span className="imm-window-short">{windowShort(t, date, r)}</span>
                          </>
                        )}
                        {r.batch && <span className="imm-batch">{t('rec.imm.batch', { b: r.batch })}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="chart-legend">
          <li>
            <span className="swatch imm-done" aria-hidden="true" />
            {t('rec.imm.legendDone')}
          </li>
          <li>
            <span className="swatch imm-done imm-late" aria-hidden="true" />
            {t('rec.imm.legendLate')}
          </li>
          <li>
            <span className="swatch imm-due" aria-hidden="true" />
            {t('rec.imm.legendDue')}
          </li>
          <li>
            <span className="swatch imm-overdue" aria-hidden="true" />
            {t('rec.imm.legendOverdue')}
          </li>
          <li>
            <span className="swatch imm-missed" aria-hidden="true" />
            {t('rec.imm.legendMissed')}
          </li>
          <li>
            <span className="swatch imm-upcoming" aria-hidden="true" />
            {t('rec.imm.legendUpcoming')}
          </li>
        </ul>
      </Card>
      {card.other.length > 0 && (
        <Card title={t('rec.imm.other')} count={card.other.length}>
          <ul className="list">
            {card.other.map((o) => (
              <li key={o.eventId} className="list-item">
                <div className="list-item-main">
                  <strong>
                    {label(o.label)}
                    {o.dose !== null && ` · ${t('rec.imm.doseN', { n: o.dose })}`}
                  </strong>
                  <span className="list-item-meta">
                    {date(o.date)}
                    {o.batch && ` · ${t('rec.imm.batch', { b: o.batch })}`}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function Coverage({ title, hint, status, itemLabel, testId }: {
  title: string;
  hint: string;
  status: CoverageStatus;
  itemLabel: Map<string, { id: string; en: string }>;
  testId: string;
}) {
  const { t, label, date } = useI18n();
  return (
    <div className={`card coverage ${status.complete ? 'coverage-complete' : ''}`} data-testid={testId} data-complete={status.complete}>
      <div className="coverage-head">
        <h3>{title}</h3>
        {status.complete ? (
          <Badge tone={status.onTime ? 'success' : 'warning'}>{status.onTime ? t('rec.imm.completeOnTime') : t('rec.imm.completeLate')}</Badge>
        ) : (
          <Badge tone="warning">{t('rec.imm.incomplete')}</Badge>
        )}
      </div>
      <p className="small muted">{hint}</p>
      {status.complete && status.completedOn && <p className="small">{t('rec.imm.completedOn', { date: date(status.completedOn) })}</p>}
      {!status.complete && status.missing.length > 0 && (
        <p className="small">
          {t('rec.imm.missing')}: {status.missing.map((m) => (itemLabel.get(m) ? label(itemLabel.get(m)!) : m)).join(', ')}
        </p>
      )}
    </div>
  );
}

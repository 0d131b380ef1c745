import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import type { KohortColumn, KohortResponse, KohortRowView } from '../../api/kohort';
import { cellTone } from './cell-tone';

/**
 * The register as a wide table: the whole row of the paper register, the
 * name column stays in view while the table scrolls sideways inside its own
 * box (the page itself never scrolls sideways on a phone).
 */
export function KohortTable({ data, caption }: { data: KohortResponse; caption: string }) {
  const { locale } = useI18n();
  return (
    <div className="kohort-box" tabIndex={0} role="region" aria-label={caption} data-testid="kohort-table-box">
      <table className="kohort-table" data-testid="kohort-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {data.columns.map((c) => (
              <th key={c.key} scope="col" className={colClass(c)} data-col={c.key}>
                {locale === 'en' ? c.labelEn : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.pregnancyId ?? r.personId} data-person={r.personId}>
              {data.columns.map((c) => (
                <Cell key={c.key} column={c} row={r} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function colClass(c: KohortColumn): string {
  if (c.key === 'nama') return 'kohort-name';
  if (c.key === 'no') return 'kohort-no';
  return c.type === 'number' || c.type === 'integer' ? 'kohort-num' : '';
}

function Cell({ column: c, row }: { column: KohortColumn; row: KohortRowView }) {
  const { number, date } = useI18n();
  const v = row[c.key];
  const value = typeof v === 'string' || typeof v === 'number' ? v : null;
  if (c.key === 'nama') {
    return (
      <th scope="row" className="kohort-name" data-col="nama">
        <Link to={`/people/${row.personId}/record`}>{value ?? '–'}</Link>
      </th>
    );
  }
  if (value === null) {
    return (
      <td className={`${colClass(c)} kohort-empty`} data-col={c.key}>
        –
      </td>
    );
  }
  const text = c.type === 'date' && typeof value === 'string' ? date(value) : typeof value === 'number' && c.key !== 'no' ? number(value) : String(value);
  const tone = cellTone(c.key, value, row.marks);
  return (
    <td className={colClass(c)} data-col={c.key}>
      {tone ? <span className={`class-pill tone-${tone}`}>{text}</span> : text}
    </td>
  );
}

import { useI18n } from '../i18n';
import './charts-map.css';
import { linear, niceDomain, ticks } from './scale';
import { TRAFFIC_FILL, SEQUENTIAL, type TrafficColour } from './map-model';

export interface RankRow {
  code: string;
  name: string;
  value: number | null;
  colour: TrafficColour | null;
  /** The figure in words ("82,5 % · 33/40"). */
  text: string;
}

/**
 * Areas ranked as horizontal bars (HTML, so names wrap on a phone), with the
 * target to date as a line across them. Each row is a button: drill down.
 */
export function BarRanking({ rows, target, unit, onSelect, selected, title, testId }: {
  rows: readonly RankRow[];
  /** Where the target line goes, in the value's unit; null for none. */
  target: number | null;
  unit: '%' | '';
  onSelect?: (code: string) => void;
  selected?: string | null;
  title: string;
  testId?: string;
}) {
  const { number, t } = useI18n();
  const values = rows.map((r) => r.value ?? 0);
  const hi = Math.max(1, ...values, target ?? 0);
  const { domain, step } = niceDomain(0, hi, 4);
  const x = linear([0, domain[1]], [0, 100]);
  return (
    <figure className="bar-ranking" data-testid={testId}>
      <figcaption className="map-title">{title}</figcaption>
      <div className="bar-axis" aria-hidden="true">
        {ticks(0, domain[1], step).map((v) => (
          <span key={v} style={{ left: `${x(v)}%` }}>
            {number(v)}
            {unit}
          </span>
        ))}
      </div>
      <ol className="bar-rows">
        {rows.map((r) => (
          <li key={r.code}>
            <button type="button" className={`bar-row${r.code === selected ? ' is-selected' : ''}`} onClick={() => onSelect?.(r.code)} data-code={r.code}>
              <span className="bar-name">{r.name}</span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${x(r.value ?? 0)}%`, background: r.colour ? TRAFFIC_FILL[r.colour] : SEQUENTIAL[3] }} />
                {target !== null && <span className="bar-target" style={{ left: `${Math.min(100, x(target))}%` }} title={t('pws.targetToDate')} />}
              </span>
              <span className="bar-value">{r.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </figure>
  );
}

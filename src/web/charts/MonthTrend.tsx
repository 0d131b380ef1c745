import { useI18n } from '../i18n';
import './charts-map.css';
import { linear, linePath, niceDomain, ticks } from './scale';
import { useWidth } from './useWidth';

export interface MonthPoint {
  month: number;
  /** Year-to-date figure (coverage % or count) drawn as the line. */
  line: number | null;
  /** The month's own figure drawn as a bar (people served that month). */
  bar: number | null;
}

const MARGIN = { top: 12, right: 34, bottom: 28, left: 40 };

/** Short month names for the x axis (Indonesian first). */
export function monthShort(locale: string, m: number): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, m - 1, 1)));
}

/**
 * Twelve months of an indicator: the month's own count as bars (right
 * scale), the year-to-date coverage as a line with the prorated target
 * (target × m / 12) dashed beside it. Reuses the chart scale helpers.
 */
export function MonthTrend({ points, target, lineUnit, title, lineLabel, barLabel, targetLabel, testId }: {
  points: readonly MonthPoint[];
  /** Annual target in the line's unit; the dashed line is prorated to each month. */
  target: number | null;
  lineUnit: '%' | '';
  title: string;
  lineLabel: string;
  barLabel: string;
  /** Key text of the dashed prorated-target line. */
  targetLabel: string;
  testId?: string;
}) {
  const { number, locale } = useI18n();
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const height = 220;
  const pw = width - MARGIN.left - MARGIN.right;
  const ph = height - MARGIN.top - MARGIN.bottom;
  const x = linear([0.5, 12.5], [MARGIN.left, MARGIN.left + pw]);
  const lineValues = points.map((p) => p.line ?? 0);
  const targetAt = (m: number) => (target === null ? null : lineUnit === '%' ? (target * m) / 12 : null);
  const ly = niceDomain(0, Math.max(1, ...lineValues, ...(target !== null && lineUnit === '%' ? [target] : [])), 4);
  const y = linear(ly.domain, [MARGIN.top + ph, MARGIN.top]);
  const barMax = Math.max(1, ...points.map((p) => p.bar ?? 0));
  const bd = niceDomain(0, barMax, 3);
  const by = linear([0, bd.domain[1]], [MARGIN.top + ph, MARGIN.top]);
  const bw = Math.max(4, (pw / 12) * 0.55);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <figure className="month-trend" data-testid={testId}>
      <figcaption className="map-title">{title}</figcaption>
      <div ref={ref}>
        <svg width={width} height={height} role="img" aria-label={title}>
          {ticks(ly.domain[0], ly.domain[1], ly.step).map((v) => (
            <g key={v}>
              <line x1={MARGIN.left} x2={MARGIN.left + pw} y1={y(v)} y2={y(v)} className="chart-grid" />
              <text x={MARGIN.left - 4} y={y(v)} dy="0.32em" textAnchor="end" className="chart-tick">
                {number(v)}
                {lineUnit}
              </text>
            </g>
          ))}
          {/* The bars' own scale (people in the month) on the right. */}
          {ticks(0, bd.domain[1], bd.step).map((v) => (
            <text key={`r${v}`} x={MARGIN.left + pw + 4} y={by(v)} dy="0.32em" className="chart-tick chart-tick-bar">
              {number(v)}
            </text>
          ))}
          {points.map((p) =>
            p.bar ? (
              <rect key={`b${p.month}`} x={x(p.month) - bw / 2} y={by(p.bar)} width={bw} height={MARGIN.top + ph - by(p.bar)} className="trend-bar">
                <title>{`${monthShort(locale, p.month)}: ${barLabel} ${number(p.bar)}`}</title>
              </rect>
            ) : null,
          )}
          {target !== null && lineUnit === '%' && (
            <path d={linePath(months.map((m) => [x(m), y(targetAt(m)!)] as const))} className="trend-target" />
          )}
          <path d={linePath(points.map((p) => (p.line === null ? null : ([x(p.month), y(p.line)] as const))))} className="trend-line" />
          {points.map((p) =>
            p.line === null ? null : (
              <circle key={`c${p.month}`} cx={x(p.month)} cy={y(p.line)} r={3.5} className="trend-dot">
                <title>{`${monthShort(locale, p.month)}: ${lineLabel} ${number(p.line)}${lineUnit}`}</title>
              </circle>
            ),
          )}
          {months.map((m) => (
            <text key={m} x={x(m)} y={height - 8} textAnchor="middle" className="chart-tick">
              {width < 420 ? monthShort(locale, m).slice(0, 1) : monthShort(locale, m)}
            </text>
          ))}
        </svg>
      </div>
      <p className="small muted trend-key">
        <span>
          <span className="key-line" /> {lineLabel}
        </span>
        {target !== null && lineUnit === '%' && (
          <span>
            <span className="key-target" /> {targetLabel}
          </span>
        )}
        <span>
          <span className="key-bar" /> {barLabel}
        </span>
      </p>
    </figure>
  );
}

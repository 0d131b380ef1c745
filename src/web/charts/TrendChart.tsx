import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { toDayNumber } from '../../core/time/dates';
import type { BandTone } from './growth-model';
import { bandPath, linear, linePath, niceDomain, ticks } from './scale';
import { useWidth } from './useWidth';
import type { HBand, RefLine } from './vital-bands';

export interface TrendPoint {
  date: string;
  value: number;
  /** Colour of the point: its class. */
  tone?: BandTone | null;
  /** The point in words (tooltip and table). */
  text: string;
}

export interface TrendSeries {
  key: string;
  label: string;
  points: TrendPoint[];
  dashed?: boolean;
}

const MARGIN = { top: 12, right: 16, bottom: 36, left: 44 };
const DAY_MS = 86_400_000;

/**
 * A value over time with class bands behind it (blood pressure, glucose):
 * dates on x, the class bands from the cut-off tables, the readings joined
 * and coloured by their class, with a table alternative.
 */
export function TrendChart({ title, unit, series, bands, lines, testId }: {
  title: string;
  unit: string;
  series: TrendSeries[];
  bands: HBand[];
  lines?: RefLine[];
  testId?: string;
}) {
  const { t, label, number, date, locale } = useI18n();
  const uid = useId().replace(/:/g, '');
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = Math.round(Math.min(320, Math.max(220, width * 0.45)));
  // The reading spelt out under the chart: the latest until one is tapped or hovered.
  const [chosen, setChosen] = useState<{ series: string; index: number } | null>(null);
  const pw = width - MARGIN.left - MARGIN.right;
  const ph = height - MARGIN.top - MARGIN.bottom;
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return null;

  const days = all.map((p) => toDayNumber(p.date));
  let d0 = Math.min(...days);
  let d1 = Math.max(...days);
  // A little room either side, more when there is a single day.
  const pad = Math.max(7, Math.round((d1 - d0) * 0.05));
  d0 -= pad;
  d1 += pad;
  const bounds = bands.flatMap((b) => [b.from, b.to]).filter((v): v is number => v !== null);
  const values = all.map((p) => p.value);
  const lo = Math.min(...values, ...(lines ?? []).map((l) => l.value));
  const hi = Math.max(...values, ...(lines ?? []).map((l) => l.value));
  // Show the band boundaries near the data, so the nearest class lines are on the chart.
  const near = bounds.filter((b) => b >= lo - (hi - lo + 20) * 0.5 && b <= hi + (hi - lo + 20) * 0.5);
  const yd = niceDomain(Math.min(lo, ...near) * 0.95, Math.max(hi, ...near) * 1.05, Math.max(4, Math.round(ph / 40)));
  const x = linear([d0, d1], [MARGIN.left, MARGIN.left + pw]);
  const y = linear(yd.domain, [MARGIN.top + ph, MARGIN.top]);
  const top = MARGIN.top;
  const bottom = MARGIN.top + ph;

  // Month ticks, fewer when the span is long.
  const monthFmt = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const start = new Date(d0 * DAY_MS);
  const monthsSpan = (d1 - d0) / 30.4;
  const every = [1, 2, 3, 6, 12, 24].find((k) => (pw / monthsSpan) * k >= 56) ?? 24;
  const xTicks: number[] = [];
  for (let m = 0; ; m++) {
    const d = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1) / DAY_MS;
    if (d > d1) break;
    const month = new Date(d * DAY_MS).getUTCMonth();
    if (d >= d0 && month % every === 0) xTicks.push(d);
  }
  const yTicks = ticks(yd.domain[0], yd.domain[1], yd.step);
  const pointWords = (s: TrendSeries, p: TrendPoint) => `${date(p.date)} · ${s.label} ${p.text}`;
  const first = series[0]!;
  const pick = chosen && series.find((s) => s.key === chosen.series)?.points[chosen.index] ? chosen : { series: first.key, index: first.points.length - 1 };
  const pickedSeries = series.find((s) => s.key === pick.series)!;
  const shown = pickedSeries.points[pick.index] ? { s: pickedSeries, i: pick.index, p: pickedSeries.points[pick.index]! } : null;

  return (
    <div ref={ref} className="chart-box" data-testid={testId}>
      <svg width={width} height={height} role="img" aria-labelledby={`${uid}-t ${uid}-d`} className="chart trend-svg">
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>
          {series.map((s) => `${s.label}: ${s.points.map((p) => p.text).slice(-3).join('; ')}`).join('. ')}
        </desc>
        <defs>
          <clipPath id={`clip-${uid}`}>
            <rect x={MARGIN.left} y={top} width={pw} height={ph} />
          </clipPath>
        </defs>
        <g clipPath={`url(#clip-${uid})`}>
          {bands.map((b, i) => (
            <path
              key={i}
              className={`band band-${b.tone}`}
              d={bandPath([MARGIN.left, MARGIN.left + pw], [b.to === null ? top : y(b.to), b.to === null ? top : y(b.to)], [b.from === null ? bottom : y(b.from), b.from === null ? bottom : y(b.from)])}
            />
          ))}
        </g>
        {yTicks.map((v) => (
          <line key={`gy${v}`} className="grid" x1={MARGIN.left} x2={MARGIN.left + pw} y1={y(v)} y2={y(v)} />
        ))}
        {(lines ?? []).map((l) => (
          <g key={l.value}>
            <line className="ref-line" x1={MARGIN.left} x2={MARGIN.left + pw} y1={y(l.value)} y2={y(l.value)} />
            <text className="ref-label" x={MARGIN.left + pw - 4} y={y(l.value) - 4} textAnchor="end">
              {label(l.label)}
            </text>
          </g>
        ))}
        <line className="axis" x1={MARGIN.left} x2={MARGIN.left + pw} y1={bottom} y2={bottom} />
        <line className="axis" x1={MARGIN.left} x2={MARGIN.left} y1={top} y2={bottom} />
        {xTicks.map((d) => (
          <text key={d} className="tick" x={x(d)} y={bottom + 16} textAnchor="middle">
            {monthFmt.format(new Date(d * DAY_MS))}
          </text>
        ))}
        {yTicks.map((v) => (
          <text key={`ty${v}`} className="tick" x={MARGIN.left - 6} y={y(v)} dy="0.35em" textAnchor="end">
            {number(v)}
          </text>
        ))}
        <text className="axis-title" transform={`translate(12 ${top + ph / 2}) rotate(-90)`} textAnchor="middle">
          {unit}
        </text>
        {series.map((s) => (
          <g key={s.key} className={`trend-series series-${s.key}`}>
            <path className={`trend-line${s.dashed ? ' dashed' : ''}`} d={linePath(s.points.map((p) => [x(toDayNumber(p.date)), y(p.value)]))} />
            {s.points.map((p, i) => (
              <g
                key={i}
                className={`trend-point-g${shown?.s.key === s.key && shown.i === i ? ' chosen' : ''}`}
                data-date={p.date}
                onClick={() => setChosen({ series: s.key, index: i })}
                onMouseEnter={() => setChosen({ series: s.key, index: i })}
              >
                {/* A finger-sized target around the small dot. */}
                <circle className="hit" cx={x(toDayNumber(p.date))} cy={y(p.value)} r={11} />
                <circle className={`trend-point${p.tone ? ` tone-${p.tone}` : ''}`} cx={x(toDayNumber(p.date))} cy={y(p.value)} r={4.5}>
                  <title>{pointWords(s, p)}</title>
                </circle>
              </g>
            ))}
          </g>
        ))}
      </svg>

      {shown && (
        <p className="point-info" data-testid="point-info" aria-live="polite">
          {pointWords(shown.s, shown.p)}
        </p>
      )}

      <ul className="chart-legend" aria-label={t('chart.legend')}>
        {series.length > 1 &&
          series.map((s) => (
            <li key={s.key}>
              <span className={`line${s.dashed ? ' dashed' : ''}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        {[...bands].reverse().map((b, i) => (
          <li key={i}>
            <span className={`swatch band-${b.tone}`} aria-hidden="true" />
            {label(b.label)}
          </li>
        ))}
      </ul>

      <details className="chart-table">
        <summary>{t('chart.asTable')}</summary>
        <div className="table-scroll">
          <table className="plain-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.col.date')}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...new Set(all.map((p) => p.date))]
                .sort()
                .reverse()
                .map((d) => (
                  <tr key={d}>
                    <td>{date(d)}</td>
                    {series.map((s) => (
                      <td key={s.key}>{s.points.filter((p) => p.date === d).map((p) => p.text).join('; ') || '–'}</td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

import { useId, useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import type { GrowthView } from '../../core/record/growth';
import { SD_LINES, type SdLine } from '../../core/record/growth';
import { GROWTH_INDICES, growthSeries, xExtent, yExtent, type ChildPoint, type GrowthIndex, type GrowthSeries } from './growth-model';
import { bandPath, linear, linePath, niceDomain, niceStep, spreadLabels, ticks } from './scale';
import { useWidth } from './useWidth';

const INDEX_KEY: Record<GrowthIndex, MessageKey> = { wfa: 'chart.index.wfa', lhfa: 'chart.index.lhfa', wfl: 'chart.index.wfl' };
const INDEX_SHORT: Record<GrowthIndex, MessageKey> = { wfa: 'chart.short.wfa', lhfa: 'chart.short.lhfa', wfl: 'chart.short.wfl' };
const SD_TEXT: Record<SdLine, string> = { '-3': '−3', '-2': '−2', '-1': '−1', '0': '0', '1': '+1', '2': '+2', '3': '+3' };
const MARGIN = { top: 12, right: 34, bottom: 44, left: 46 };

/**
 * The growth chart in the style of the KMS in the Buku KIA: the WHO curves
 * −3…+3 SD with the Permenkes categories as coloured bands, the child's
 * measurements joined, N/T judgements marked on weight-for-age. A switch
 * chooses weight-for-age, length/height-for-age or weight-for-length/height;
 * a table gives the same points for screen readers and for reading exactly.
 */
export function GrowthChart({ view }: { view: GrowthView }) {
  const { t } = useI18n();
  const available = useMemo(() => GROWTH_INDICES.filter((i) => growthSeries(view, i)?.points.length), [view]);
  const [index, setIndex] = useState<GrowthIndex>(available[0] ?? 'wfa');
  const series = useMemo(() => growthSeries(view, index), [view, index]);
  return (
    <div className="growth" data-testid="growth-chart">
      <div className="segmented chart-switch" role="radiogroup" aria-label={t('chart.chooseIndex')}>
        {GROWTH_INDICES.map((i) => (
          <label key={i} title={t(INDEX_KEY[i])}>
            <input type="radio" name="growth-index" value={i} checked={index === i} onChange={() => setIndex(i)} disabled={!available.includes(i)} />
            {t(INDEX_SHORT[i])}
          </label>
        ))}
      </div>
      {series && series.points.length > 0 ? <GrowthSvg series={series} /> : <p className="muted small">{t('chart.noPoints')}</p>}
    </div>
  );
}

function GrowthSvg({ series: s }: { series: GrowthSeries }) {
  const { t, label, number, date } = useI18n();
  const uid = useId().replace(/:/g, '');
  const [ref, width] = useWidth<HTMLDivElement>();
  // Phones get a taller chart: the months are narrow there, the kilograms need the room.
  const height = Math.round(width < 560 ? Math.max(300, width * 0.95) : Math.min(460, width * 0.62));
  const pw = width - MARGIN.left - MARGIN.right;
  const ph = height - MARGIN.top - MARGIN.bottom;

  const [x0, x1] = xExtent(s);
  const yd = niceDomain(...yExtent(s), Math.max(4, Math.round(ph / 45)));
  const x = linear([x0, x1], [MARGIN.left, MARGIN.left + pw]);
  const y = linear(yd.domain, [MARGIN.top + ph, MARGIN.top]);
  const top = MARGIN.top;
  const bottom = MARGIN.top + ph;

  // x ticks: every month (or cm) when there is room, else 2, 3, 6, 12.
  const span = x1 - x0;
  const xStep = s.xKind === 'months' ? [1, 2, 3, 6, 12].find((k) => (pw / span) * k >= 26) ?? 12 : niceStep(span, Math.max(3, Math.round(pw / 50)));
  const xTicks = ticks(x0, x1, xStep);
  const yTicks = ticks(yd.domain[0], yd.domain[1], yd.step);

  const xs = s.curve.map((c) => x(c.x));
  // N/T letters only where they do not run into each other (the dot colour still says it).
  const labelled = new Set<number>();
  let lastX = -Infinity;
  s.points.forEach((p, i) => {
    if (x(p.x) - lastX >= 13) {
      labelled.add(i);
      lastX = x(p.x);
    }
  });
  // The SD names at the right end of their lines, moved apart where the lines run close (−2 and −3 in young infants).
  const lastCurve = s.curve[s.curve.length - 1];
  const sdShown = lastCurve ? SD_LINES.filter((l) => l !== '-1' && l !== '1').map((line) => ({ line, y: y(lastCurve.sd[line]) })).filter((l) => l.y >= top - 4 && l.y <= bottom + 4) : [];
  const spread = spreadLabels(sdShown.map((l) => l.y), 12);
  const sdLabels = sdShown.map((l, i) => ({ line: l.line, y: spread[i]! }));
  const clip = `clip-${uid}`;
  const latest = s.points[s.points.length - 1];
  // The point whose values are spelt out under the chart: the latest until one is tapped or hovered.
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = s.points.find((p) => p.date === chosen) ?? latest;
  const yLabel = s.index === 'lhfa' ? t('chart.axis.length') : t('chart.axis.weight');
  const xLabel = s.xKind === 'months' ? t('chart.axis.ageMonths') : s.position === 'h' ? t('chart.axis.heightCm') : t('chart.axis.lengthCm');
  const unit = s.yUnit === 'kg' ? 'kg' : 'cm';
  const pointText = (p: ChildPoint) =>
    [
      date(p.date),
      s.xKind === 'cm' ? `${number(p.x)} cm` : null,
      `${number(p.y)} ${unit}`,
      p.outcome ? t(`chart.outcome.${p.outcome}`) : null,
      p.category ? `${label(p.category)}${p.z !== null ? ` (z\u00a0${formatZ(p.z, number)})` : ''}` : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <div ref={ref} className="chart-box">
      <svg
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${uid}-t ${uid}-d`}
        className="chart growth-svg"
        data-index={s.index}
        data-points={s.points.length}
      >
        <title id={`${uid}-t`}>{t(INDEX_KEY[s.index])}</title>
        <desc id={`${uid}-d`}>
          {latest ? t('chart.desc', { n: s.points.length, last: pointText(latest) }) : t('chart.noPoints')}
        </desc>
        <defs>
          <clipPath id={clip}>
            <rect x={MARGIN.left} y={top} width={pw} height={ph} />
          </clipPath>
        </defs>

        <g clipPath={`url(#${clip})`}>
          {s.bands.map((b) => (
            <path
              key={b.code}
              className={`band band-${b.tone}`}
              d={bandPath(
                xs,
                s.curve.map((c) => (b.upper ? y(c.sd[b.upper]) : top - 2)),
                s.curve.map((c) => (b.lower ? y(c.sd[b.lower]) : bottom + 2)),
              )}
            />
          ))}
        </g>

        {/* grid */}
        {yTicks.map((v) => (
          <line key={`gy${v}`} className="grid" x1={MARGIN.left} x2={MARGIN.left + pw} y1={y(v)} y2={y(v)} />
        ))}
        {xTicks.map((v) => (
          <line key={`gx${v}`} className="grid" x1={x(v)} x2={x(v)} y1={top} y2={bottom} />
        ))}

        <g clipPath={`url(#${clip})`}>
          {SD_LINES.map((line) => (
            <path key={line} className={`sd sd-${line.replace('-', 'm')}`} d={linePath(s.curve.map((c) => [x(c.x), y(c.sd[line])]))} />
          ))}
        </g>
        {sdLabels.map((l) => (
          <text key={l.line} className="sd-label" x={MARGIN.left + pw + 4} y={l.y} dy="0.35em">
            {SD_TEXT[l.line]}
          </text>
        ))}

        {/* axes */}
        <line className="axis" x1={MARGIN.left} x2={MARGIN.left + pw} y1={bottom} y2={bottom} />
        <line className="axis" x1={MARGIN.left} x2={MARGIN.left} y1={top} y2={bottom} />
        {xTicks.map((v) => (
          <text key={`tx${v}`} className="tick" x={x(v)} y={bottom + 16} textAnchor="middle">
            {number(v)}
          </text>
        ))}
        {yTicks.map((v) => (
          <text key={`ty${v}`} className="tick" x={MARGIN.left - 6} y={y(v)} dy="0.35em" textAnchor="end">
            {number(v)}
          </text>
        ))}
        <text className="axis-title" x={MARGIN.left + pw / 2} y={height - 6} textAnchor="middle">
          {xLabel}
        </text>
        <text className="axis-title" transform={`translate(12 ${top + ph / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>

        {/* the child */}
        <path className="child-line" d={linePath(s.points.map((p) => [x(p.x), y(p.y)]))} />
        {s.points.map((p, i) => (
          <g
            key={p.date}
            className={`child-point${p.outcome ? ` outcome-${p.outcome}` : ''}${p.flagged ? ' flagged' : ''}${p === shown ? ' chosen' : ''}`}
            data-date={p.date}
            data-outcome={p.outcome ?? undefined}
            onClick={() => setChosen(p.date)}
            onMouseEnter={() => setChosen(p.date)}
          >
            {/* A finger-sized target around the small dot. */}
            <circle className="hit" cx={x(p.x)} cy={y(p.y)} r={12} />
            <circle className="dot" cx={x(p.x)} cy={y(p.y)} r={p === shown ? 6 : 4.5}>
              <title>{pointText(p)}</title>
            </circle>
            {(p.outcome === 'N' || p.outcome === 'T') && labelled.has(i) && (
              <text className="outcome-mark" x={x(p.x)} y={y(p.y) - 9} textAnchor="middle">
                {p.outcome}
              </text>
            )}
          </g>
        ))}
      </svg>

      {shown && (
        <p className="point-info" data-testid="point-info" aria-live="polite">
          <span className={`dot${shown.outcome ? ` outcome-${shown.outcome}` : ''}`} aria-hidden="true" />
          {pointText(shown)}
        </p>
      )}
      <p className="small muted chart-hint">{t('chart.tapHint')}</p>

      <ul className="chart-legend" aria-label={t('chart.legend')}>
        <li className="legend-sd">
          <span className="line sd-line sd-0" aria-hidden="true" />
          {t('chart.sd.median')}
        </li>
        <li className="legend-sd">
          <span className="line sd-line sd-2" aria-hidden="true" />
          {t('chart.sd.two')}
        </li>
        <li className="legend-sd">
          <span className="line sd-line sd-3" aria-hidden="true" />
          {t('chart.sd.three')}
        </li>
        <li className="legend-sd">
          <span className="line sd-line sd-1" aria-hidden="true" />
          {t('chart.sd.one')}
        </li>
        {[...s.bands].reverse().map((b) => (
          <li key={b.code}>
            <span className={`swatch band-${b.tone}`} aria-hidden="true" />
            {label(b.label)}
          </li>
        ))}
        {s.index === 'wfa' && (
          <>
            <li>
              <span className="dot outcome-N" aria-hidden="true" />
              {t('chart.outcome.N')}
            </li>
            <li>
              <span className="dot outcome-T" aria-hidden="true" />
              {t('chart.outcome.T')}
            </li>
          </>
        )}
      </ul>

      <details className="chart-table">
        <summary>{t('chart.asTable')}</summary>
        <div className="table-scroll">
          <table className="plain-table" data-testid="growth-table">
            <caption className="sr-only">{t(INDEX_KEY[s.index])}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.col.date')}</th>
                <th scope="col">{s.xKind === 'months' ? t('chart.col.age') : xLabel}</th>
                <th scope="col" className="num">{yLabel}</th>
                <th scope="col" className="num">z</th>
                <th scope="col">{t('chart.col.category')}</th>
                {s.index === 'wfa' && <th scope="col">{t('chart.col.outcome')}</th>}
              </tr>
            </thead>
            <tbody>
              {s.points.map((p) => (
                <tr key={p.date}>
                  <td>{date(p.date)}</td>
                  <td>{s.xKind === 'months' ? t('chart.ageMonths', { n: number(Math.floor(p.x)) }) : number(p.x)}</td>
                  <td className="num">{number(p.y)}</td>
                  <td className="num">{p.z === null ? '–' : formatZ(p.z, number)}</td>
                  <td>{p.category ? label(p.category) : '–'}</td>
                  {s.index === 'wfa' && <td>{p.outcome ? t(`chart.outcome.${p.outcome}`) : '–'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

/** z-scores with a sign and two decimals, as WHO Anthro shows them. */
function formatZ(z: number, number: (n: number) => string): string {
  const v = number(Math.abs(Math.round(z * 100) / 100));
  return z < 0 ? `−${v}` : `+${v}`;
}

import { useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import './charts-map.css';
import {
  bboxOf, binFill, fitProjection, geometryPath, labelPoint, sequentialBins, textOn, tileLayout, TRAFFIC_FILL,
  type Bin, type MapFeature, type TrafficColour,
} from './map-model';
import { useWidth } from './useWidth';

export interface MapDatum {
  /** The figure that colours a sequential map (coverage %, count). */
  value: number | null;
  colour: TrafficColour | null;
  /** The figure in words for the tooltip and the list ("82,5 % · 33 dari 40"). */
  text: string;
}

export type MapScale = 'traffic' | 'sequential';

function fillOf(d: MapDatum | undefined, scale: MapScale, bins: readonly Bin[]): string {
  if (!d) return TRAFFIC_FILL.none;
  return scale === 'traffic' ? TRAFFIC_FILL[d.colour ?? 'none'] : binFill(d.value, bins);
}

function Legend({ scale, bins, format }: { scale: MapScale; bins: readonly Bin[]; format: (n: number) => string }) {
  const { t } = useI18n();
  const items: [string, string][] = scale === 'traffic'
    ? [
        [TRAFFIC_FILL.green, t('pws.legend.green')],
        [TRAFFIC_FILL.yellow, t('pws.legend.yellow')],
        [TRAFFIC_FILL.red, t('pws.legend.red')],
        [TRAFFIC_FILL.none, t('pws.legend.none')],
      ]
    : [...bins.map((b): [string, string] => [b.fill, `${format(b.from)}–${format(b.to)}`]), [TRAFFIC_FILL.none, t('pws.legend.none')]];
  return (
    <ul className="map-legend" aria-label={t('pws.legend')}>
      {items.map(([fill, text]) => (
        <li key={text}>
          <span className="map-swatch" style={{ background: fill }} aria-hidden="true" />
          {text}
        </li>
      ))}
    </ul>
  );
}

/** What both maps take besides their shapes: figures per area code, the colour scale, selection and labels. */
interface MapProps {
  data: ReadonlyMap<string, MapDatum>;
  scale: MapScale;
  selected?: string | null;
  onSelect?: (code: string) => void;
  title: string;
  format?: (n: number) => string;
  testId?: string;
}

/**
 * A choropleth of areas from imported boundaries, drawn in SVG at the box's
 * real width (no tiles, no network). Fill by traffic light or a sequential
 * scale; hover or tap shows the figure, a second tap (or Enter) selects the
 * area for drill-down. Every area is also a button in the list under the map,
 * so the figures are there without a mouse or good eyes.
 */
export function ChoroplethMap({ features, data, scale, selected, onSelect, title, format, testId }: MapProps & { features: readonly MapFeature[] }) {
  const { number } = useI18n();
  const fmt = format ?? ((n: number) => number(Math.round(n * 10) / 10));
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const [hover, setHover] = useState<string | null>(null);
  const bins = useMemo(() => sequentialBins([...data.values()].map((d) => d.value).filter((v): v is number => v !== null)), [data]);
  const drawn = useMemo(() => {
    const box = bboxOf(features.map((f) => f.geometry));
    if (!box) return null;
    const project = fitProjection(box, width, { pad: 6, minHeight: 220, maxHeight: Math.max(260, Math.round(width * 0.9)) });
    return {
      height: project.height,
      shapes: features.map((f) => {
        const b = bboxOf([f.geometry])!;
        const [x0, y0] = project([b.minLon, b.maxLat]);
        const [x1, y1] = project([b.maxLon, b.minLat]);
        return { code: f.properties.code, name: f.properties.name, d: geometryPath(f.geometry, project), at: project(labelPoint(f.geometry)), w: x1 - x0, h: y1 - y0 };
      }),
    };
  }, [features, width]);
  if (!drawn) return null;
  const focus = hover ?? selected ?? null;
  const focused = focus ? drawn.shapes.find((s) => s.code === focus) : undefined;
  // A name goes on an area wide enough to hold it (about 6.5 px a letter at 11 px); the rest show on hover or tap and in the ranking.
  const fits = (s: { name: string; w: number; h: number }) => s.w >= s.name.length * 6.5 && s.h >= 16;

  return (
    <figure className="map" data-testid={testId}>
      <figcaption className="map-title">{title}</figcaption>
      <div ref={ref} className="map-box">
        <svg width={width} height={drawn.height} role="img" aria-label={title} className="map-svg">
          {drawn.shapes.map((s) => {
            const d = data.get(s.code);
            const fill = fillOf(d, scale, bins);
            return (
              <path
                key={s.code}
                d={s.d}
                fill={fill}
                fillRule="evenodd"
                className={`map-area${s.code === selected ? ' is-selected' : ''}`}
                data-code={s.code}
                data-fill={fill}
                onMouseEnter={() => setHover(s.code)}
                onMouseLeave={() => setHover((h) => (h === s.code ? null : h))}
                onClick={() => {
                  // First tap on a phone shows the figure; the next selects.
                  if (hover !== s.code && window.matchMedia?.('(hover: none)').matches) setHover(s.code);
                  else onSelect?.(s.code);
                }}
              >
                <title>{`${s.name}: ${d?.text ?? '–'}`}</title>
              </path>
            );
          })}
          {drawn.shapes
            .filter(fits)
            .map((s) => (
              <text key={s.code} x={s.at[0]} y={s.at[1]} className="map-label" textAnchor="middle" fill={textOn(fillOf(data.get(s.code), scale, bins))} pointerEvents="none">
                {s.name}
              </text>
            ))}
        </svg>
        {focused && (
          <div className="map-tip" role="status" data-testid={testId ? `${testId}-tip` : undefined}>
            <strong>{focused.name}</strong> {data.get(focused.code)?.text ?? '–'}
          </div>
        )}
      </div>
      <Legend scale={scale} bins={bins} format={fmt} />
    </figure>
  );
}

/**
 * The same colours without boundaries: one square per area of the tree, in
 * code order, with the name and the figure. Used until boundaries are imported
 * (and for RW and RT, which have none).
 */
export function TileMap({ areas, data, scale, selected, onSelect, title, format, testId }: MapProps & { areas: readonly { code: string; name: string }[] }) {
  const { number } = useI18n();
  const fmt = format ?? ((n: number) => number(Math.round(n * 10) / 10));
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const bins = useMemo(() => sequentialBins([...data.values()].map((d) => d.value).filter((v): v is number => v !== null)), [data]);
  const layout = tileLayout(areas.length, width, { gap: 4, minTile: 64, maxTile: 128 });
  return (
    <figure className="map tile-map" data-testid={testId}>
      <figcaption className="map-title">{title}</figcaption>
      <div ref={ref} className="map-box" style={{ height: layout.height }}>
        {areas.map((a, i) => {
          const tile = layout.tiles[i]!;
          const d = data.get(a.code);
          const fill = fillOf(d, scale, bins);
          return (
            <button
              key={a.code}
              type="button"
              className={`map-tile${a.code === selected ? ' is-selected' : ''}`}
              style={{ left: tile.x, top: tile.y, width: tile.size, height: tile.size, background: fill, color: textOn(fill) }}
              onClick={() => onSelect?.(a.code)}
              title={`${a.name}: ${d?.text ?? '–'}`}
              data-code={a.code}
              data-fill={fill}
            >
              <span className="map-tile-name">{a.name}</span>
              <span className="map-tile-value">{d?.text.split(' · ')[0] ?? '–'}</span>
            </button>
          );
        })}
      </div>
      <Legend scale={scale} bins={bins} format={fmt} />
    </figure>
  );
}

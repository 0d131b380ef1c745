import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { Card, ErrorState, Loading } from '../../components/ui';
import { useAsync } from '../../lib/useAsync';
import { displayName, LEVEL_KEY } from '../../lib/format';
import { levelOf, type AreaLevel } from '../../../core/areas/codes';
import {
  getBoundaries, getIndicatorAreas, getIndicatorTrend, labelIn, monthFigures, type AreaFiguresView, type Filters, type IndicatorView,
} from '../../api/indicators';
import { ChoroplethMap, TileMap, type MapDatum, type MapScale } from '../../charts/ChoroplethMap';
import { BarRanking } from '../../charts/BarRanking';
import { MonthTrend } from '../../charts/MonthTrend';
import { mainCoverage, parsePeriod } from './pws-model';
import { usePercent } from './IndicatorCard';

/** The level of the areas one step down from `code` (what the ranking and the map show). */
export function childLevelOf(code: string): AreaLevel | null {
  switch (levelOf(code)) {
    case 'country': return 'province';
    case 'province': return 'regency';
    case 'regency': return 'district';
    case 'district': return 'village';
    case 'village': return 'rw';
    case 'dusun': return 'rw';
    case 'rw': return 'rt';
    default: return null;
  }
}

/**
 * The selected indicator in depth: its 12-month trend, the sub-areas ranked
 * (a tap drills down), the map of the sub-areas (boundaries, else tiles) and
 * the lists of people served and missed.
 */
export function IndicatorDetail({ ind, f, areaName, onArea, peopleHref }: {
  ind: IndicatorView;
  f: Filters;
  areaName: string;
  onArea: (code: string) => void;
  peopleHref: (id: string, which: 'served' | 'missed' | 'not-served-in-month') => string;
}) {
  const { t, number, locale } = useI18n();
  const pct = usePercent();
  const { year } = parsePeriod(f.period);
  const isCount = ind.kind === 'count';
  const childLevel = childLevelOf(f.area);
  const mapLevel = childLevel === 'district' || childLevel === 'village' ? childLevel : null;
  const [scale, setScale] = useState<MapScale>(isCount || ind.better === 'lower' ? 'sequential' : 'traffic');

  const trend = useAsync(() => getIndicatorTrend(ind.id, f, year), [ind.id, f.area, year, f.sex, f.age, f.view]);
  const areas = useAsync(() => getIndicatorAreas(ind.id, f), [ind.id, f.area, f.period, f.mode, f.sex, f.age]);
  const shapes = useAsync(() => (mapLevel ? getBoundaries(f.area, mapLevel) : Promise.resolve(null)), [f.area, mapLevel]);

  const valueOf = (a: AreaFiguresView) => (isCount ? a.numerator : mainCoverage(a).value);
  const textOf = (a: AreaFiguresView) => (isCount ? number(a.numerator) : `${pct(mainCoverage(a).value)} · ${number(a.numerator)}`);
  const data = useMemo(() => {
    const m = new Map<string, MapDatum>();
    for (const a of areas.data ?? []) m.set(a.code, { value: valueOf(a), colour: a.colour, text: textOf(a) });
    return m;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areas.data]);
  const levelWord = childLevel ? t(LEVEL_KEY[childLevel]) : '';

  const points = (trend.data ?? []).map((r) => {
    const own = monthFigures(r);
    return { month: r.month, line: isCount ? r.ytd.numerator : mainCoverage(r.ytd).value, bar: own ? own.numerator : null };
  });

  return (
    <Card className="pws-detail" title={t('pws.detail', { name: labelIn(ind.label, locale) })}>
      <div className="pws-drill" data-testid="pws-drill">
        <span className="small muted">{t('pws.drill')}:</span>
        <Link className="btn btn-secondary btn-sm" to={peopleHref(ind.id, 'served')} data-testid="pws-drill-served">
          {t('pws.drillServed', { n: number(ind.numerator) })}
        </Link>
        {ind.kind === 'coverage' && (
          <>
            <Link className="btn btn-secondary btn-sm" to={peopleHref(ind.id, 'missed')} data-testid="pws-drill-missed">
              {t('pws.drillMissed')}
            </Link>
            <Link className="btn btn-ghost btn-sm" to={peopleHref(ind.id, 'not-served-in-month')}>
              {t('pws.drillNotThisMonth')}
            </Link>
          </>
        )}
      </div>

      <div className="pws-detail-grid">
        <section className="pws-detail-trend">
          {trend.error ? (
            <ErrorState error={trend.error} onRetry={trend.reload} />
          ) : trend.loading ? (
            <Loading />
          ) : (
            <MonthTrend
              testId="pws-trend"
              points={points}
              target={isCount ? null : ind.target}
              lineUnit={isCount ? '' : '%'}
              title={t('pws.trendTitle', { year })}
              lineLabel={isCount ? t('pws.trendLineCount') : t('pws.trendLine')}
              barLabel={t('pws.trendBar')}
              targetLabel={t('pws.targetProrated', { target: number(ind.target ?? 0) })}
            />
          )}
        </section>

        {childLevel && (
          <section className="pws-detail-map">
            {areas.error ? (
              <ErrorState error={areas.error} onRetry={areas.reload} />
            ) : areas.loading || shapes.loading ? (
              <Loading />
            ) : (areas.data ?? []).length === 0 ? (
              <p className="muted small">{t('pws.rankingEmpty')}</p>
            ) : (
              <>
                <div className="pws-map-scale" role="group" aria-label={t('pws.mapColour')}>
                  {(['traffic', 'sequential'] as const).map((s) => (
                    <button key={s} type="button" className={`chip${scale === s ? ' is-active' : ''}`} aria-pressed={scale === s} onClick={() => setScale(s)}>
                      {t(s === 'traffic' ? 'pws.mapColour.traffic' : 'pws.mapColour.sequential')}
                    </button>
                  ))}
                </div>
                {shapes.data && shapes.data.features.length > 0 ? (
                  <ChoroplethMap
                    testId="pws-map"
                    features={shapes.data.features}
                    data={data}
                    scale={scale}
                    onSelect={onArea}
                    title={t('pws.map', { level: levelWord, name: displayName(areaName) })}
                  />
                ) : (
                  <TileMap
                    testId="pws-tiles"
                    areas={(areas.data ?? []).map((a) => ({ code: a.code, name: displayName(a.name) })).sort((a, b) => a.code.localeCompare(b.code))}
                    data={data}
                    scale={scale}
                    onSelect={onArea}
                    title={t(mapLevel ? 'pws.mapTiles' : 'pws.mapTilesPlain', { level: levelWord })}
                  />
                )}
              </>
            )}
          </section>
        )}

        {childLevel && (areas.data ?? []).length > 0 && (
          <section className="pws-detail-rank">
            <BarRanking
              testId="pws-ranking"
              title={t('pws.ranking', { level: levelWord })}
              rows={(areas.data ?? []).map((a) => ({ code: a.code, name: displayName(a.name), value: valueOf(a), colour: a.colour, text: textOf(a) }))}
              target={isCount ? null : ind.kind === 'ratio' ? ind.target : ind.targetToDate}
              unit={isCount ? '' : '%'}
              onSelect={onArea}
            />
          </section>
        )}
      </div>
    </Card>
  );
}

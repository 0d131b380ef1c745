import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { labelIn, type IndicatorView } from '../../api/indicators';
import { coverageBar, mainCoverage, trendArrow } from './pws-model';

/** A percentage in the locale ("82,5%"), or a dash. */
export function usePercent(): (v: number | null | undefined) => string {
  const { number } = useI18n();
  return (v) => (v === null || v === undefined ? '–' : `${number(Math.round(v * 10) / 10)}%`);
}

/**
 * One indicator: its coverage against the target prorated to the month,
 * the traffic light, the numerator and both denominators
 * (each a link to the people behind it) and the change on last month.
 */
export function IndicatorCard({ ind, selected, onSelect, peopleHref }: {
  ind: IndicatorView;
  selected: boolean;
  onSelect: () => void;
  peopleHref: (which: 'served' | 'missed') => string;
}) {
  const { t, number, locale } = useI18n();
  const pct = usePercent();
  const cov = mainCoverage(ind);
  const bar = coverageBar(cov.value, ind.kind === 'ratio' ? ind.target : ind.targetToDate);
  const isCount = ind.kind === 'count';
  const missed = ind.denominatorRegister !== null && ind.kind === 'coverage' ? Math.max(0, ind.denominatorRegister - ind.numerator) : null;
  return (
    <article className={`ind-card tone-${ind.colour ?? 'none'}${selected ? ' is-selected' : ''}`} data-testid="pws-card" data-indicator={ind.id} data-colour={ind.colour ?? ''}>
      <button type="button" className="ind-head" onClick={onSelect} aria-pressed={selected}>
        <span className={`light light-${ind.colour ?? 'none'}`} aria-hidden="true" />
        <span className="ind-label">{labelIn(ind.label, locale)}</span>
      </button>
      <div className="ind-main">
        {isCount ? (
          <Link className="ind-big" to={peopleHref('served')} data-testid="pws-card-number">
            {number(ind.numerator)}
          </Link>
        ) : (
          <span className="ind-big" data-testid="pws-card-coverage">
            {pct(cov.value)}
          </span>
        )}
        <span className="ind-side">
          {ind.trend && (
            <span className={`ind-trend trend-${ind.trend}`} title={t(`pws.trend.${ind.trend}` as MessageKey)}>
              {trendArrow(ind.trend)} <span className="sr-only">{t(`pws.trend.${ind.trend}` as MessageKey)}</span>
            </span>
          )}
          {ind.colour && <span className={`pws-status status-${ind.colour}`}>{t(`pws.colourShort.${ind.colour}` as MessageKey)}</span>}
          {ind.better === 'lower' && <span className="small muted">{t('pws.lowerBetter')}</span>}
        </span>
      </div>
      {!isCount && (
        <div className="cov-bar" aria-hidden="true">
          <span className="cov-fill" style={{ width: `${bar.fill}%` }} />
          {bar.marker !== null && <span className="cov-target" style={{ left: `${Math.min(99.5, bar.marker)}%` }} />}
        </div>
      )}
      {!isCount && (
        <dl className="ind-figures">
          <div>
            <dt>{t('pws.served')}</dt>
            <dd>
              <Link to={peopleHref('served')} data-testid="pws-card-served">
                {number(ind.numerator)}
              </Link>
            </dd>
          </div>
          {ind.denominatorEstimated !== null && (
            <div>
              <dt>{t('pws.estimated')}</dt>
              <dd>{number(ind.denominatorEstimated)}</dd>
            </div>
          )}
          {ind.denominatorRegister !== null && (
            <div>
              <dt>{ind.kind === 'ratio' ? t('pws.coverage') : t('pws.register')}</dt>
              <dd>{number(ind.denominatorRegister)}</dd>
            </div>
          )}
          {missed !== null && (
            <div>
              <dt>{t('pws.missed')}</dt>
              <dd>
                <Link to={peopleHref('missed')} data-testid="pws-card-missed">
                  {number(missed)}
                </Link>
              </dd>
            </div>
          )}
          {(ind.kind === 'ratio' ? ind.target : ind.targetToDate) !== null && (
            <div>
              <dt>{t('pws.targetToDate')}</dt>
              <dd>{pct(ind.kind === 'ratio' ? ind.target : ind.targetToDate)}</dd>
            </div>
          )}
        </dl>
      )}
      {ind.previous && !isCount && ind.previous.coverageEstimated !== null && (
        <p className="small muted ind-prev">{t('pws.lastYear', { value: pct(ind.previous.coverageEstimated) })}</p>
      )}
    </article>
  );
}

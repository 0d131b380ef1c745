import { useI18n, type MessageKey } from '../../i18n';
import type { GrowthView } from '../../api/record';
import { Alert, Badge, Card } from '../../components/ui';
import { GrowthChart } from '../../charts/GrowthChart';
import { bandsOf } from '../../charts/growth-model';
import { hasConsecutiveT, DEFAULT_GROWTH_MONITORING } from '../../../core/anthropometry/growth-monitoring';
import type { PermenkesIndex } from '../../../core/anthropometry/permenkes';

const INDEX_NAME: Record<PermenkesIndex, MessageKey> = { bbu: 'rec.growth.bbu', pbu: 'rec.growth.pbu', bbpb: 'rec.growth.bbpb', imtu: 'rec.growth.imtu' };
const Z_OF: Record<PermenkesIndex, 'wfa' | 'lhfa' | 'wfl' | 'bmi'> = { bbu: 'wfa', pbu: 'lhfa', bbpb: 'wfl', imtu: 'bmi' };
const TONE_BADGE = { good: 'success', watch: 'info', warn: 'warning', danger: 'danger', high: 'info' } as const;

/** The KMS chart, the latest nutrition status by Permenkes 2/2020, and the monthly weighings with N/T. */
export function GrowthSection({ growth }: { growth: GrowthView }) {
  const { t, label, number, date } = useI18n();
  const last = growth.points[growth.points.length - 1];
  const weighings = [...growth.weighings].reverse();
  const twoT = hasConsecutiveT(
    growth.weighings.map((w) => ({ date: w.date, weightKg: w.weight, code: w.outcome, ageMonths: w.ageMonths, gainGrams: w.gainG, kbmGrams: w.minGainG })),
  );
  return (
    <div className="grid-2">
      <Card title={t('rec.growth.chartTitle')} className="span-2">
        <GrowthChart view={growth} />
      </Card>

      {last && (
        <Card title={t('rec.growth.status')}>
          <p className="small muted" style={{ marginBottom: 8 }}>
            {t('rec.growth.measuredOn', { date: date(last.date) })}
            {last.weight !== null && ` · ${number(last.weight)} kg`}
            {last.lengthOrHeight !== null && ` · ${number(last.lengthOrHeight)} cm (${last.position === 'h' ? t('rec.growth.standing') : t('rec.growth.lying')})`}
          </p>
          <dl className="dl" data-testid="growth-status">
            {(['bbu', 'pbu', 'bbpb', 'imtu'] as const).map((i) => {
              const c = last.categories[i];
              if (!c) return null;
              const tone = bandsOf(i).find((b) => b.code === c.code)?.tone ?? 'good';
              const z = last.z[Z_OF[i]];
              return (
                <div key={i}>
                  <dt>{t(INDEX_NAME[i])}</dt>
                  <dd>
                    <Badge tone={TONE_BADGE[tone]}>{label(c)}</Badge>
                    {z !== null && <span className="muted small z-val"> z {z < 0 ? '−' : '+'}{number(Math.abs(z))}</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
          {last.flags.length > 0 && <p className="small" style={{ marginTop: 8 }}>⚠ {t('rec.growth.flagged')}</p>}
        </Card>
      )}

      <Card title={t('rec.growth.weighings')} count={growth.weighings.length}>
        {twoT && (
          <div style={{ marginBottom: 12 }}>
            <Alert tone="warning">{t('rec.growth.twoT', { n: DEFAULT_GROWTH_MONITORING.consecutiveTForReferral })}</Alert>
          </div>
        )}
        {weighings.length ? (
          <ul className="weighing-list" data-testid="weighings">
            {weighings.slice(0, 12).map((w) => (
              <li key={w.date} className={`weighing outcome-${w.outcome ?? 'none'}`}>
                <span className={`nt nt-${w.outcome ?? 'none'}`} aria-hidden="true">
                  {w.outcome ?? '–'}
                </span>
                <span className="weighing-main">
                  <strong>
                    {date(w.date)} · {number(w.weight)} kg
                  </strong>
                  <span className="small muted">
                    {w.outcome ? t(`chart.outcome.${w.outcome}`) : t('rec.growth.noKbm')}
                    {w.gainG !== null && ` · ${w.gainG >= 0 ? '+' : '−'}${number(Math.abs(w.gainG))} g`}
                    {w.minGainG !== null && ` (${t('rec.growth.kbm', { g: number(w.minGainG) })})`}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t('rec.growth.noWeighings')}</p>
        )}
      </Card>
    </div>
  );
}

import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import type { VitalsView } from '../../api/record';
import { Card } from '../../components/ui';
import { TrendChart } from '../../charts/TrendChart';
import { bpBands, classTone, glucoseBands } from '../../charts/vital-bands';
import { completedYears } from '../../../core/time/dates';
import type { GlucoseDevice, GlucoseMeasure } from '../../../core/protocol/cutoffs/glucose';

const MEASURE_KEY: Record<GlucoseMeasure, MessageKey> = {
  random: 'rec.vit.random',
  fasting: 'rec.vit.fasting',
  'ogtt-2h': 'rec.vit.ogtt',
  hba1c: 'rec.vit.hba1c',
};
const DEVICE_KEY: Record<GlucoseDevice, MessageKey> = { glucometer: 'rec.vit.glucometer', lab: 'rec.vit.lab' };

/** Blood pressure and glucose over time with their class bands (KMK Tabel 22/14, 23/24), and Hb. */
export function VitalsSection({ vitals, birthDate }: { vitals: VitalsView; birthDate: string }) {
  const { t, label, number, date } = useI18n();
  const lastBp = vitals.bp[vitals.bp.length - 1];
  const bp = lastBp ? bpBands(completedYears(birthDate, lastBp.date)) : { bands: [], lines: [] };
  // Glucose measures are classed differently: one chart per measure and device, the most recorded first.
  const groups = [...new Set(vitals.glucose.map((g) => `${g.measure}|${g.device}`))].sort(
    (a, b) => vitals.glucose.filter((g) => `${g.measure}|${g.device}` === b).length - vitals.glucose.filter((g) => `${g.measure}|${g.device}` === a).length,
  );
  const [group, setGroup] = useState(groups[0] ?? '');
  const [measure, device] = (group || 'random|glucometer').split('|') as [GlucoseMeasure, GlucoseDevice];
  const glucose = vitals.glucose.filter((g) => g.measure === measure && g.device === device);
  const gUnit = glucose[0]?.unit ?? 'mg/dL';
  const lastGlucose = glucose[glucose.length - 1];

  return (
    <div className="grid-2">
      {vitals.bp.length > 0 && (
        <Card title={t('rec.vit.bp')} className="span-2">
          {lastBp && (
            <p className="vital-latest" data-testid="bp-latest">
              <strong>
                {number(lastBp.systolic)}/{number(lastBp.diastolic)} mmHg
              </strong>{' '}
              <span className="muted small">{date(lastBp.date)}</span>
              {lastBp.class && (
                <span className={`class-pill tone-${classTone(lastBp.class.band) ?? 'none'}`}>{label(lastBp.class.label)}</span>
              )}
              {lastBp.class && <span className="small muted block">{label(lastBp.class.followUp)}</span>}
            </p>
          )}
          <TrendChart
            testId="bp-chart"
            title={t('rec.vit.bp')}
            unit="mmHg"
            bands={bp.bands}
            lines={bp.lines}
            series={[
              {
                key: 'sys',
                label: t('rec.vit.systolic'),
                points: vitals.bp.map((b) => ({ date: b.date, value: b.systolic, tone: classTone(b.class?.band), text: `${number(b.systolic)}/${number(b.diastolic)}${b.class ? ` ${label(b.class.label)}` : ''}` })),
              },
              {
                key: 'dia',
                label: t('rec.vit.diastolic'),
                dashed: true,
                points: vitals.bp.map((b) => ({ date: b.date, value: b.diastolic, tone: classTone(b.class?.band), text: number(b.diastolic) })),
              },
            ]}
          />
          {bp.bands.length > 0 && <p className="small muted">{t('rec.vit.bpBandsNote')}</p>}
        </Card>
      )}

      {vitals.glucose.length > 0 && (
        <Card
          title={t('rec.vit.glucose')}
          className="span-2"
          actions={
            groups.length > 1 ? (
              <select className="select select-sm" value={group} onChange={(e) => setGroup(e.target.value)} aria-label={t('rec.vit.chooseMeasure')}>
                {groups.map((g) => {
                  const [m, d] = g.split('|') as [GlucoseMeasure, GlucoseDevice];
                  return (
                    <option key={g} value={g}>
                      {t(MEASURE_KEY[m])} · {t(DEVICE_KEY[d])}
                    </option>
                  );
                })}
              </select>
            ) : undefined
          }
        >
          {lastGlucose && (
            <p className="vital-latest" data-testid="glucose-latest">
              <strong>
                {number(lastGlucose.value)} {lastGlucose.unit}
              </strong>{' '}
              <span className="muted small">
                {date(lastGlucose.date)} · {t(MEASURE_KEY[measure])} · {t(DEVICE_KEY[device])}
              </span>
              {lastGlucose.class && (
                <span className={`class-pill tone-${classTone(lastGlucose.class.band) ?? 'none'}`}>{label(lastGlucose.class.label)}</span>
              )}
              {lastGlucose.class && <span className="small muted block">{label(lastGlucose.class.followUp)}</span>}
            </p>
          )}
          <TrendChart
            testId="glucose-chart"
            title={`${t('rec.vit.glucose')}: ${t(MEASURE_KEY[measure])}`}
            unit={gUnit}
            bands={glucoseBands(device, measure)}
            series={[
              {
                key: 'glucose',
                label: t(MEASURE_KEY[measure]),
                points: glucose.map((g) => ({ date: g.date, value: g.value, tone: classTone(g.class?.band), text: `${number(g.value)} ${g.unit}${g.class ? ` ${label(g.class.label)}` : ''}` })),
              },
            ]}
          />
        </Card>
      )}

      {vitals.hb.length > 0 && (
        <Card title={t('rec.vit.hb')}>
          <ul className="list">
            {[...vitals.hb].reverse().map((h) => (
              <li key={h.eventId} className="list-item">
                <div className="list-item-main">
                  <strong>{number(h.gPerDl)} g/dL</strong>
                  <span className="list-item-meta">{date(h.date)}</span>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

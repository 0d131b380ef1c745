/** Blood pressure, blood glucose, Hb and waist, each classified live by core. */
import { RadioGroupField, SelectField } from '../components/Field';
import { useI18n } from '../i18n';
import { classifyBp } from '../../core/screening/blood-pressure';
import { classifyGlucose } from '../../core/screening/glucose';
import { classifyWaist } from '../../core/screening/imt';
import { GLUCOSE_CUTS, type GlucoseDevice, type GlucoseMeasure } from '../../core/protocol/cutoffs/glucose';
import { parseDecimal } from './numbers';
import { toneOf } from './tone';
import { DueChip, ResultCard, Section, UnitField } from './ui';
import type { SectionProps } from './section-props';

const num = (s: string): number | undefined => {
  const p = parseDecimal(s);
  return p.ok ? p.value : undefined;
};

export function VitalsSection({ draft, update, err, warn, offers, person, screening }: SectionProps) {
  const { t, label, number: fmt } = useI18n();
  const v = draft.vitals;
  const set = <K extends keyof typeof v>(k: K, val: (typeof v)[K]) => update((d) => void (d.vitals[k] = val));

  const sys = num(v.systolic);
  const dia = num(v.diastolic);
  const bp = sys !== undefined && dia !== undefined ? classifyBp({ systolic: sys, diastolic: dia, ageYears: screening.ageYears, sex: person.sex }) : null;
  const g = num(v.glucose);
  const measures = Object.keys(GLUCOSE_CUTS[v.glucoseDevice]) as GlucoseMeasure[];
  const cut = GLUCOSE_CUTS[v.glucoseDevice][v.glucoseMeasure];
  const glucose = g !== undefined && cut
    ? classifyGlucose({ device: v.glucoseDevice, measure: v.glucoseMeasure, value: g, ...(cut.needsSymptoms ? { classicSymptoms: v.classicSymptoms } : {}) })
    : null;
  const waistCm = num(v.waist);
  const waist = waistCm !== undefined ? classifyWaist({ waistCm, sex: person.sex }) : null;
  const unit = cut?.unit ?? 'mg/dL';

  return (
    <Section
      title={t('fw.sec.vitals')}
      testId="section-vitals"
      due={offers.length ? offers.map((o) => <DueChip key={`${o.entry.key}-${o.concept}`} label={o.entry.label} status={o.entry.status} />) : undefined}
    >
      <fieldset className="fieldset fw-pair">
        <legend>{t('fw.bp')}</legend>
        <div className="form-grid">
          <UnitField label={t('fw.systolic')} name="vitals.systolic" unit="mmHg" integer value={v.systolic} onValue={(x) => set('systolic', x)} error={err('vitals.systolic')} warnings={warn('vitals.systolic')} />
          <UnitField label={t('fw.diastolic')} name="vitals.diastolic" unit="mmHg" integer value={v.diastolic} onValue={(x) => set('diastolic', x)} error={err('vitals.diastolic')} warnings={warn('vitals.diastolic')} />
        </div>
        {bp?.ok && (
          <ResultCard title={t('fw.bp')} band={label(bp.result.label)} detail={`${fmt(sys!)}/${fmt(dia!)} mmHg`} followUp={label(bp.result.followUp)} tone={toneOf(bp.result.band)} testId="preview-bp" />
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('fw.glucose')}</legend>
        <div className="form-grid">
          <RadioGroupField
            label={t('fw.glucoseDevice')}
            name="vitals.glucoseDevice"
            value={v.glucoseDevice}
            onValue={(x) => {
              const device = x as GlucoseDevice;
              update((d) => {
                d.vitals.glucoseDevice = device;
                if (!GLUCOSE_CUTS[device][d.vitals.glucoseMeasure]) d.vitals.glucoseMeasure = 'random';
              });
            }}
            options={[
              { value: 'glucometer', label: t('fw.glucometer') },
              { value: 'lab', label: t('fw.lab') },
            ]}
          />
          <SelectField
            label={t('fw.glucoseMeasure')}
            name="vitals.glucoseMeasure"
            filter
            value={v.glucoseMeasure}
            onValue={(x) => set('glucoseMeasure', x as GlucoseMeasure)}
            options={measures.map((mm) => ({ value: mm, label: t(`fw.glucose.${mm}`) }))}
            error={err('vitals.glucoseMeasure')}
          />
          <UnitField label={t('fw.glucoseValue')} name="vitals.glucose" unit={unit} value={v.glucose} onValue={(x) => set('glucose', x)} error={err('vitals.glucose')} warnings={warn('vitals.glucose')} />
        </div>
        {cut?.needsSymptoms && (
          <label className="check">
            <input type="checkbox" name="vitals.classicSymptoms" checked={v.classicSymptoms} onChange={(e) => set('classicSymptoms', e.target.checked)} />
            <span>{t('fw.classicSymptoms')}</span>
          </label>
        )}
        {glucose?.ok && (
          <ResultCard title={t('fw.glucose')} band={label(glucose.result.label)} followUp={label(glucose.result.followUp)} tone={toneOf(glucose.result.band)} testId="preview-glucose" />
        )}
      </fieldset>

      <div className="form-grid">
        <UnitField label={t('fw.hb')} name="vitals.hb" unit="g/dL" value={v.hb} onValue={(x) => set('hb', x)} error={err('vitals.hb')} warnings={warn('vitals.hb')} />
        <UnitField label={t('fw.waist')} name="vitals.waist" unit="cm" value={v.waist} onValue={(x) => set('waist', x)} error={err('vitals.waist')} warnings={warn('vitals.waist')} />
      </div>
      {waist?.ok && <ResultCard title={t('fw.waist')} band={label(waist.result.label)} tone={toneOf(waist.result.band)} testId="preview-waist" />}
    </Section>
  );
}

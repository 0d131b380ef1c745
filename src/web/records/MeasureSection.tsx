/**
 * Weighing and measuring: weight, length or height (lying/standing), head
 * circumference, LiLA. For a child under five the Permenkes categories and
 * the growth direction (N/T) appear as soon as weight and length are typed,
 * marked preliminary; adults get IMT and, for women, KEK by LiLA.
 */
import { useMemo } from 'react';
import { RadioGroupField } from '../components/Field';
import { useI18n } from '../i18n';
import { ageInDays, completedYears } from '../../core/time/dates';
import { WHO2006_LAST_DAY } from '../../core/anthropometry/who-rules';
import { classifyImt } from '../../core/screening/imt';
import { classifyKek } from '../../core/screening/kek';
import { computePreview, useAnthro } from './anthro-preview';
import { defaultPosition } from './build-events';
import { parseDecimal } from './numbers';
import { toneOf } from './tone';
import { DueChip, ResultCard, Section, UnitField } from './ui';
import type { SectionProps } from './section-props';

const num = (s: string): number | undefined => {
  const p = parseDecimal(s);
  return p.ok && p.value > 0 ? p.value : undefined;
};

export function MeasureSection({ draft, update, err, warn, offers, person, on, previousWeight }: SectionProps & {
  /** The last weighing before this visit; null = never weighed; undefined = not known (yet). */
  previousWeight?: { date: string; weightKg: number } | null;
}) {
  const { t, label, number: fmt } = useI18n();
  const m = draft.measure;
  const days = ageInDays(person.birthDate, on);
  const child = days >= 0 && days <= WHO2006_LAST_DAY;
  const years = completedYears(person.birthDate, on);
  const position = m.position || defaultPosition(person.birthDate, on);
  const set = (k: keyof typeof m, v: string) => update((d) => void (d.measure[k] = v as never));

  const weight = num(m.weight);
  const lh = num(m.lengthHeight);
  const head = num(m.head);
  const muac = num(m.muac);
  const anthro = useAnthro(child && (weight !== undefined || lh !== undefined || muac !== undefined));
  const preview = useMemo(
    () => (anthro && child
      ? computePreview(anthro, { sex: person.sex, birthDate: person.birthDate, on, weightKg: weight, lengthHeightCm: lh, position, headCm: head, muacCm: muac, previous: previousWeight })
      : null),
    [anthro, child, person.sex, person.birthDate, on, weight, lh, position, head, muac, previousWeight],
  );
  const imt = !child && weight !== undefined && lh !== undefined ? classifyImt({ weightKg: weight, heightCm: lh, ageYears: years }) : null;
  const kek = !child && person.sex === 'F' && muac !== undefined ? classifyKek({ lilaCm: muac }) : null;

  const z = (v: number | null) => (v === null ? '' : ` · z ${fmt(v)}`);

  return (
    <Section
      title={t('fw.sec.measure')}
      testId="section-measure"
      due={offers.length ? offers.map((o) => <DueChip key={o.entry.key} label={o.entry.label} status={o.entry.status} />) : undefined}
    >
      <div className="form-grid fw-grid-measure">
        <UnitField label={t('fw.weight')} name="measure.weight" unit="kg" value={m.weight} onValue={(v) => set('weight', v)} error={err('measure.weight')} warnings={warn('measure.weight')} />
        <UnitField
          label={child ? (position === 'l' ? t('fw.length') : t('fw.height')) : t('fw.height')}
          name="measure.lengthHeight"
          unit="cm"
          value={m.lengthHeight}
          onValue={(v) => set('lengthHeight', v)}
          error={err('measure.lengthHeight')}
          warnings={warn('measure.lengthHeight')}
        />
        {child && (
          <RadioGroupField
            label={t('fw.position')}
            name="measure.position"
            required
            value={position}
            onValue={(v) => set('position', v)}
            options={[
              { value: 'l', label: t('fw.positionLying') },
              { value: 'h', label: t('fw.positionStanding') },
            ]}
            error={err('measure.position')}
            className="span-2"
          />
        )}
        {child && <UnitField label={t('fw.head')} name="measure.head" unit="cm" value={m.head} onValue={(v) => set('head', v)} error={err('measure.head')} warnings={warn('measure.head')} />}
        <UnitField label={t('fw.muac')} name="measure.muac" unit="cm" value={m.muac} onValue={(v) => set('muac', v)} error={err('measure.muac')} warnings={warn('measure.muac')} />
      </div>

      {preview && (preview.categories.length > 0 || preview.muac || preview.direction) && (
        <div className="fw-results" data-testid="anthro-preview">
          {preview.categories.map((c) => (
            <ResultCard
              key={c.index}
              title={t(`fw.index.${c.index}`)}
              band={label(c.category)}
              detail={z(c.z).replace(/^ · /, '')}
              tone={toneOf(c.category.code)}
              preliminary={preview.approximate}
              testId={`preview-${c.index}`}
            />
          ))}
          {preview.muac && (
            <ResultCard title={t('fw.muacShort')} band={label(preview.muac)} tone={toneOf(preview.muac.code)} testId="preview-muac" />
          )}
          {preview.direction && preview.direction.code && (
            <ResultCard
              title={t('fw.direction')}
              band={t(`fw.direction.${preview.direction.code}`)}
              detail={
                preview.direction.gainGrams !== null && preview.direction.kbmGrams !== null
                  ? t('fw.directionGain', { gain: fmt(preview.direction.gainGrams), kbm: fmt(preview.direction.kbmGrams) })
                  : undefined
              }
              tone={preview.direction.code === 'N' ? 'ok' : preview.direction.code === 'T' ? 'alert' : 'neutral'}
              preliminary
              testId="preview-direction"
            />
          )}
        </div>
      )}
      {preview && preview.flagged.length > 0 && (
        <p className="field-warning" data-testid="anthro-flag">
          {t('fw.anthroFlag')}
        </p>
      )}
      {(imt?.ok || kek?.ok) && (
        <div className="fw-results">
          {imt?.ok && (
            <ResultCard title={t('fw.imt')} band={label(imt.result.label)} detail={`IMT ${fmt(imt.result.score ?? null)}`} followUp={label(imt.result.followUp)} tone={toneOf(imt.result.band)} testId="preview-imt" />
          )}
          {kek?.ok && <ResultCard title={t('fw.kek')} band={label(kek.result.label)} followUp={label(kek.result.followUp)} tone={toneOf(kek.result.band)} testId="preview-kek" />}
        </div>
      )}
    </Section>
  );
}

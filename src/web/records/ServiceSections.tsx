/** Vitamin A, TTD and deworming; and the other services that carry a result (USG, vision, lab, …). */
import { RadioGroupField, TextField } from '../components/Field';
import { useI18n } from '../i18n';
import { CONCEPTS } from '../../core/codes/concepts';
import { itemById } from '../../core/protocol/catalogue';
import { DueChip, Section, UnitField } from './ui';
import type { SectionProps } from './section-props';

/** The capsule variants (blue for infants, red for children) as the protocol names them. */
const VITAMIN_A_VARIANTS = itemById('growth.vitamin-a')?.variants ?? [];

export function SupplementsSection({ draft, update, err, warn, offers, showAll }: SectionProps & { showAll: boolean }) {
  const { t, label } = useI18n();
  const s = draft.supplements;
  const due = (c: string) => offers.find((o) => o.concept === c);
  const vitA = due('vitamin-a');
  const show = (c: string) => showAll || !!due(c);
  return (
    <Section
      title={t('fw.sec.supplements')}
      testId="section-supplements"
      due={offers.length ? offers.map((o) => <DueChip key={o.entry.key} label={o.entry.label} status={o.entry.status} />) : undefined}
    >
      {show('vitamin-a') && (
        <div className="fw-offer-plain">
          <label className="check">
            <input
              type="checkbox"
              name="supplements.vitaminA"
              checked={s.vitaminA}
              onChange={(e) => update((d) => {
                d.supplements.vitaminA = e.target.checked;
                if (e.target.checked && !d.supplements.vitaminAVariant && vitA?.variant) d.supplements.vitaminAVariant = vitA.variant as 'biru' | 'merah';
              })}
            />
            <span><strong>{t('fw.vitaminA')}</strong></span>
          </label>
          {s.vitaminA && (
            <RadioGroupField
              label={t('fw.vitaminAVariant')}
              name="supplements.vitaminAVariant"
              value={s.vitaminAVariant}
              onValue={(v) => update((d) => void (d.supplements.vitaminAVariant = v as 'biru' | 'merah'))}
              options={VITAMIN_A_VARIANTS.map((va) => ({ value: va.id, label: label(va.label) }))}
              error={err('supplements.vitaminA')}
            />
          )}
        </div>
      )}
      {show('ttd') && (
        <UnitField
          label={t('fw.ttd')}
          name="supplements.ttd"
          unit={t('fw.tablets')}
          integer
          value={s.ttd}
          onValue={(v) => update((d) => void (d.supplements.ttd = v))}
          error={err('supplements.ttd')}
          warnings={warn('supplements.ttd')}
        />
      )}
      {show('deworming') && (
        <label className="check">
          <input type="checkbox" name="supplements.deworming" checked={s.deworming} onChange={(e) => update((d) => void (d.supplements.deworming = e.target.checked))} />
          <span><strong>{t('fw.deworming')}</strong></span>
        </label>
      )}
      {err('supplements.deworming') && <p className="field-error">{err('supplements.deworming')}</p>}
    </Section>
  );
}

/** Services with an optional result, one row per due service. */
export function ServicesSection({ draft, update, err, offers }: SectionProps) {
  const { t, label } = useI18n();
  const byCode = new Map<string, (typeof offers)[number]>();
  for (const o of offers) if (o.serviceCode && !byCode.has(o.serviceCode)) byCode.set(o.serviceCode, o);
  if (byCode.size === 0) return null;
  return (
    <Section title={t('fw.sec.services')} testId="section-services">
      <ul className="fw-offers">
        {[...byCode.entries()].map(([code, o]) => {
          const sv = draft.services[code] ?? { done: false, result: '' };
          return (
            <li key={code} className={`fw-offer${sv.done ? ' on' : ''}`}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={sv.done}
                  onChange={(e) => update((d) => void (d.services[code] = { ...sv, done: e.target.checked }))}
                  data-testid={`service-${code}`}
                />
                <span>
                  <strong>{label(CONCEPTS[o.concept].label)}</strong>
                  <span className="fw-status">{o.entry.label}</span>
                </span>
              </label>
              {sv.done && (
                <TextField
                  label={t('fw.serviceResult')}
                  name={`services.${code}`}
                  value={sv.result}
                  onValue={(v) => update((d) => void (d.services[code] = { ...sv, result: v }))}
                  error={err(`services.${code}`)}
                  maxLength={200}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

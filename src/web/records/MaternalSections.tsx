/** Pregnancy registration, the ANC contact, KF/KN visits and a delivery with its births. */
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../components/Field';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { newId } from './ids';
import { DueChip, Section, UnitField } from './ui';
import type { SectionProps } from './section-props';
import { ANC_SLOTS, KF_CODES, KN_CODES, type BirthDraft } from './visit-draft';

export function PregnancySection({ draft, update, err, on }: SectionProps) {
  const { t } = useI18n();
  const p = draft.pregnancy;
  const set = (k: 'lmp' | 'gaWeeks' | 'gravida' | 'parity', v: string) => update((d) => void (d.pregnancy[k] = v));
  return (
    <Section title={t('fw.sec.pregnancy')} testId="section-pregnancy">
      <label className="check">
        <input type="checkbox" name="pregnancy.register" checked={p.register} onChange={(e) => update((d) => void (d.pregnancy.register = e.target.checked))} />
        <span><strong>{t('fw.registerPregnancy')}</strong></span>
      </label>
      {p.register && (
        <div className="form-grid">
          <TextField label={t('fw.lmp')} name="pregnancy.lmp" type="date" max={on} value={p.lmp} onValue={(v) => set('lmp', v)} error={err('pregnancy.lmp')} hint={t('fw.lmpHint')} />
          <UnitField label={t('fw.gaWeeks')} name="pregnancy.gaWeeks" unit={t('fw.weeks')} integer value={p.gaWeeks} onValue={(v) => set('gaWeeks', v)} error={err('pregnancy.gaWeeks')} />
          <UnitField label={t('fw.gravida')} name="pregnancy.gravida" integer value={p.gravida} onValue={(v) => set('gravida', v)} error={err('pregnancy.gravida')} />
          <UnitField label={t('fw.parity')} name="pregnancy.parity" integer value={p.parity} onValue={(v) => set('parity', v)} error={err('pregnancy.parity')} />
        </div>
      )}
    </Section>
  );
}

export function AncSection({ draft, update, err, warn, offers }: SectionProps) {
  const { t } = useI18n();
  const a = draft.anc;
  const dueSlots = offers.filter((o) => o.ancSlot).map((o) => o.ancSlot!);
  const first = dueSlots[0];
  return (
    <Section
      title={t('fw.sec.anc')}
      testId="section-anc"
      due={offers.length ? offers.map((o) => <DueChip key={`${o.entry.key}-${o.concept}`} label={o.entry.label} status={o.entry.status} />) : undefined}
    >
      <label className="check">
        <input
          type="checkbox"
          name="anc.record"
          checked={!!a.slot}
          onChange={(e) => update((d) => void (d.anc.slot = e.target.checked ? (first ?? 'K1') : ''))}
          data-testid="anc-record"
        />
        <span><strong>{t('fw.ancContact')}</strong></span>
      </label>
      {a.slot && (
        <div className="form-grid">
          <SelectField
            label={t('fw.ancSlot')}
            name="anc.slot"
            required
            value={a.slot}
            onValue={(v) => update((d) => void (d.anc.slot = v as typeof a.slot))}
            options={ANC_SLOTS.map((s) => ({ value: s, label: dueSlots.includes(s) ? `${s} · ${t('fw.dueNow')}` : s }))}
            error={err('anc.slot')}
          />
          <RadioGroupField
            label={t('fw.provider')}
            name="anc.provider"
            required
            value={a.provider}
            onValue={(v) => update((d) => void (d.anc.provider = v as typeof a.provider))}
            options={[
              { value: 'midwife', label: t('fw.provider.midwife') },
              { value: 'doctor', label: t('fw.provider.doctor') },
              { value: 'nurse', label: t('fw.provider.nurse') },
            ]}
            error={err('anc.provider')}
            className="span-2"
          />
          <UnitField label={t('fw.tfu')} name="anc.tfu" unit="cm" value={a.tfu} onValue={(v) => update((d) => void (d.anc.tfu = v))} error={err('anc.tfu')} warnings={warn('anc.tfu')} />
          <UnitField label={t('fw.djj')} name="anc.djj" unit={t('fw.perMinute')} integer value={a.djj} onValue={(v) => update((d) => void (d.anc.djj = v))} error={err('anc.djj')} warnings={warn('anc.djj')} />
        </div>
      )}
    </Section>
  );
}

export function PostnatalSection({ draft, update, err, offers }: SectionProps) {
  const { t } = useI18n();
  const pn = draft.postnatal;
  const due = offers.filter((o) => o.postnatalCode).map((o) => o.postnatalCode!);
  const codes = [...new Set([...due, ...KF_CODES, ...KN_CODES])];
  return (
    <Section
      title={t('fw.sec.postnatal')}
      testId="section-postnatal"
      due={offers.length ? offers.map((o) => <DueChip key={o.entry.key} label={o.entry.label} status={o.entry.status} />) : undefined}
    >
      <div className="form-grid">
        <SelectField
          label={t('fw.postnatalVisit')}
          name="postnatal.code"
          filter
          value={pn.code}
          onValue={(v) => update((d) => void (d.postnatal.code = v))}
          placeholder={t('fw.none')}
          options={codes.map((c) => ({ value: c, label: due.includes(c) ? `${c} · ${t('fw.dueNow')}` : c }))}
          error={err('postnatal.code')}
        />
        {pn.code && (
          <TextAreaField
            label={t('fw.findings')}
            name="postnatal.findings"
            value={pn.findings}
            onValue={(v) => update((d) => void (d.postnatal.findings = v))}
            error={err('postnatal.findings')}
            rows={2}
            maxLength={500}
            className="span-2"
          />
        )}
      </div>
    </Section>
  );
}

export function DeliverySection({ draft, update, err }: SectionProps) {
  const { t } = useI18n();
  const dl = draft.delivery;
  const setBirth = (key: string, k: keyof BirthDraft, v: string) =>
    update((d) => {
      const b = d.delivery.births.find((x) => x.key === key);
      if (b) (b[k] as string) = v;
    });
  return (
    <Section title={t('fw.sec.delivery')} testId="section-delivery">
      <label className="check">
        <input type="checkbox" name="delivery.record" checked={dl.record} onChange={(e) => update((d) => void (d.delivery.record = e.target.checked))} />
        <span><strong>{t('fw.recordDelivery')}</strong></span>
      </label>
      {dl.record && (
        <>
          <div className="form-grid">
            <RadioGroupField
              label={t('fw.deliveryPlace')}
              name="delivery.place"
              required
              value={dl.place}
              onValue={(v) => update((d) => void (d.delivery.place = v as typeof dl.place))}
              options={(['facility', 'home', 'on-the-way'] as const).map((v) => ({ value: v, label: t(`fw.deliveryPlace.${v}`) }))}
              error={err('delivery.place')}
              className="span-2"
            />
            <RadioGroupField
              label={t('fw.attendant')}
              name="delivery.attendant"
              required
              value={dl.attendant}
              onValue={(v) => update((d) => void (d.delivery.attendant = v as typeof dl.attendant))}
              options={(['midwife', 'doctor', 'nurse', 'other'] as const).map((v) => ({ value: v, label: t(`fw.provider.${v}`) }))}
              error={err('delivery.attendant')}
              className="span-2"
            />
            <RadioGroupField
              label={t('fw.outcome')}
              name="delivery.outcome"
              required
              value={dl.outcome}
              onValue={(v) => update((d) => {
                d.delivery.outcome = v as typeof dl.outcome;
                if (v === 'live-birth' && d.delivery.births.length === 0) d.delivery.births.push({ key: newId(), sex: '', name: '', weightGrams: '', lengthCm: '' });
              })}
              options={(['live-birth', 'stillbirth', 'abortion'] as const).map((v) => ({ value: v, label: t(`fw.outcome.${v}`) }))}
              error={err('delivery.outcome')}
              className="span-2"
            />
          </div>
          {dl.outcome === 'live-birth' && (
            <div className="fw-births">
              {dl.births.map((b, i) => {
                const f = `delivery.births.${b.key}`;
                return (
                  <fieldset className="fieldset" key={b.key} data-testid="birth-row">
                    <legend>{t('fw.baby', { n: i + 1 })}</legend>
                    <div className="form-grid">
                      <RadioGroupField
                        label={t('person.sex')}
                        name={`${f}.sex`}
                        required
                        value={b.sex}
                        onValue={(v) => setBirth(b.key, 'sex', v)}
                        options={[
                          { value: 'F', label: t('person.female') },
                          { value: 'M', label: t('person.male') },
                        ]}
                        error={err(`${f}.sex`)}
                      />
                      <TextField label={t('fw.babyName')} name={`${f}.name`} value={b.name} onValue={(v) => setBirth(b.key, 'name', v)} error={err(`${f}.name`)} maxLength={100} hint={t('fw.babyNameHint')} />
                      <UnitField label={t('fw.birthWeight')} name={`${f}.weightGrams`} unit="g" integer value={b.weightGrams} onValue={(v) => setBirth(b.key, 'weightGrams', v)} error={err(`${f}.weightGrams`)} />
                      <UnitField label={t('fw.birthLength')} name={`${f}.lengthCm`} unit="cm" value={b.lengthCm} onValue={(v) => setBirth(b.key, 'lengthCm', v)} error={err(`${f}.lengthCm`)} />
                    </div>
                    {dl.births.length > 1 && (
                      <button type="button" className="btn btn-ghost btn-sm" onClick={() => update((d) => void (d.delivery.births = d.delivery.births.filter((x) => x.key !== b.key)))}>
                        <Icon name="trash" />
                        {t('common.remove')}
                      </button>
                    )}
                  </fieldset>
                );
              })}
              {err('delivery.births') && <p className="field-error">{err('delivery.births')}</p>}
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => update((d) => void d.delivery.births.push({ key: newId(), sex: '', name: '', weightGrams: '', lengthCm: '' }))}>
                <Icon name="plus" />
                {t('fw.addBaby')}
              </button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

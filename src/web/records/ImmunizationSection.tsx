/**
 * Immunization: the doses the person is due for come first, one tap each,
 * with the batch number; any other antigen and dose can be added.
 */
import { SelectField, TextField } from '../components/Field';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { ANTIGENS, CONCEPTS } from '../../core/codes/concepts';
import { newId } from './ids';
import { Section, UnitField } from './ui';
import type { SectionProps } from './section-props';
import type { VaccineRow } from './visit-draft';

const dueKey = (antigen: string, dose: number | undefined) => `due-${antigen}-${dose ?? 0}`;

export function ImmunizationSection({ draft, update, err, warn, offers }: SectionProps) {
  const { t, label, date } = useI18n();
  const rows = draft.vaccines;
  const dueKeys = new Set(offers.map((o) => dueKey(o.antigen!, o.dose)));
  const extra = rows.filter((r) => !dueKeys.has(r.key));

  const toggle = (antigen: string, dose: number | undefined, on: boolean) =>
    update((d) => {
      const key = dueKey(antigen, dose);
      d.vaccines = d.vaccines.filter((r) => r.key !== key);
      if (on) d.vaccines.push({ key, antigen, dose: dose ? String(dose) : '', batch: '' });
    });
  const setRow = (key: string, k: keyof VaccineRow, v: string) =>
    update((d) => {
      const r = d.vaccines.find((x) => x.key === key);
      if (r) r[k] = v;
    });

  return (
    <Section title={t('fw.sec.immunization')} testId="section-immunization">
      {offers.length > 0 && (
        <ul className="fw-offers" aria-label={t('fw.dueDoses')}>
          {offers.map((o) => {
            const key = dueKey(o.antigen!, o.dose);
            const row = rows.find((r) => r.key === key);
            return (
              <li key={o.entry.key} className={`fw-offer${row ? ' on' : ''}`}>
                <label className="check">
                  <input type="checkbox" checked={!!row} onChange={(e) => toggle(o.antigen!, o.dose, e.target.checked)} data-testid={`give-${o.antigen}-${o.dose ?? 0}`} />
                  <span>
                    <strong>{o.entry.label}</strong>
                    <span className={`fw-status fw-status-${o.entry.status}`}>
                      {o.entry.status === 'overdue' ? t('fw.overdueSince', { date: date(o.entry.window.due) }) : t('fw.dueUntil', { date: date(o.entry.window.due) })}
                    </span>
                  </span>
                </label>
                {row && (
                  <div className="form-grid">
                    <TextField
                      label={t('fw.batch')}
                      name={`vaccines.${key}.batch`}
                      value={row.batch}
                      onValue={(v) => setRow(key, 'batch', v)}
                      error={err(`vaccines.${key}.batch`)}
                      maxLength={40}
                      autoComplete="off"
                    />
                    {(err(`vaccines.${key}.dose`) || err(`vaccines.${key}.antigen`)) && (
                      <p className="field-error">{err(`vaccines.${key}.dose`) ?? err(`vaccines.${key}.antigen`)}</p>
                    )}
                    {warn(`vaccines.${key}.antigen`).map((w, i) => (
                      <p className="field-warning" key={i}>{w}</p>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {extra.map((r) => (
        <div className="fw-row" key={r.key} data-testid="vaccine-row">
          <div className="form-grid">
            <SelectField
              label={t('fw.antigen')}
              name={`vaccines.${r.key}.antigen`}
              required
              value={r.antigen}
              onValue={(v) => setRow(r.key, 'antigen', v)}
              placeholder={t('common.choose')}
              options={ANTIGENS.map((a) => ({ value: a, label: label(CONCEPTS[a].label) }))}
              error={err(`vaccines.${r.key}.antigen`)}
            />
            <UnitField label={t('fw.dose')} name={`vaccines.${r.key}.dose`} integer required value={r.dose} onValue={(v) => setRow(r.key, 'dose', v)} error={err(`vaccines.${r.key}.dose`)} warnings={warn(`vaccines.${r.key}.antigen`)} />
            <TextField label={t('fw.batch')} name={`vaccines.${r.key}.batch`} value={r.batch} onValue={(v) => setRow(r.key, 'batch', v)} error={err(`vaccines.${r.key}.batch`)} maxLength={40} autoComplete="off" />
          </div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => update((d) => void (d.vaccines = d.vaccines.filter((x) => x.key !== r.key)))}>
            <Icon name="trash" />
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => update((d) => void d.vaccines.push({ key: newId(), antigen: '', dose: '', batch: '' }))} data-testid="add-vaccine">
        <Icon name="plus" />
        {t('fw.addVaccine')}
      </button>
    </Section>
  );
}

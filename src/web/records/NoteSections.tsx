/** Diagnoses (ICD-10 code and words) and a free note. */
import { TextAreaField, TextField } from '../components/Field';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { newId } from './ids';
import { Section } from './ui';
import type { SectionProps } from './section-props';

export function DiagnosisSection({ draft, update, err, warn }: SectionProps) {
  const { t } = useI18n();
  const set = (key: string, k: 'code' | 'note', v: string) =>
    update((d) => {
      const r = d.diagnoses.find((x) => x.key === key);
      if (r) r[k] = v;
    });
  return (
    <Section title={t('fw.sec.diagnosis')} testId="section-diagnosis">
      {draft.diagnoses.map((r) => (
        <div className="fw-row" key={r.key}>
          <div className="form-grid">
            <TextField
              label={t('fw.icd10')}
              name={`diagnoses.${r.key}.code`}
              required
              mono
              value={r.code}
              onValue={(v) => set(r.key, 'code', v)}
              error={err(`diagnoses.${r.key}.code`)}
              warnings={warn(`diagnoses.${r.key}.code`)}
              hint={t('fw.icd10Hint')}
              maxLength={8}
              autoCapitalize="characters"
              autoComplete="off"
            />
            <TextField label={t('fw.diagnosisText')} name={`diagnoses.${r.key}.note`} value={r.note} onValue={(v) => set(r.key, 'note', v)} error={err(`diagnoses.${r.key}.note`)} maxLength={200} />
          </div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => update((d) => void (d.diagnoses = d.diagnoses.filter((x) => x.key !== r.key)))}>
            <Icon name="trash" />
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => update((d) => void d.diagnoses.push({ key: newId(), code: '', note: '' }))} data-testid="add-diagnosis">
        <Icon name="plus" />
        {t('fw.addDiagnosis')}
      </button>
    </Section>
  );
}

export function NoteSection({ draft, update, err, title }: Pick<import('./section-props').SectionProps, 'draft' | 'update' | 'err'> & { title?: string }) {
  const { t } = useI18n();
  return (
    <Section title={title ?? t('fw.sec.note')} testId="section-note">
      <TextAreaField
        label={t('fw.noteText')}
        name="note"
        value={draft.note}
        onValue={(v) => update((d) => void (d.note = v))}
        error={err('note')}
        rows={3}
        maxLength={2000}
      />
    </Section>
  );
}

import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { createArea } from '../api/areas';
import { ApiError } from '../api/client';
import { SelectField, TextField } from './Field';
import { Alert, useErrorText } from './ui';
import { canContain, levelOf, subVillageCode, SUB_VILLAGE_LEVELS, type SubVillageLevel } from '../../core/areas/codes';
import { LEVEL_KEY } from '../lib/format';

/** Adds a dusun, RW or RT under a desa/kelurahan (or an RT under an RW). */
export function SubAreaForm({ parentCode, existing, onCreated, onCancel }: {
  parentCode: string;
  existing: string[];
  onCreated: (code: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const parentLevel = levelOf(parentCode);
  const allowed = SUB_VILLAGE_LEVELS.filter((l) => parentLevel && canContain(parentLevel, l));
  const [level, setLevel] = useState<SubVillageLevel | ''>(allowed.includes('rw') ? 'rw' : (allowed[0] ?? ''));
  const [num, setNum] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (allowed.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const n = Number(num);
    if (!level) errs.level = t('validation.required');
    if (!num.trim()) errs.number = t('validation.required');
    else if (!Number.isInteger(n) || n < 1 || n > (level === 'dusun' ? 99 : 999)) errs.number = t('area.numberRange', { max: level === 'dusun' ? 99 : 999 });
    else if (level) {
      const code = subVillageCode(parentCode, level, n);
      if (existing.includes(code)) errs.number = t('area.numberTaken');
    }
    setErrors(errs);
    setFormError(null);
    if (Object.keys(errs).length || !level) return;
    setBusy(true);
    try {
      await createArea({ parentCode, level, number: n, name: name.trim() || null });
      onCreated(subVillageCode(parentCode, level, n));
      setNum('');
      setName('');
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="subarea-form">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="form-grid">
        <SelectField
          label={t('area.level')}
          name="level"
          required
          value={level}
          onValue={(v) => setLevel(v as SubVillageLevel)}
          options={allowed.map((l) => ({ value: l, label: t(LEVEL_KEY[l]) }))}
          error={errors.level}
        />
        <TextField
          label={t('area.number')}
          name="number"
          required
          inputMode="numeric"
          value={num}
          onValue={(v) => setNum(v.replace(/\D/g, ''))}
          error={errors.number}
          hint={level && num && Number(num) > 0 ? t('area.codePreview', { code: safeCode(parentCode, level, Number(num)) }) : undefined}
        />
        <TextField
          label={t('area.name')}
          name="name"
          className="span-2"
          value={name}
          onValue={setName}
          error={errors.name}
          hint={t('area.nameHint')}
          maxLength={100}
        />
      </div>
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('common.saving') : t('area.add')}
        </button>
      </div>
    </form>
  );
}

function safeCode(parent: string, level: SubVillageLevel, n: number): string {
  try {
    return subVillageCode(parent, level, n);
  } catch {
    return '–';
  }
}

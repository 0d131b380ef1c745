import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { ApiError } from '../../api/client';
import { getProtocol, saveSettings, type ProtocolResponse, type SettingDescription } from '../../api/protocol';
import type { Me } from '../../api/types';
import { Alert, Badge, Card, useErrorText } from '../../components/ui';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { isWithin } from '../../../core/areas/codes';
import { canonicalJson } from '../../../core/protocol/settings-validate';
import { SourceList, UnconfirmedMark } from './SourceList';
import {
  buildStored, differsFromDefault, initialForm, kindOf, overrideFields, overrideRowOfField, overridableItems, settingOfField, toFormValue,
  type FormValue, type OverrideRow, type SettingsForm,
} from './settings-form';

/** Dinkes and admin change the settings of a kabupaten/kota in their scope (the server checks the same). */
export function canEditSettings(me: Me, kab: string): boolean {
  return (me.role === 'dinkes' || me.role === 'admin') && me.scope.some((s) => isWithin(kab, s.code));
}

const GROUPS = ['immunization', 'tetanus', 'wus', 'pregnancy', 'growth', 'school', 'adult', 'tb', 'windowOverrides'] as const;

/**
 * The district settings: every setting with its default, note and sources,
 * marked where the district differs from the national default. Dinkes/admin
 * edit booleans, numbers, lists and window changes; the server validates and
 * its messages land on the setting they are about.
 */
export function SettingsEditor({ data, kab, canEdit, onSaved }: { data: ProtocolResponse; kab: string | null; canEdit: boolean; onSaved: (d: ProtocolResponse) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [form, setForm] = useState<SettingsForm>(() => initialForm(data.settings));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [rowErrors, setRowErrors] = useState<Record<number, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const paths = useMemo(() => data.settings.map((s) => s.path), [data]);
  const saved = useMemo(() => canonicalJson(buildStored(data.settings, initialForm(data.settings))), [data]);
  const dirty = canonicalJson(buildStored(data.settings, form)) !== saved;

  const set = (path: string, v: FormValue) => {
    setForm((f) => ({ ...f, [path]: v }));
    setErrors((e) => {
      if (!e[path]) return e;
      const { [path]: _gone, ...rest } = e;
      return rest;
    });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!kab) return;
    setBusy(true);
    setFormError(null);
    setErrors({});
    setRowErrors({});
    try {
      await saveSettings(kab, buildStored(data.settings, form));
      const fresh = await getProtocol(kab);
      onSaved(fresh);
      setForm(initialForm(fresh.settings));
      toast(t('proto.settingsSaved'));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        const byPath: Record<string, string[]> = {};
        const byRow: Record<number, string[]> = {};
        const loose: string[] = [];
        const rows = (form.windowOverrides as OverrideRow[] | undefined) ?? [];
        for (const [field, msg] of Object.entries(err.fields)) {
          const row = overrideRowOfField(field, rows);
          const path = settingOfField(field, paths);
          if (row >= 0) (byRow[row] ??= []).push(msg);
          else if (path) (byPath[path] ??= []).push(msg);
          else loose.push(`${field}: ${msg}`);
        }
        setErrors(byPath);
        setRowErrors(byRow);
        setFormError([err.message, ...loose].join(' '));
      } else setFormError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const body = GROUPS.map((g) => {
    const settings = data.settings.filter((s) => s.path === g || s.path.startsWith(`${g}.`));
    if (!settings.length) return null;
    return (
      <Card key={g} title={t(`proto.group.${g}`)} className="settings-group">
        <div className="settings-list">
          {settings.map((s) => (
            <SettingRow
              key={s.path}
              setting={s}
              value={form[s.path]}
              canEdit={canEdit}
              errors={errors[s.path]}
              rowErrors={s.path === 'windowOverrides' ? rowErrors : undefined}
              onValue={(v) => set(s.path, v)}
              data={data}
            />
          ))}
        </div>
      </Card>
    );
  });

  if (!canEdit) {
    return (
      <div className="section" data-testid="settings-readonly">
        <Alert tone="info">{kab ? t('proto.settingsReadOnly') : t('proto.pickKabFirst')}</Alert>
        {body}
      </div>
    );
  }

  return (
    <form className="section" onSubmit={submit} noValidate data-testid="settings-form">
      <Alert tone="info">{t('proto.settingsIntro')}</Alert>
      {formError && (
        <Alert tone="error" title={t('proto.settingsNotSaved')}>
          {formError}
        </Alert>
      )}
      {body}
      <div className={`settings-actions${dirty ? ' is-dirty' : ''}`}>
        <span className="small muted">{dirty ? t('proto.unsaved') : t('proto.noChanges')}</span>
        <div className="actions">
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!dirty || busy}
            onClick={() => {
              setForm(initialForm(data.settings));
              setErrors({});
              setRowErrors({});
              setFormError(null);
            }}
          >
            {t('proto.discard')}
          </button>
          <button type="submit" className="btn" disabled={!dirty || busy} data-testid="settings-save">
            {busy ? t('common.saving') : t('proto.saveSettings')}
          </button>
        </div>
      </div>
    </form>
  );
}

function SettingRow({ setting: s, value, canEdit, errors, rowErrors, onValue, data }: {
  setting: SettingDescription;
  value: FormValue | undefined;
  canEdit: boolean;
  errors?: string[];
  rowErrors?: Record<number, string[]>;
  onValue: (v: FormValue) => void;
  data: ProtocolResponse;
}) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const kind = kindOf(s);
  const differs = canEdit ? differsFromDefault(s, value) : s.changed;
  const defaultText = formatValue(s, s.default, i18n, data);
  const hint: ReactNode = (
    <>
      <span className="setting-default">
        {t('proto.nationalDefault')}: <b>{defaultText}</b>
      </span>
      <span className="setting-note">{label(s.note)}</span>
      <SourceList sources={s.sources} />
    </>
  );
  const head = (
    <>
      {label(s.label)}
      {s.unconfirmed && <UnconfirmedMark />}
      {differs && (
        <>
          {' '}
          <Badge tone="info">{t('proto.differs')}</Badge>
        </>
      )}
    </>
  );
  const error = errors?.join(' ') ?? null;

  return (
    <div className={`setting${differs ? ' setting-changed' : ''}`} data-testid={`setting-${s.path}`} data-changed={differs || undefined}>
      <Field label={head} name={s.path} hint={hint} error={error} filter group={kind !== 'number' && kind !== 'numberList'}>
        {({ id, describedBy, invalid }) =>
          !canEdit ? (
            <div className="setting-value">{formatValue(s, s.value, i18n, data)}</div>
          ) : (
            <Control
              kind={kind}
              id={id}
              describedBy={describedBy}
              invalid={invalid}
              value={value ?? toFormValue(kind, s.value)}
              onValue={onValue}
              data={data}
              setting={s}
              rowErrors={rowErrors}
            />
          )
        }
      </Field>
      {canEdit && differs && (
        <button type="button" className="linkbtn small" onClick={() => onValue(toFormValue(kind, s.default))}>
          {t('proto.resetDefault')}
        </button>
      )}
    </div>
  );
}

function Control({ kind, id, describedBy, invalid, value, onValue, data, setting, rowErrors }: {
  kind: ReturnType<typeof kindOf>;
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  value: FormValue;
  onValue: (v: FormValue) => void;
  data: ProtocolResponse;
  setting: SettingDescription;
  rowErrors?: Record<number, string[]>;
}) {
  const { t, label } = useI18n();
  const itemLabel = useMemo(() => new Map(data.items.map((i) => [i.id, i])), [data]);
  switch (kind) {
    case 'boolean':
      return (
        <label className="check">
          <input id={id} type="checkbox" name={setting.path} aria-describedby={describedBy} checked={value === true} onChange={(e) => onValue(e.target.checked)} />
          <span>{t('common.yes')}</span>
        </label>
      );
    case 'number':
      return (
        <input
          id={id}
          name={setting.path}
          className="input setting-number"
          inputMode="numeric"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          value={value as string}
          onChange={(e) => onValue(e.target.value)}
        />
      );
    case 'numberList':
      return (
        <input
          id={id}
          name={setting.path}
          className="input"
          inputMode="numeric"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          value={value as string}
          onChange={(e) => onValue(e.target.value)}
          placeholder="3, 6, 9"
        />
      );
    case 'numberMap': {
      const m = value as Record<string, string>;
      return (
        <div className="setting-map" role="group" aria-describedby={describedBy}>
          {Object.keys(setting.default as Record<string, unknown>).map((k) => (
            <label key={k} className="setting-map-cell">
              <span>{k}</span>
              <input
                className="input"
                inputMode="numeric"
                name={`${setting.path}.${k}`}
                aria-invalid={invalid || undefined}
                value={m[k] ?? ''}
                onChange={(e) => onValue({ ...m, [k]: e.target.value })}
              />
            </label>
          ))}
        </div>
      );
    }
    case 'itemList': {
      const chosen = new Set(value as string[]);
      // IDL and baduta count the child series (birth to two years).
      const imm = data.items.filter((i) => i.id.startsWith('imm.') && CHILD_STAGES.has(i.stage));
      const options = [...imm.map((i) => i.id), ...[...chosen].filter((c) => !imm.some((i) => i.id === c))];
      return (
        <div className="setting-checks" role="group" aria-describedby={describedBy}>
          {options.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                name={`${setting.path}.${o}`}
                checked={chosen.has(o)}
                onChange={(e) => onValue(e.target.checked ? [...options.filter((x) => x === o || chosen.has(x))] : [...chosen].filter((x) => x !== o))}
              />
              <span>{itemLabel.get(o) ? label(itemLabel.get(o)!.label) : o}</span>
            </label>
          ))}
        </div>
      );
    }
    case 'overrides':
      return <OverridesControl rows={value as OverrideRow[]} onValue={onValue} data={data} describedBy={describedBy} rowErrors={rowErrors ?? {}} />;
  }
}

const OVERRIDABLE = overridableItems();
const CHILD_STAGES = new Set<string>(['neonatus', 'bayi', 'baduta']);
const BOUND_KEY: Record<string, MessageKey> = {
  'earliest.months': 'proto.bound.earliest_months',
  'earliest.days': 'proto.bound.earliest_days',
  'due.months': 'proto.bound.due_months',
  'due.days': 'proto.bound.due_days',
  'latest.months': 'proto.bound.latest_months',
  'latest.days': 'proto.bound.latest_days',
  fromDay: 'proto.bound.fromDay',
  dueDay: 'proto.bound.dueDay',
  toDay: 'proto.bound.toDay',
};

function OverridesControl({ rows, onValue, data, describedBy, rowErrors }: {
  rows: OverrideRow[];
  onValue: (v: FormValue) => void;
  data: ProtocolResponse;
  describedBy: string | undefined;
  rowErrors: Record<number, string[]>;
}) {
  const { t, label } = useI18n();
  const described = useMemo(() => new Map(data.items.map((i) => [i.id, i])), [data]);
  const update = (i: number, row: OverrideRow) => onValue(rows.map((r, j) => (j === i ? row : r)));
  return (
    <div className="overrides" aria-describedby={describedBy}>
      {rows.length === 0 && <p className="small muted">{t('proto.noOverrides')}</p>}
      {rows.map((r, i) => {
        const fields = overrideFields(r.item);
        const d = described.get(r.item);
        return (
          <div key={i} className="override-row" data-testid={`override-${i}`}>
            <div className="override-head">
              <select
                className="select"
                aria-label={t('proto.overrideItem')}
                value={r.item}
                onChange={(e) => update(i, { item: e.target.value, values: {} })}
                name={`windowOverrides.${i}.item`}
              >
                <option value="">{t('common.choose')}</option>
                {OVERRIDABLE.map((it) => (
                  <option key={it.id} value={it.id}>
                    {label(described.get(it.id)?.label ?? it.label)}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => onValue(rows.filter((_, j) => j !== i))} aria-label={t('common.remove')}>
                <Icon name="trash" />
              </button>
            </div>
            {d && <p className="small muted">{t('proto.currentWindow')}: {label(d.window)}</p>}
            <div className="override-fields">
              {fields.map((f) => (
                <label key={f} className="setting-map-cell">
                  <span>{t(BOUND_KEY[f] ?? 'proto.bound.fromDay')}</span>
                  <input
                    className="input"
                    inputMode="numeric"
                    name={`windowOverrides.${r.item}.${f}`}
                    value={r.values[f] ?? ''}
                    onChange={(e) => update(i, { ...r, values: { ...r.values, [f]: e.target.value } })}
                  />
                </label>
              ))}
            </div>
            {rowErrors[i]?.map((m, k) => (
              <p key={k} className="field-error">
                <Icon name="alertCircle" />
                <span>{m}</span>
              </p>
            ))}
          </div>
        );
      })}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => onValue([...rows, { item: '', values: {} }])} data-testid="add-override">
        <Icon name="plus" />
        {t('proto.addOverride')}
      </button>
    </div>
  );
}

/** A setting's value in words (read-only view and the "national default" line). */
function formatValue(s: SettingDescription, v: unknown, i18n: ReturnType<typeof useI18n>, data: ProtocolResponse): string {
  const { t, label } = i18n;
  const kind = kindOf(s);
  const itemName = (id: string) => {
    const it = data.items.find((i) => i.id === id);
    return it ? label(it.label) : id;
  };
  switch (kind) {
    case 'boolean':
      return v === true ? t('common.yes') : t('common.no');
    case 'number':
      return String(v);
    case 'numberList':
      return (v as number[]).join(', ');
    case 'itemList':
      return (v as string[]).map(itemName).join(', ');
    case 'numberMap':
      return Object.entries(v as Record<string, number>)
        .map(([k, n]) => `${k} ${n}`)
        .join(' · ');
    case 'overrides': {
      const n = Object.keys((v as object) ?? {}).length;
      return n ? t('proto.overrideCount', { n }) : t('proto.none');
    }
  }
}

/**
 * The district settings editor's form model: each setting of the protocol
 * description becomes a form value of its kind, and the form becomes the
 * object the server stores (only what differs from the national defaults).
 * Validation is the server's (core/protocol/settings-validate): values the
 * user typed are sent as typed, so a wrong one comes back as a message on its
 * own field.
 */
import { canonicalJson } from '../../../core/protocol/settings-validate';
import { catalogue, overridableKind } from '../../../core/protocol/catalogue';
import type { Offset, ProtocolItem } from '../../../core/protocol/types';
import type { SettingDescription } from '../../api/protocol';

export type SettingKind = 'boolean' | 'number' | 'numberList' | 'itemList' | 'numberMap' | 'overrides';

/** The bounds of a window override, by the item's timing kind. */
export const OFFSET_BOUNDS = ['earliest', 'due', 'latest'] as const;
export const DAY_BOUNDS = { gestation: ['fromDay', 'dueDay', 'toDay'], postpartum: ['fromDay', 'toDay'] } as const;

/** One override row: the item and its fields as typed ("earliest.months", "fromDay", …). */
export interface OverrideRow {
  item: string;
  values: Record<string, string>;
}

export type FormValue = boolean | string | string[] | Record<string, string> | OverrideRow[];
export type SettingsForm = Record<string, FormValue>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function kindOf(s: Pick<SettingDescription, 'path' | 'default'>): SettingKind {
  const d = s.default;
  if (s.path === 'windowOverrides') return 'overrides';
  if (typeof d === 'boolean') return 'boolean';
  if (typeof d === 'number') return 'number';
  if (Array.isArray(d)) return typeof d[0] === 'number' ? 'numberList' : 'itemList';
  if (isRecord(d)) return 'numberMap';
  throw new Error(`setting ${s.path}: unknown kind`);
}

/** Items whose window a district may change, in catalogue order. */
export function overridableItems(): ProtocolItem[] {
  return catalogue().filter((i) => overridableKind(i.timing));
}

/** The field names of an item's override ("earliest.months", …, or "fromDay", …). */
export function overrideFields(itemId: string): string[] {
  const item = catalogue().find((i) => i.id === itemId);
  if (!item) return [];
  const k = item.timing.kind;
  if (k === 'gestation' || k === 'postpartum') return [...DAY_BOUNDS[k]];
  return OFFSET_BOUNDS.flatMap((b) => [`${b}.months`, `${b}.days`]);
}

/** An offset in months and days (years are 12 months, weeks 7 days: the same calendar arithmetic). */
function offsetToForm(o: Offset): { months: string; days: string } {
  const months = (o.years ?? 0) * 12 + (o.months ?? 0);
  const days = (o.weeks ?? 0) * 7 + (o.days ?? 0);
  return { months: months || !days ? String(months) : '', days: days ? String(days) : '' };
}

export function toFormValue(kind: SettingKind, value: unknown): FormValue {
  switch (kind) {
    case 'boolean':
      return value === true;
    case 'number':
      return value === undefined || value === null ? '' : String(value);
    case 'numberList':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'itemList':
      return Array.isArray(value) ? value.map(String) : [];
    case 'numberMap':
      return isRecord(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : {};
    case 'overrides': {
      if (!isRecord(value)) return [];
      return Object.entries(value).map(([item, o]) => {
        const values: Record<string, string> = {};
        if (isRecord(o)) {
          for (const [k, v] of Object.entries(o)) {
            if (isRecord(v)) {
              const f = offsetToForm(v as Offset);
              if (f.months !== '') values[`${k}.months`] = f.months;
              if (f.days !== '') values[`${k}.days`] = f.days;
            } else values[k] = String(v);
          }
        }
        return { item, values };
      });
    }
  }
}

/** A typed number as the server should see it: a number when it reads as one, else the text (the server says what is wrong). */
export function typedNumber(s: string): number | string | null {
  const v = s.trim();
  if (v === '') return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
}

export function fromFormValue(kind: SettingKind, fv: FormValue): unknown {
  switch (kind) {
    case 'boolean':
      return fv === true;
    case 'number':
      return typedNumber(String(fv));
    case 'numberList':
      return String(fv)
        .split(/[,;\s]+/)
        .filter((x) => x !== '')
        .map((x) => typedNumber(x));
    case 'itemList':
      return [...(fv as string[])];
    case 'numberMap':
      return Object.fromEntries(Object.entries(fv as Record<string, string>).map(([k, v]) => [k, typedNumber(v)]));
    case 'overrides': {
      const out: Record<string, Record<string, unknown>> = {};
      for (const row of fv as OverrideRow[]) {
        if (!row.item) continue;
        const o: Record<string, unknown> = {};
        for (const [k, raw] of Object.entries(row.values)) {
          if (raw.trim() === '') continue;
          const [bound, unit] = k.split('.');
          if (unit) o[bound!] = { ...(o[bound!] as Record<string, unknown> | undefined), [unit]: typedNumber(raw) };
          else o[k] = typedNumber(raw);
        }
        out[row.item] = o;
      }
      return out;
    }
  }
}

export function initialForm(settings: SettingDescription[]): SettingsForm {
  return Object.fromEntries(settings.map((s) => [s.path, toFormValue(kindOf(s), s.value)]));
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (!isRecord(o[k])) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}

/** The object to store: every setting whose form value differs from its national default, nested by path. */
export function buildStored(settings: SettingDescription[], form: SettingsForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of settings) {
    const kind = kindOf(s);
    const fv = form[s.path];
    if (fv === undefined) continue;
    const v = fromFormValue(kind, fv);
    if (kind === 'overrides') {
      if (Object.keys(v as object).length) setPath(out, s.path, v);
    } else if (kind === 'numberMap') {
      // Only the keys that changed: the rest keep following the national default.
      const def = s.default as Record<string, unknown>;
      const changed = Object.entries(v as Record<string, unknown>).filter(([k, x]) => canonicalJson(x) !== canonicalJson(def[k]));
      if (changed.length) setPath(out, s.path, Object.fromEntries(changed));
    } else if (canonicalJson(v) !== canonicalJson(s.default)) setPath(out, s.path, v);
  }
  return out;
}

/** Whether a form value differs from the national default (the "changed" mark while editing). */
export function differsFromDefault(s: SettingDescription, fv: FormValue | undefined): boolean {
  if (fv === undefined) return false;
  const kind = kindOf(s);
  const v = fromFormValue(kind, fv);
  if (kind === 'overrides') return Object.keys(v as object).length > 0;
  return canonicalJson(v) !== canonicalJson(s.default);
}

/**
 * The setting a server error belongs to: the longest setting path equal to
 * the error's field or a prefix of it ("growth.kpspAgesMonths.2" →
 * "growth.kpspAgesMonths"; "windowOverrides.imm.bcg.earliest.months" →
 * "windowOverrides"). Item-id fields (a window-order error names the item's
 * setting or the item) fall back to null.
 */
export function settingOfField(field: string, paths: readonly string[]): string | null {
  let best: string | null = null;
  for (const p of paths) {
    if ((field === p || field.startsWith(`${p}.`)) && (!best || p.length > best.length)) best = p;
  }
  return best;
}

/** The override row a "windowOverrides.<item>[.<field>]" error belongs to (item ids contain dots). */
export function overrideRowOfField(field: string, rows: readonly OverrideRow[]): number {
  const rest = field.startsWith('windowOverrides.') ? field.slice('windowOverrides.'.length) : '';
  let best = -1;
  rows.forEach((r, i) => {
    if (r.item && (rest === r.item || rest.startsWith(`${r.item}.`)) && (best < 0 || r.item.length > rows[best]!.item.length)) best = i;
  });
  return best;
}

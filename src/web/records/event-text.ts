/**
 * A recorded event in a few words for the "saved" card: "8,5 kg",
 * "120/80 mmHg", "dosis 2 · batch 2231A", "skor 6 · Abnormal".
 */
import { DELIVERY_ATTENDANTS, DELIVERY_OUTCOMES, DELIVERY_PLACES } from '../../core/records/validate';
import type { MessageKey, Params } from '../i18n';
import type { RecordedEvent } from '../api/visits';

type T = (key: MessageKey, params?: Params) => string;
type Num = (n: number | null | undefined) => string;
type Label = (l: { id: string; en: string } | undefined | null) => string;

/** UCUM units as people write them; counts need no unit after the number. */
const UNIT_TEXT: Record<string, string> = { 'mm[Hg]': 'mmHg', '{tablet}': '', '{count}': '', '{grade}': '' };

const isText = (v: unknown): v is { id: string; en: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { en?: unknown }).en === 'string';

export function eventValueText(e: Pick<RecordedEvent, 'kind' | 'valueNum' | 'value' | 'unit'>, t: T, num: Num, label: Label): string {
  const v = e.value ?? {};
  const unit = !e.unit ? '' : e.unit === '/min' ? t('fw.perMinute') : (UNIT_TEXT[e.unit] ?? e.unit);
  const parts: string[] = [];
  if (e.kind === 'delivery') return deliveryText(v, t, num);
  if (typeof v.systolic === 'number' && typeof v.diastolic === 'number') parts.push(`${num(v.systolic)}/${num(v.diastolic)} mmHg`);
  else if (e.kind === 'screening') {
    const r = v.result as { score?: number; label?: unknown } | undefined;
    if (r && typeof r.score === 'number') parts.push(t('fw.score', { score: num(r.score) }));
    if (r && isText(r.label)) parts.push(label(r.label));
    if (!r && e.valueNum !== null) parts.push(num(e.valueNum));
  } else if (e.valueNum !== null && e.valueNum !== undefined) parts.push(`${num(e.valueNum)}${unit ? ` ${unit}` : ''}`.trim());
  if (typeof v.dose === 'number') parts.push(t('fw.doseN', { n: v.dose }));
  if (typeof v.batch === 'string') parts.push(`batch ${v.batch}`);
  if (typeof v.variant === 'string') parts.push(v.variant);
  if (typeof v.result === 'string') parts.push(v.result);
  if (typeof v.findings === 'string') parts.push(v.findings);
  if (typeof v.note === 'string') parts.push(v.note);
  if (typeof v.text === 'string') parts.push(v.text);
  if (typeof v.lmp === 'string') parts.push(`HPHT ${v.lmp}`);
  return parts.join(' · ');
}


/** "Lahir hidup · Fasilitas kesehatan · Bidan · Bayi 1: Laki-laki, 3.100 g, 49 cm". */
function deliveryText(v: Record<string, unknown>, t: T, num: Num): string {
  const parts: string[] = [];
  const known = (x: unknown, values: readonly string[]): x is string => typeof x === 'string' && values.includes(x);
  if (known(v.outcome, DELIVERY_OUTCOMES)) parts.push(t(`fw.outcome.${v.outcome}` as MessageKey));
  if (known(v.place, DELIVERY_PLACES)) parts.push(t(`fw.deliveryPlace.${v.place}` as MessageKey));
  if (known(v.attendant, DELIVERY_ATTENDANTS)) parts.push(t(`fw.provider.${v.attendant}` as MessageKey));
  const births = Array.isArray(v.births) ? (v.births as Array<Record<string, unknown>>) : [];
  births.forEach((b, i) => {
    const about = [
      b.sex === 'F' ? t('person.female') : b.sex === 'M' ? t('person.male') : null,
      typeof b.birthWeightGrams === 'number' ? `${num(b.birthWeightGrams)} g` : null,
      typeof b.birthLengthCm === 'number' ? `${num(b.birthLengthCm)} cm` : null,
    ].filter((x): x is string => x !== null);
    parts.push(`${t('fw.baby', { n: i + 1 })}${about.length ? `: ${about.join(', ')}` : ''}`);
  });
  return parts.join(' · ');
}

/**
 * Inline validation for the registry forms, with the same rules and the same
 * words as the server: NIK/KK checks and messages come from src/core. What the
 * browser cannot know (a duplicate NIK, a possible duplicate person) comes
 * back from the server and is shown on the same fields.
 */
import { checkKk, checkNik, cleanIdNumber, type IdCheckContext, type Sex } from '../../core/people/nik';
import { message, type Locale } from '../../core/i18n/messages';
import type { Issue } from '../../core/i18n/issues';
import { isIsoDate, todayIn } from '../../core/time/dates';
import regenciesCsv from 'idn-area-data/data/regencies.csv?raw';
import { cleanPhone, isPhone } from '../../core/people/contact';

export { cleanPhone, isPhone };

/** All 514 kabupaten/kota codes (from the same package the server loads). */
const KNOWN_KABS: ReadonlySet<string> = new Set(
  regenciesCsv
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0]?.trim() ?? '')
    .filter((c) => /^\d{2}\.\d{2}$/.test(c)),
);

export const idContext: IdCheckContext = {
  knownKab: (kab) => KNOWN_KABS.size === 0 || KNOWN_KABS.has(kab),
};

export interface FieldFinding {
  code: string;
  message: string;
}

export interface Findings {
  errors: Record<string, FieldFinding>;
  warnings: Record<string, FieldFinding[]>;
}

export function emptyFindings(): Findings {
  return { errors: {}, warnings: {} };
}

function put(f: Findings, issue: Issue, locale: Locale, kind: 'error' | 'warning'): void {
  const field = issue.field ?? '_';
  const finding = { code: issue.code, message: message(issue, locale) };
  if (kind === 'error') {
    if (!f.errors[field]) f.errors[field] = finding;
  } else {
    (f.warnings[field] ??= []).push(finding);
  }
}


export interface PersonDraft {
  nik: string;
  name: string;
  sex: Sex | '';
  birthDate: string;
  birthPlace: string;
  phone: string;
  jknNumber: string;
}

const MAX_NAME = 100;
const MIN_NAME = 2;
const MAX_PLACE = 80;
/** The server's earliest accepted birth date. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

export function validatePerson(d: PersonDraft, locale: Locale, today: string = todayIn()): Findings {
  const f = emptyFindings();
  const name = d.name.trim();
  if (!name) put(f, { code: 'required', field: 'name' }, locale, 'error');
  else if (name.length < MIN_NAME) put(f, { code: 'too_short', field: 'name', params: { min: MIN_NAME } }, locale, 'error');
  else if (name.length > MAX_NAME) put(f, { code: 'too_long', field: 'name', params: { max: MAX_NAME } }, locale, 'error');

  if (!d.sex) put(f, { code: 'required', field: 'sex' }, locale, 'error');

  if (!d.birthDate) put(f, { code: 'required', field: 'birthDate' }, locale, 'error');
  else if (!isIsoDate(d.birthDate)) put(f, { code: 'invalid_date', field: 'birthDate' }, locale, 'error');
  else if (d.birthDate > today) put(f, { code: 'date_in_future', field: 'birthDate' }, locale, 'error');
  else if (d.birthDate < EARLIEST_BIRTH_DATE) put(f, { code: 'date_too_old', field: 'birthDate' }, locale, 'error');

  const nik = cleanIdNumber(d.nik);
  if (nik) {
    const birthOk = isIsoDate(d.birthDate) && d.birthDate <= today;
    const r = checkNik(nik, { birthDate: birthOk ? d.birthDate : null, sex: d.sex || null }, idContext);
    for (const e of r.errors) put(f, e, locale, 'error');
    for (const w of r.warnings) put(f, w, locale, 'warning');
  }

  if (d.birthPlace.trim().length > MAX_PLACE) put(f, { code: 'too_long', field: 'birthPlace', params: { max: MAX_PLACE } }, locale, 'error');
  if (d.phone.trim() && !isPhone(d.phone)) put(f, { code: 'phone_format', field: 'phone' }, locale, 'error');
  const jkn = cleanIdNumber(d.jknNumber);
  if (jkn && !/^\d{13}$/.test(jkn)) put(f, { code: 'jkn_format', field: 'jknNumber' }, locale, 'error');
  return f;
}

export function validateKk(kkInput: string, locale: Locale): Findings {
  const f = emptyFindings();
  const kk = cleanIdNumber(kkInput);
  if (!kk) return f;
  const r = checkKk(kk, idContext);
  for (const e of r.errors) put(f, e, locale, 'error');
  for (const w of r.warnings) put(f, w, locale, 'warning');
  return f;
}

export function requireField(f: Findings, field: string, value: string, locale: Locale): void {
  if (!value.trim()) put(f, { code: 'required', field }, locale, 'error');
}

export function hasErrors(f: Findings): boolean {
  return Object.keys(f.errors).length > 0;
}

export function warningCodes(f: Findings): string[] {
  return Object.values(f.warnings).flat().map((w) => w.code);
}

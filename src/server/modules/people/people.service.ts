import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { kabCodeOf, levelOf, villageOf } from '../../../core/areas/codes';
import type { Issue } from '../../../core/i18n/issues';
import type { Locale } from '../../../core/i18n/messages';
import { message } from '../../../core/i18n/messages';
import { normalizeName, tidyName } from '../../../core/people/names';
import { checkNik } from '../../../core/people/nik';
import { addYears, type IsoDate } from '../../../core/time/dates';
import { inScope, type Scope } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { AuthContext } from '../../auth/session';
import { household, person, personResidence, type AcceptedWarning } from '../../db/schema';
import type { Tx } from '../../db/sql';
import { ApiError, errors } from '../../http/errors';
import { recordChanges } from '../../history/change-log';
import { getArea } from '../areas/areas.repo';
import { getPerson, idCheckContext, similarPeople } from './people.repo';
import { refreshSchedule } from '../records/schedule-store';
import { refreshIndicators } from '../indicators/indicators.store';
import type { CreatePersonInput, PatchPersonInput } from './people.schemas';

/** The oldest birth date accepted: nobody alive or registered was born before 1900. */
const EARLIEST_BIRTH_DATE = '1900-01-01';
/** A mother is at least this many years older than her child (a plausibility check, not a clinical rule). */
const MIN_MOTHER_AGE_YEARS = 10;

export interface ServiceCtx {
  tx: Tx;
  auth: AuthContext;
  locale: Locale;
  today: IsoDate;
  req: FastifyRequest;
}

export interface Domicile {
  householdId: string | null;
  areaCode: string;
  villageCode: string;
  kabCode: string;
}

/** Where a person lives: their household's address, or an area (desa or below) when they have none. */
export async function resolveDomicile(
  ctx: ServiceCtx,
  input: { householdId?: string | null; areaCode?: string },
  issues: Issue[],
): Promise<Domicile | undefined> {
  if (input.householdId) {
    const h = (await ctx.tx.select().from(household).where(eq(household.id, input.householdId)))[0];
    if (!h || !inScope(ctx.auth.scope, h.areaCode)) {
      issues.push({ code: 'household_unknown', field: 'householdId' });
      return undefined;
    }
    return { householdId: h.id, areaCode: h.areaCode, villageCode: h.villageCode, kabCode: h.kabCode };
  }
  if (!input.areaCode) {
    issues.push({ code: 'required', field: 'areaCode' });
    return undefined;
  }
  return resolveArea(ctx, input.areaCode, 'areaCode', issues);
}

export async function resolveArea(ctx: ServiceCtx, code: string, field: string, issues: Issue[]): Promise<Domicile | undefined> {
  const village = villageOf(code);
  const lvl = levelOf(code);
  if (!village || !lvl || ['country', 'province', 'regency', 'district'].includes(lvl)) {
    issues.push({ code: 'area_level_invalid', field, params: { level: 'desa/kelurahan, dusun, RW atau RT' } });
    return undefined;
  }
  if (!(await getArea(ctx.tx, code))) {
    issues.push({ code: 'area_unknown', field, params: { code } });
    return undefined;
  }
  if (!inScope(ctx.auth.scope, code)) {
    issues.push({ code: 'area_outside_scope', field });
    return undefined;
  }
  return { householdId: null, areaCode: code, villageCode: village, kabCode: kabCodeOf(code)! };
}

function checkDate(d: IsoDate, field: string, today: IsoDate, issues: Issue[]): void {
  if (d > today) issues.push({ code: 'date_in_future', field });
  else if (d < EARLIEST_BIRTH_DATE) issues.push({ code: 'date_too_old', field });
}

interface IdentityInput {
  nik?: string | null;
  name: string;
  sex: 'M' | 'F';
  birthDate: IsoDate;
  motherId?: string | null;
}

/**
 * Field checks that need the database: NIK (format, region, and its
 * birth-date and sex parts — disagreements are warnings), the mother link,
 * and possible duplicates (a similar name, same birth date, same desa).
 */
async function checkIdentity(
  ctx: ServiceCtx,
  p: IdentityInput,
  opts: { selfId?: string; villageCode?: string; checkNik: boolean; checkDuplicates: boolean },
): Promise<{ issues: Issue[]; warnings: Issue[] }> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  checkDate(p.birthDate, 'birthDate', ctx.today, issues);
  if (p.nik && opts.checkNik) {
    const r = checkNik(p.nik, { birthDate: p.birthDate, sex: p.sex }, await idCheckContext(ctx.tx, [p.nik]));
    issues.push(...r.errors);
    warnings.push(...r.warnings);
  }
  if (p.motherId) {
    const m = await getPerson(ctx.tx, p.motherId);
    if (!m || m.id === opts.selfId || !inScope(ctx.auth.scope, m.areaCode)) issues.push({ code: 'mother_unknown', field: 'motherId' });
    else if (m.sex !== 'F') issues.push({ code: 'mother_not_female', field: 'motherId' });
    else if (addYears(m.birthDate, MIN_MOTHER_AGE_YEARS) > p.birthDate) issues.push({ code: 'mother_too_young', field: 'motherId' });
  }
  if (opts.checkDuplicates && opts.villageCode && issues.length === 0) {
    const similar = await similarPeople(ctx.tx, { name: p.name, birthDate: p.birthDate, villageCode: opts.villageCode, excludeId: opts.selfId });
    if (similar[0]) warnings.push({ code: 'possible_duplicate', field: 'name', params: { name: similar[0].name, id: similar[0].id } });
  }
  return { issues, warnings };
}

/** A NIK belongs to one person: refuse with a link to the existing record (named only if in scope). */
async function refuseDuplicateNik(ctx: ServiceCtx, nik: string | null | undefined, selfId?: string): Promise<void> {
  if (!nik) return;
  const other = (await ctx.tx.select({ id: person.id, name: person.name, areaCode: person.areaCode }).from(person).where(eq(person.nik, nik)))
    .find((o) => o.id !== selfId);
  if (!other) return;
  const visible = inScope(ctx.auth.scope, other.areaCode);
  const issue: Issue = visible
    ? { code: 'nik_duplicate', field: 'nik', params: { name: other.name } }
    : { code: 'nik_duplicate_elsewhere', field: 'nik' };
  throw errors.conflict(issue, ctx.locale, { existing: visible ? { id: other.id, name: other.name } : null });
}

/** Warnings not yet confirmed stop the save (409 needs_confirmation); confirmed ones are kept on the record. */
function acceptWarnings(ctx: ServiceCtx, warnings: Issue[], confirm: string[] | undefined): AcceptedWarning[] {
  const pending = warnings.filter((w) => !confirm?.includes(w.code));
  if (pending.length) throw errors.needsConfirmation(pending, ctx.locale);
  const at = new Date().toISOString();
  return warnings.map((w) => ({ code: w.code, field: w.field, message: message(w, 'id'), at, by: ctx.auth.user.id }));
}

export async function createPerson(ctx: ServiceCtx, input: CreatePersonInput): Promise<string> {
  const issues: Issue[] = [];
  const dom = await resolveDomicile(ctx, input, issues);
  const name = tidyName(input.name);
  const ident = await checkIdentity(ctx, { ...input, name }, { villageCode: dom?.villageCode, checkNik: true, checkDuplicates: true });
  issues.push(...ident.issues);
  if (issues.length || !dom) throw errors.validation(issues, ctx.locale);
  await refuseDuplicateNik(ctx, input.nik);
  const accepted = acceptWarnings(ctx, ident.warnings, input.confirm);
  const id = randomUUID();
  await ctx.tx.insert(person).values({
    id,
    kabCode: dom.kabCode,
    nik: input.nik ?? null,
    name,
    nameSearch: normalizeName(name),
    sex: input.sex,
    birthDate: input.birthDate,
    birthDateEstimated: input.birthDateEstimated ?? false,
    birthPlace: input.birthPlace ?? null,
    motherId: input.motherId ?? null,
    householdId: dom.householdId,
    relationship: dom.householdId ? (input.relationship ?? null) : null,
    phone: input.phone ?? null,
    jknNumber: input.jknNumber ?? null,
    areaCode: dom.areaCode,
    villageCode: dom.villageCode,
    acceptedWarnings: accepted,
    createdBy: ctx.auth.user.id,
    updatedBy: ctx.auth.user.id,
  });
  await ctx.tx.insert(personResidence).values({
    kabCode: dom.kabCode, personId: id, householdId: dom.householdId, areaCode: dom.areaCode, fromDate: ctx.today, reason: 'registered', recordedBy: ctx.auth.user.id,
  });
  if (dom.householdId && input.relationship === 'kepala') {
    await ctx.tx.update(household).set({ headPersonId: id, updatedAt: sql`now()` }).where(and(eq(household.id, dom.householdId), isNull(household.headPersonId)));
  }
  await refreshSchedule(ctx.tx, id, ctx.today);
  await refreshIndicators(ctx.tx, id, ctx.today);
  await writeAudit(ctx.tx, ctx.req, { action: 'create', entityType: 'person', entityId: id, personId: id, areaCode: dom.areaCode, details: accepted.length ? { acceptedWarnings: accepted.map((w) => w.code) } : undefined });
  return id;
}

const EDITABLE = ['nik', 'name', 'sex', 'birthDate', 'birthDateEstimated', 'birthPlace', 'motherId', 'relationship', 'phone', 'jknNumber'] as const;

export async function loadForWrite(ctx: ServiceCtx, id: string) {
  const p = await getPerson(ctx.tx, id);
  if (!p) throw errors.notFound(ctx.locale);
  if (!inScope(ctx.auth.scope, p.areaCode) || !ctx.auth.permissions.editRegistry) {
    throw errors.forbidden(ctx.locale, { action: 'denied', entityType: 'person', entityId: id, personId: id, areaCode: p.areaCode });
  }
  return p;
}

export async function updatePerson(ctx: ServiceCtx, id: string, input: PatchPersonInput): Promise<void> {
  const p = await loadForWrite(ctx, id);
  if (input.version !== p.version) throw errors.versionConflict(ctx.locale, p.version);
  const next = { ...p };
  for (const f of EDITABLE) if (input[f] !== undefined) (next as Record<string, unknown>)[f] = input[f];
  next.name = tidyName(next.name);
  const identityChanged = next.nik !== p.nik || next.birthDate !== p.birthDate || next.sex !== p.sex;
  const ident = await checkIdentity(ctx, { ...next, sex: next.sex as 'M' | 'F' }, {
    selfId: id,
    villageCode: p.villageCode,
    checkNik: identityChanged,
    checkDuplicates: next.name !== p.name || next.birthDate !== p.birthDate,
  });
  if (next.motherId === p.motherId) ident.issues = ident.issues.filter((i) => i.field !== 'motherId');
  if (ident.issues.length) throw errors.validation(ident.issues, ctx.locale);
  if (next.nik !== p.nik) await refuseDuplicateNik(ctx, next.nik, id);
  const accepted = acceptWarnings(ctx, ident.warnings, input.confirm);
  const changed = await recordChanges(ctx.tx, { entityType: 'person', entityId: id, kabCode: p.kabCode, userId: ctx.auth.user.id }, p, next, EDITABLE);
  await ctx.tx.update(person).set({
    nik: next.nik, name: next.name, nameSearch: normalizeName(next.name), sex: next.sex, birthDate: next.birthDate,
    birthDateEstimated: next.birthDateEstimated, birthPlace: next.birthPlace, motherId: next.motherId, relationship: next.relationship,
    phone: next.phone, jknNumber: next.jknNumber, acceptedWarnings: [...p.acceptedWarnings, ...accepted],
    version: p.version + 1, updatedBy: ctx.auth.user.id, updatedAt: sql`now()`,
  }).where(eq(person.id, id));
  // Birth date and sex decide the schedule: the stored one follows in this transaction.
  if (next.birthDate !== p.birthDate || next.sex !== p.sex) await refreshSchedule(ctx.tx, id, ctx.today);
  if (next.birthDate !== p.birthDate || next.sex !== p.sex) await refreshIndicators(ctx.tx, id, ctx.today);
  await writeAudit(ctx.tx, ctx.req, { action: 'update', entityType: 'person', entityId: id, personId: id, areaCode: p.areaCode, details: { fields: changed } });
}

/** Moves a person to another household or address: the old residence is closed, a new one opened. */
export async function movePerson(
  ctx: ServiceCtx,
  id: string,
  input: { householdId?: string | null; areaCode?: string; relationship?: string | null; date: IsoDate; reason?: string },
): Promise<void> {
  const p = await loadForWrite(ctx, id);
  const issues: Issue[] = [];
  if (input.date > ctx.today) issues.push({ code: 'date_in_future', field: 'date' });
  if (input.date < p.birthDate) issues.push({ code: 'date_before_birth', field: 'date' });
  const dom = await resolveDomicile(ctx, input, issues);
  if (issues.length || !dom) throw errors.validation(issues, ctx.locale);
  if (dom.householdId === p.householdId && dom.areaCode === p.areaCode) {
    throw new ApiError(400, 'validation_error', message({ code: 'move_same_place' }, ctx.locale), { householdId: message({ code: 'move_same_place' }, ctx.locale) });
  }
  const before = { householdId: p.householdId, areaCode: p.areaCode, relationship: p.relationship };
  const after = { householdId: dom.householdId, areaCode: dom.areaCode, relationship: dom.householdId ? (input.relationship ?? null) : null };
  await recordChanges(ctx.tx, { entityType: 'person', entityId: id, kabCode: p.kabCode, userId: ctx.auth.user.id }, before, after, ['householdId', 'areaCode', 'relationship']);
  await ctx.tx.update(personResidence).set({ toDate: input.date }).where(and(eq(personResidence.personId, id), isNull(personResidence.toDate)));
  await ctx.tx.insert(personResidence).values({
    kabCode: dom.kabCode, personId: id, householdId: dom.householdId, areaCode: dom.areaCode, fromDate: input.date, reason: input.reason ?? 'moved', recordedBy: ctx.auth.user.id,
  });
  if (p.householdId && p.householdId !== dom.householdId) {
    await ctx.tx.update(household).set({ headPersonId: null, updatedAt: sql`now()` }).where(and(eq(household.id, p.householdId), eq(household.headPersonId, id)));
  }
  await ctx.tx.update(person).set({
    householdId: dom.householdId, areaCode: dom.areaCode, villageCode: dom.villageCode, kabCode: dom.kabCode, relationship: after.relationship,
    version: p.version + 1, updatedBy: ctx.auth.user.id, updatedAt: sql`now()`,
  }).where(eq(person.id, id));
  // The indicator rows and counters follow the person to the new domicile.
  await refreshIndicators(ctx.tx, id, ctx.today);
  await writeAudit(ctx.tx, ctx.req, { action: 'update', entityType: 'person', entityId: id, personId: id, areaCode: dom.areaCode, details: { move: { from: before, to: after, date: input.date } } });
}

/** Vital status: alive, deceased or moved away (out of the area), with its date. */
export async function setStatus(ctx: ServiceCtx, id: string, input: { status: 'alive' | 'deceased' | 'moved'; date?: IsoDate | null }): Promise<void> {
  const p = await loadForWrite(ctx, id);
  const issues: Issue[] = [];
  const date = input.status === 'alive' ? null : input.date ?? null;
  if (input.status !== 'alive' && !date) issues.push({ code: 'status_date_required', field: 'date' });
  if (date && date > ctx.today) issues.push({ code: 'date_in_future', field: 'date' });
  if (date && date < p.birthDate) issues.push({ code: 'date_before_birth', field: 'date' });
  if (issues.length) throw errors.validation(issues, ctx.locale);
  const changed = await recordChanges(ctx.tx, { entityType: 'person', entityId: id, kabCode: p.kabCode, userId: ctx.auth.user.id },
    { status: p.status, statusDate: p.statusDate }, { status: input.status, statusDate: date }, ['status', 'statusDate']);
  if (changed.length === 0) return;
  if (input.status === 'moved') {
    await ctx.tx.update(personResidence).set({ toDate: date }).where(and(eq(personResidence.personId, id), isNull(personResidence.toDate)));
  }
  await ctx.tx.update(person).set({ status: input.status, statusDate: date, version: p.version + 1, updatedBy: ctx.auth.user.id, updatedAt: sql`now()` }).where(eq(person.id, id));
  // Only the living have a schedule; a status change clears or restores it.
  await refreshSchedule(ctx.tx, id, ctx.today);
  await refreshIndicators(ctx.tx, id, ctx.today);
  await writeAudit(ctx.tx, ctx.req, { action: 'update', entityType: 'person', entityId: id, personId: id, areaCode: p.areaCode, details: { status: input.status, date } });
}

export type { Scope };

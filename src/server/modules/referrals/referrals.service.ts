/**
 * Referral writes: create (idempotent by the client's UUID) and the steps
 * receive → handle → back-refer (or cancel, or a note), each an appended
 * referral_step with the referral's status kept fresh in the same
 * transaction, and audited there.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isFacilityType, type FacilityType } from '../../../core/facilities/types';
import type { Issue } from '../../../core/i18n/issues';
import { canonicalJson } from '../../../core/protocol/settings-validate';
import { inScope } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import { facility, referral, referralStep, visit } from '../../db/schema';
import { errors } from '../../http/errors';
import { getPerson } from '../people/people.repo';
import type { ServiceCtx } from '../people/people.service';
import {
  ACTION_SIDE, checkTarget, dueByFor, OUTSIDE_NETWORK, REFERRAL_STATUS_LABEL, TRANSITIONS,
  type ReferralSettings, type ReferralStatus, type StepAction,
} from './referral-rules';
import { referralGrant } from './referrals.repo';
import type { CreateReferralInput } from './referrals.schemas';

async function loadFacility(ctx: ServiceCtx, id: string) {
  const f = (await ctx.tx.select().from(facility).where(eq(facility.id, id)))[0];
  return f && f.active && isFacilityType(f.type) ? { ...f, type: f.type as FacilityType } : undefined;
}

const sameContent = (a: typeof referral.$inferSelect, b: CreateReferralInput) =>
  a.personId === b.personId && a.fromFacilityId === b.fromFacilityId && a.toFacilityId === b.toFacilityId
  && a.reason === b.reason && a.urgency === b.urgency && (a.visitId ?? null) === (b.visitId ?? null)
  // jsonb reorders keys: compare canonical forms.
  && canonicalJson((a.findings ?? null) as never) === canonicalJson((b.findings ?? null) as never);

/**
 * Creates a referral; the same UUID sent again with the same content is a
 * duplicate (nothing written), with other content a 409.
 */
export async function createReferral(
  ctx: ServiceCtx, input: CreateReferralInput, settingsOf: (kabCode: string) => Promise<ReferralSettings>,
): Promise<{ id: string; duplicate: boolean }> {
  const existing = (await ctx.tx.select().from(referral).where(eq(referral.id, input.id)))[0];
  if (existing) {
    if (!sameContent(existing, input)) throw errors.conflict({ code: 'referral_conflict', field: 'id' }, ctx.locale);
    return { id: existing.id, duplicate: true };
  }
  const p = await getPerson(ctx.tx, input.personId);
  if (!p) throw errors.validation([{ code: 'person_unknown', field: 'personId' }], ctx.locale);
  const settings = await settingsOf(p.kabCode);
  // The sender sees the person by place, or because their own facility received the person by referral (onward referral).
  const allowed = inScope(ctx.auth.scope, p.areaCode) || (await referralGrant(ctx.tx, ctx.auth.user.facilityId, p.id, ctx.today, settings)) !== null;
  if (!allowed) throw errors.forbidden(ctx.locale, { action: 'denied', entityType: 'referral', entityId: input.id, personId: p.id, areaCode: p.areaCode });

  const issues: Issue[] = [];
  if (p.status !== 'alive') issues.push({ code: 'referral_person_not_alive', field: 'personId' });
  const from = await loadFacility(ctx, input.fromFacilityId);
  const to = await loadFacility(ctx, input.toFacilityId);
  if (!from) issues.push({ code: 'referral_facility_unknown', field: 'fromFacilityId' });
  // A kader refers from their own Posyandu; others from their facility or one standing in their scope.
  else if (from.id !== ctx.auth.user.facilityId && (ctx.auth.user.role === 'kader' || !inScope(ctx.auth.scope, from.areaCode))) {
    issues.push({ code: 'referral_from_not_yours', field: 'fromFacilityId' });
  }
  if (!to) issues.push({ code: 'referral_facility_unknown', field: 'toFacilityId' });
  if (from && to) {
    const check = checkTarget(from, to);
    if (check !== 'ok') issues.push({ code: check, field: check === 'referral_facility_type' ? (from.type === 'dinkes' ? 'fromFacilityId' : 'toFacilityId') : 'toFacilityId' });
  }
  if (input.visitId) {
    const v = (await ctx.tx.select({ personId: visit.personId }).from(visit).where(eq(visit.id, input.visitId)))[0];
    if (!v || v.personId !== p.id) issues.push({ code: 'visit_unknown', field: 'visitId' });
  }
  if (issues.length || !from || !to) throw errors.validation(issues, ctx.locale);

  const inserted = await ctx.tx.insert(referral).values({
    id: input.id,
    kabCode: p.kabCode,
    personId: p.id,
    visitId: input.visitId ?? null,
    fromFacilityId: from.id,
    toFacilityId: to.id,
    reason: input.reason,
    urgency: input.urgency,
    findings: input.findings ?? null,
    status: 'sent',
    dueBy: dueByFor(ctx.today, input.urgency, settings),
    domicileAreaCode: p.areaCode,
    createdBy: ctx.auth.user.id,
  }).onConflictDoNothing().returning({ id: referral.id });
  // A concurrent retry of the same UUID won the race: answer as a duplicate.
  if (!inserted[0]) return createReferral(ctx, input, settingsOf);
  await ctx.tx.insert(referralStep).values({
    kabCode: p.kabCode, referralId: input.id, step: 'sent', facilityId: from.id, by: ctx.auth.user.id, data: { urgency: input.urgency, toFacilityId: to.id },
  });
  await writeAudit(ctx.tx, ctx.req, {
    action: 'create', entityType: 'referral', entityId: input.id, personId: p.id, areaCode: p.areaCode,
    details: { from: from.id, to: to.id, urgency: input.urgency },
  });
  return { id: input.id, duplicate: false };
}

export interface StepInput {
  outcome?: string;
  instructions?: string;
  note?: string | null;
}

/** Which side of a referral the user acts on, if any. */
function sideOf(ctx: ServiceCtx, r: typeof referral.$inferSelect, toType: FacilityType): { receiver: boolean; sender: boolean; onBehalf: boolean } {
  const mine = ctx.auth.user.facilityId;
  const sender = mine !== null && mine === r.fromFacilityId;
  const receiver = mine !== null && mine === r.toFacilityId;
  // Facilities outside the Siklus network have no users: the sender records their answer.
  const onBehalf = !receiver && sender && OUTSIDE_NETWORK.has(toType);
  return { receiver: receiver || onBehalf, sender, onBehalf };
}

export async function addReferralStep(ctx: ServiceCtx, id: string, action: StepAction, input: StepInput): Promise<void> {
  const r = (await ctx.tx.select().from(referral).where(eq(referral.id, id)).for('update'))[0];
  if (!r) throw errors.notFound(ctx.locale);
  const toType = (await ctx.tx.select({ type: facility.type }).from(facility).where(eq(facility.id, r.toFacilityId)))[0]?.type as FacilityType;
  const side = sideOf(ctx, r, toType);
  const permitted = ACTION_SIDE[action] === 'receiver' ? side.receiver : side.receiver || side.sender;
  if (!permitted) {
    throw errors.forbidden(ctx.locale, { action: 'denied', entityType: 'referral', entityId: id, personId: r.personId, areaCode: r.domicileAreaCode, details: { step: action } });
  }
  const status = r.status as ReferralStatus;
  const facilityId = side.receiver && !side.onBehalf ? r.toFacilityId : ctx.auth.user.facilityId;
  const data = side.onBehalf && ACTION_SIDE[action] === 'receiver' ? { onBehalfOf: r.toFacilityId } : null;
  const step = (name: string, extra: Record<string, unknown> | null = null, note: string | null = null) => ({
    kabCode: r.kabCode, referralId: id, step: name, facilityId, by: ctx.auth.user.id, note,
    data: data || extra ? { ...data, ...extra } : null,
  });

  if (action === 'note') {
    await ctx.tx.insert(referralStep).values(step('note', null, input.note ?? null));
  } else {
    const t = TRANSITIONS[action];
    if (!t.from.includes(status)) {
      throw errors.conflict({ code: 'referral_status', field: 'status', params: { status: REFERRAL_STATUS_LABEL[status][ctx.locale] } }, ctx.locale, { status });
    }
    const steps = [];
    if (action === 'handle' && status === 'sent') steps.push(step('received'));
    if (action === 'handle') steps.push(step('handled', { outcome: input.outcome }, input.note ?? null));
    else if (action === 'back_refer') steps.push(step('back_referred', { instructions: input.instructions }, input.note ?? null));
    else steps.push(step(t.to, null, input.note ?? null));
    const updated = await ctx.tx.update(referral).set({
      status: t.to,
      ...(action === 'handle' ? { outcome: input.outcome ?? null } : {}),
      ...(action === 'back_refer' ? { backInstructions: input.instructions ?? null } : {}),
      version: sql`${referral.version} + 1`,
      updatedAt: sql`now()`,
    }).where(and(eq(referral.id, id), eq(referral.version, r.version))).returning({ id: referral.id });
    if (!updated[0]) throw errors.versionConflict(ctx.locale, r.version);
    await ctx.tx.insert(referralStep).values(steps);
  }
  await writeAudit(ctx.tx, ctx.req, {
    action: 'update', entityType: 'referral', entityId: id, personId: r.personId, areaCode: r.domicileAreaCode,
    details: { step: action, ...(side.onBehalf ? { onBehalfOf: r.toFacilityId } : {}) },
  });
}

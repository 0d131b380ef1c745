import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAreaCode, kabCodeOf, levelOf } from '../../../core/areas/codes';
import type { FacilityType } from '../../../core/facilities/types';
import type { Locale } from '../../../core/i18n/messages';
import { todayIn } from '../../../core/time/dates';
import { inScope } from '../../access/scope';
import type { AuthContext } from '../../auth/session';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { getFacility, getFacilitySummaries, listVisibleFacilities } from '../facilities/facilities.repo';
import type { ServiceCtx } from '../people/people.service';
import { checkTarget, REFERRAL_LEVEL, type StepAction } from './referral-rules';
import { referralSettings, referralSettingsBody, resolveReferralSettings, saveReferralSettings, storedReferralSettings } from './referral-settings';
import { getReferral, listReferrals, type FacilitySet, type ReferralView } from './referrals.repo';
import { backReferBody, createReferralBody, handleBody, listQuery, noteBody, receiveBody } from './referrals.schemas';
import { addReferralStep, createReferral } from './referrals.service';

const kabSchema = z.string().trim().refine((v) => isAreaCode(v) && levelOf(v) === 'regency', { params: { code: 'area_level_invalid', level: 'kabupaten/kota' } });

/** May this user see a referral: a party to it, or the person or one of the facilities lies in their scope. */
function canSee(auth: AuthContext, r: ReferralView): boolean {
  const mine = auth.user.facilityId;
  return (mine !== null && (mine === r.from.id || mine === r.to.id))
    || inScope(auth.scope, r.person.areaCode) || inScope(auth.scope, r.from.areaCode) || inScope(auth.scope, r.to.areaCode);
}

export function registerReferralRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;
  const today = () => todayIn(timeZone);
  const ctxOf = (tx: ServiceCtx['tx'], auth: AuthContext, locale: Locale, req: FastifyRequest): ServiceCtx => ({ tx, auth, locale, req, today: today() });

  /** The user's own facility, or one standing in their scope. */
  async function ownOrInScope(id: string, auth: AuthContext, locale: Locale, field: string) {
    const f = await getFacility(db, id);
    if (!f) throw errors.validation([{ code: 'referral_facility_unknown', field }], locale);
    if (f.id !== auth.user.facilityId && !inScope(auth.scope, f.areaCode)) throw errors.forbidden(locale);
    return f;
  }

  async function readable(id: string, auth: AuthContext, locale: Locale): Promise<ReferralView> {
    const r = await getReferral(db, id, today(), timeZone);
    if (!r) throw errors.notFound(locale);
    if (!canSee(auth, r)) throw errors.forbidden(locale, { action: 'denied', entityType: 'referral', entityId: id, personId: r.person.id, areaCode: r.person.areaCode });
    return r;
  }

  defineRoute(app, {
    method: 'POST',
    url: '/api/referrals',
    summary: 'Refer a person from a facility to the same or a higher level (Posyandu → Pustu → Puskesmas/FKTP → rumah sakit); idempotent by id',
    tags: ['referrals'],
    status: 201,
    body: createReferralBody,
    responses: { 200: 'The same referral was already stored (duplicate)', 201: 'Created', 400: 'Invalid fields', 403: 'Person outside the scope (audited)', 409: 'referral_conflict: the id exists with other content' },
    async handler({ body, auth, locale, req, reply }) {
      const r = await db.transaction((tx) => createReferral(ctxOf(tx, auth, locale, req), body, (kab) => referralSettings(tx, kab)));
      const view = (await getReferral(db, r.id, today(), timeZone))!;
      if (r.duplicate) {
        reply.status(200);
        return reply.send({ referral: view, status: 'duplicate' });
      }
      return { referral: view, status: 'accepted' };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/referrals',
    summary: "A facility's referral inbox or outbox (default: the user's facility, or every facility in scope), open ones first, with steps, ages and overdue flags",
    tags: ['referrals'],
    query: listQuery,
    async handler({ query, auth, locale, req }) {
      let set: FacilitySet;
      if (query.facility) set = { ids: [(await ownOrInScope(query.facility, auth, locale, 'facility')).id] };
      else if (auth.user.facilityId) set = { ids: [auth.user.facilityId] };
      else set = { scope: auth.scope };
      const r = await listReferrals(db, {
        box: query.box, facilities: set, statuses: query.status, overdueOnly: query.overdue === 'true', page: query.page, pageSize: query.pageSize,
      }, today(), timeZone);
      await writeAudit(db, req, { action: 'list', entityType: 'referral', details: { box: query.box, facility: 'ids' in set ? set.ids[0] : null, results: r.referrals.length, total: r.total } });
      return { box: query.box, facilityId: 'ids' in set ? set.ids[0] : null, ...r, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/referrals/targets',
    summary: 'Facilities a facility may refer to (same or higher level), its network parents first',
    tags: ['referrals'],
    query: z.object({ from: z.uuid() }),
    async handler({ query, auth, locale }) {
      const from = await ownOrInScope(query.from, auth, locale, 'from');
      const fromRef = { id: from.id, type: from.type as FacilityType };
      if (REFERRAL_LEVEL[fromRef.type] === null) return { from: from.id, targets: [] };
      const parents: string[] = [];
      for (let p = from.parentId; p && parents.length < 4; p = (await getFacility(db, p))?.parentId ?? null) parents.push(p);
      // The network parents (the Posyandu's Pustu and Puskesmas) are targets even where the user's scope is narrower.
      const visible = await listVisibleFacilities(db, auth.scope, { limit: 2000 });
      const parentRows = (await getFacilitySummaries(db, parents)).filter((f) => !visible.some((v) => v.id === f.id));
      const targets = [...parentRows, ...visible]
        .filter((f) => f.active && checkTarget(fromRef, f) === 'ok')
        .map((f) => ({ ...f, level: REFERRAL_LEVEL[f.type]!, networkParent: parents.includes(f.id) }))
        .sort((a, b) => {
          const pa = parents.indexOf(a.id);
          const pb = parents.indexOf(b.id);
          if (pa !== pb) return (pa < 0 ? 99 : pa) - (pb < 0 ? 99 : pb);
          return a.level - b.level || a.name.localeCompare(b.name, 'id');
        });
      return { from: from.id, targets };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/referrals/settings',
    summary: "A district's referral settings: due days per urgency and how long the receiver keeps access after closing",
    tags: ['referrals'],
    query: z.object({ kab: kabSchema.optional() }),
    async handler({ query, auth, locale }) {
      const kab = query.kab ?? auth.user.kabCode;
      if (!kab) throw errors.validation([{ code: 'required', field: 'kab' }], locale);
      const stored = await storedReferralSettings(db, kab);
      return { kabCode: kab, stored: stored ?? {}, settings: resolveReferralSettings(stored) };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/referrals/settings',
    summary: "Replace a district's referral settings (Dinkes or admin of the district)",
    tags: ['referrals'],
    query: z.object({ kab: kabSchema }),
    body: referralSettingsBody,
    async handler({ query, body, auth, locale, req }) {
      if (!(auth.user.role === 'dinkes' || auth.user.role === 'admin') || !inScope(auth.scope, query.kab)) {
        throw errors.forbidden(locale, { action: 'denied', entityType: 'setting', entityId: `referrals:${query.kab}`, areaCode: query.kab });
      }
      await db.transaction(async (tx) => {
        await saveReferralSettings(tx, query.kab, body);
        await writeAudit(tx, req, { action: 'update', entityType: 'setting', entityId: `referrals:${query.kab}`, areaCode: query.kab, kabCode: kabCodeOf(query.kab), details: { settings: body } });
      });
      return { kabCode: query.kab, stored: body, settings: resolveReferralSettings(body) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/referrals/:id',
    summary: 'One referral with its steps (audited as a read of the person)',
    tags: ['referrals'],
    params: z.object({ id: z.uuid() }),
    responses: { 403: 'Not a party and outside the scope (audited)', 404: 'Unknown referral' },
    async handler({ params, auth, locale, req }) {
      const r = await readable(params.id, auth, locale);
      await writeAudit(db, req, { action: 'read', entityType: 'referral', entityId: r.id, personId: r.person.id, areaCode: r.person.areaCode });
      return { referral: r };
    },
  });

  const stepRoute = <S extends z.ZodType>(path: string, action: StepAction, body: S, summary: string, map: (b: z.output<S>) => { outcome?: string; instructions?: string; note?: string | null }) => {
    defineRoute(app, {
      method: 'POST',
      url: `/api/referrals/:id/${path}`,
      summary,
      tags: ['referrals'],
      params: z.object({ id: z.uuid() }),
      body,
      responses: { 403: 'Not the facility allowed to take this step (audited)', 404: 'Unknown referral', 409: 'referral_status: not possible in the current status; version_conflict' },
      async handler({ params, body: b, auth, locale, req }) {
        await db.transaction((tx) => addReferralStep(ctxOf(tx, auth, locale, req), params.id, action, map(b)));
        return { referral: await getReferral(db, params.id, today(), timeZone) };
      },
    });
  };
  stepRoute('receive', 'receive', receiveBody, 'The receiving facility acknowledges the referral (sent → received)', (b) => ({ note: b.note ?? null }));
  stepRoute('handle', 'handle', handleBody, 'The receiving facility records the outcome (→ handled)', (b) => ({ outcome: b.outcome, note: b.note ?? null }));
  stepRoute('back-refer', 'back_refer', backReferBody, 'Back-referral (rujuk balik) with instructions for the sender (handled → back_referred)', (b) => ({ instructions: b.instructions, note: b.note ?? null }));
  stepRoute('cancel', 'cancel', noteBody, 'Cancel an open referral, with the reason (either side)', (b) => ({ note: b.note }));
  stepRoute('note', 'note', noteBody, 'Add a note to a referral (either side; the status does not change)', (b) => ({ note: b.note }));
}

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildRecordSections } from '../../../core/record';
import { todayIn } from '../../../core/time/dates';
import { inScope } from '../../access/scope';
import { writeAudit } from '../../audit/audit';
import type { Database } from '../../db/client';
import { errors } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { getPerson } from '../people/people.repo';
import { districtSettings } from '../protocol/district-settings';
import { referralSettings } from '../referrals/referral-settings';
import { referralGrant, referralsOfPerson } from '../referrals/referrals.repo';
import { growthReferences } from '../records/growth-refs';
import { recordedEvents } from '../records/records.repo';
import { buildTimeline, engineRows, personVisits } from './record.repo';

export function registerRecordRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;

  defineRoute(app, {
    method: 'GET',
    url: '/api/people/:id/record',
    summary: "Everything the person page shows: timeline, growth (WHO z-scores, curves, KMS weighings), vitals, immunization card, pregnancies, screenings and referrals (audited as a read; open to the receiving facility of a referral)",
    tags: ['people', 'record'],
    params: z.object({ id: z.uuid() }),
    responses: { 403: 'Outside the scope and no referral to the user\'s facility (audited)', 404: 'Unknown person' },
    async handler({ params, auth, locale, req }) {
      const today = todayIn(timeZone);
      const p = await getPerson(db, params.id);
      if (!p) throw errors.notFound(locale);
      let via: { via: 'referral'; referralId: string } | null = null;
      if (!inScope(auth.scope, p.areaCode)) {
        // Access follows a referral: the receiving facility sees the person it was sent.
        const grant = await referralGrant(db, auth.user.facilityId, p.id, today, await referralSettings(db, p.kabCode));
        if (!grant) throw errors.forbidden(locale, { action: 'denied', entityType: 'person', entityId: p.id, personId: p.id, areaCode: p.areaCode, details: { view: 'record' } });
        via = { via: 'referral', referralId: grant.referralId };
      }
      // One query per table: events (with place and recorder names), visits, referrals with their steps.
      const events = await recordedEvents(db, sql`e.person_id = ${p.id}`, locale);
      const visits = await personVisits(db, p.id);
      const referrals = await referralsOfPerson(db, p.id, today, timeZone);
      const sections = buildRecordSections({
        person: { sex: p.sex as 'M' | 'F', birthDate: p.birthDate }, events: engineRows(events), on: today,
        settings: await districtSettings(db, p.kabCode), refs: await growthReferences(db),
      });
      await writeAudit(db, req, { action: 'read', entityType: 'person', entityId: p.id, personId: p.id, areaCode: p.areaCode, details: { view: 'record', ...(via ?? {}) } });
      const { facts: _facts, ...rest } = sections;
      return {
        person: { id: p.id, name: p.name, nik: p.nik, sex: p.sex, birthDate: p.birthDate, status: p.status, areaCode: p.areaCode, villageCode: p.villageCode, householdId: p.householdId },
        access: via ? { via: 'referral', referralId: via.referralId } : { via: 'scope' },
        ...rest,
        timeline: buildTimeline(visits, events),
        referrals,
      };
    },
  });
}

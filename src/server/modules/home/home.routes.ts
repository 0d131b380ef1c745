import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import { rows } from '../../db/sql';
import { facility } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { me } from '../../auth/auth.routes';
import { countsWithin } from '../areas/areas.repo';
import { listVisibleFacilities } from '../facilities/facilities.repo';
import { scopeCondition } from '../../access/scope';
import { addDays, todayIn } from '../../../core/time/dates';
import { referralCounters } from '../referrals/referrals.repo';

/** Back-referrals of the last this-many days are shown to the sender on the home page. */
const BACK_REFERRED_RECENT_DAYS = 14;

export function registerHomeRoutes(app: FastifyInstance, database: Database, timeZone = 'Asia/Jakarta'): void {
  const { db } = database;
  defineRoute(app, {
    method: 'GET',
    url: '/api/home',
    summary: 'The home page: my place, the counts of my area and referral counters (open inbox, overdue in and out)',
    tags: ['home'],
    async handler({ auth }) {
      const byType = await rows<{ type: string; n: number }>(db, sql`
        select ${facility.type} as type, count(*)::int as n from ${facility}
        where ${facility.active} and ${scopeCondition(auth.scope, facility.areaCode)} group by 1`);
      const user = await me(db, auth.user);
      const today = todayIn(timeZone);
      // Referrals of my facility, or of every facility in my scope for area-bound users (Dinkes, admin).
      const referrals = await referralCounters(db, auth.user.facilityId ? { ids: [auth.user.facilityId] } : { scope: auth.scope }, today, addDays(today, -BACK_REFERRED_RECENT_DAYS));
      return {
        place: user.place,
        scope: user.scope,
        facility: user.facility,
        counts: { ...(await countsWithin(db, auth.scope.codes, auth.scope)), facilities: Object.fromEntries(byType.map((r) => [r.type, r.n])) },
        myFacilities: user.facility ? [] : (await listVisibleFacilities(db, auth.scope, { type: 'puskesmas', limit: 50 })),
        referrals,
      };
    },
  });
}

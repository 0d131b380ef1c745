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

export function registerHomeRoutes(app: FastifyInstance, database: Database): void {
  const { db } = database;
  defineRoute(app, {
    method: 'GET',
    url: '/api/home',
    summary: 'The home page: my place and the counts of my area',
    tags: ['home'],
    async handler({ auth }) {
      const byType = await rows<{ type: string; n: number }>(db, sql`
        select ${facility.type} as type, count(*)::int as n from ${facility}
        where ${facility.active} and ${scopeCondition(auth.scope, facility.areaCode)} group by 1`);
      const user = await me(db, auth.user);
      return {
        place: user.place,
        scope: user.scope,
        facility: user.facility,
        counts: { ...(await countsWithin(db, auth.scope.codes, auth.scope)), facilities: Object.fromEntries(byType.map((r) => [r.type, r.n])) },
        myFacilities: user.facility ? [] : (await listVisibleFacilities(db, auth.scope, { type: 'puskesmas', limit: 50 })),
      };
    },
  });
}

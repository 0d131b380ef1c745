/** GET /api/due — who is due, overdue, missed or upcoming for services (docs/fieldwork-api.md "Due lists"). */
import type { SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PROGRAMMES } from '../../../core/protocol/catalogue';
import { AGE_STAGES, CONDITION_STAGES } from '../../../core/protocol/stages';
import type { StageId } from '../../../core/protocol/types';
import { todayIn } from '../../../core/time/dates';
import { auditInsertSql } from '../../audit/audit';
import type { Database } from '../../db/client';
import { defineRoute } from '../../http/route';
import { areaCodeSchema } from '../areas/areas.routes';
import { isoDate } from '../people/people.schemas';
import { DUE_STATUSES } from './due.repo';
import { listPlace, type ListPlace } from './due.scope';
import { freshDueList, freshFacilityDueList } from './due.service';

const STAGE_IDS = ['wus', ...AGE_STAGES.map((s) => s.id), ...CONDITION_STAGES.map((s) => s.id)] as [StageId, ...StageId[]];
const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z.string().trim().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.enum(values)).min(1));

export const dueQuery = z.object({
  area: areaCodeSchema.optional(),
  facility: z.uuid().optional(),
  on: isoDate.optional(),
  status: csv(DUE_STATUSES).optional(),
  stage: z.enum(STAGE_IDS).optional(),
  programme: csv(PROGRAMMES.map((p) => p.id) as [string, ...string[]]).optional(),
  item: z.string().trim().max(2000).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
}).strict();

export function registerDueRoutes(app: FastifyInstance, database: Database, timeZone: string): void {
  const { db } = database;
  defineRoute(app, {
    method: 'GET',
    url: '/api/due',
    summary: 'People due, overdue, missed or upcoming for services on a date, from the stored schedules (refreshed first where stale), by household then age',
    tags: ['due'],
    query: dueQuery,
    responses: { 403: 'Area or facility outside the user scope (audited)' },
    async handler({ query, auth, locale, req }) {
      const today = todayIn(timeZone);
      const on = query.on ?? today;
      const r = {
        on, today, statuses: query.status ?? ['due', 'overdue'], stage: query.stage, programmes: query.programme, items: query.item, page: query.page, pageSize: query.pageSize,
      };
      // The list's statement writes the audit row (details: on, results, total, refreshed) — no round trip of its own.
      const audit = (place: ListPlace) => (details: SQL, condition: SQL) => auditInsertSql(req, {
        action: 'list', entityType: 'due', entityId: query.facility ?? query.area, areaCode: place.codes.length === 1 ? place.codes[0] : null,
      }, details, condition);
      // A facility's areas are read in the list's first statement; an area or the scope needs no reading.
      const list = query.facility
        ? await freshFacilityDueList(db, auth, query.facility, r, locale, audit)
        : await (async () => {
          const place = await listPlace(db, auth, locale, query);
          return freshDueList(db, { ...r, codes: place.codes }, locale, audit(place));
        })();
      return { on, total: list.total, page: query.page, pageSize: query.pageSize, people: list.people };
    },
  });
}

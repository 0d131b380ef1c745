import { z } from 'zod';
import { REFERRAL_STATUSES, URGENCIES } from './referral-rules';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Findings sent with a referral: a small flat object of what was found
 * (measurements, answers, danger signs), shown to the receiver as written.
 */
const findings = z
  .record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean(), z.null(), z.array(z.union([z.string().max(200), z.number()])).max(30)]))
  .refine((o) => Object.keys(o).length <= 40, { params: { code: 'too_big', max: 40 } });

export const createReferralBody = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    fromFacilityId: z.uuid(),
    toFacilityId: z.uuid(),
    reason: text(500),
    urgency: z.enum(URGENCIES),
    findings: findings.nullable().optional(),
    visitId: z.uuid().nullable().optional(),
  })
  .strict();
export type CreateReferralInput = z.output<typeof createReferralBody>;

export const handleBody = z.object({ outcome: text(500), note: text(1000).nullable().optional() }).strict();
export const backReferBody = z.object({ instructions: text(2000), note: text(1000).nullable().optional() }).strict();
export const noteBody = z.object({ note: text(1000) }).strict();
export const receiveBody = z.object({ note: text(1000).nullable().optional() }).strict();

/** Comma-separated statuses; "open" stands for sent and received. */
export const statusFilter = z
  .string()
  .trim()
  .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean).flatMap((x) => (x === 'open' ? ['sent', 'received'] : [x])))])
  .pipe(z.array(z.enum(REFERRAL_STATUSES)));

export const listQuery = z.object({
  box: z.enum(['inbox', 'outbox']),
  facility: z.uuid().optional(),
  status: statusFilter.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

import { z } from 'zod';
import { isIsoDate } from '../../../core/time/dates';
import { RELATIONSHIPS, PERSON_STATUSES } from '../../../core/people/household';
import { cleanIdNumber } from '../../../core/people/nik';
import { cleanPhone, isJknNumber, isPhone } from '../../../core/people/contact';
import { areaCodeSchema } from '../areas/areas.routes';

/** An ISO date field with our own message. */
export const isoDate = z.string().trim().refine(isIsoDate, { params: { code: 'invalid_date' } });

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Identity numbers: spaces, dots and dashes typed inside are removed before checks. */
const idNumber = z.preprocess(
  (v) => (typeof v === 'string' ? (cleanIdNumber(v) === '' ? null : cleanIdNumber(v)) : v),
  z.string().nullable(),
);

export const phoneSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (cleanPhone(v) || null) : v),
  z.string().refine(isPhone, { params: { code: 'phone_format' } }).nullable(),
);
export const jknSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (cleanIdNumber(v) || null) : v),
  z.string().refine(isJknNumber, { params: { code: 'jkn_format' } }).nullable(),
);

export const personFields = {
  nik: idNumber.optional(),
  name: z.string().trim().min(2).max(100),
  sex: z.enum(['M', 'F']),
  birthDate: isoDate,
  birthDateEstimated: z.boolean().optional(),
  birthPlace: z.preprocess(blankToNull, z.string().trim().max(80).nullable()).optional(),
  motherId: z.uuid().nullable().optional(),
  relationship: z.enum(RELATIONSHIPS).nullable().optional(),
  phone: phoneSchema.optional(),
  jknNumber: jknSchema.optional(),
};

export const createPersonBody = z
  .object({
    ...personFields,
    householdId: z.uuid().nullable().optional(),
    areaCode: areaCodeSchema.optional(),
    confirm: z.array(z.string().max(60)).max(20).optional(),
  })
  .strict();
export type CreatePersonInput = z.output<typeof createPersonBody>;

export const patchPersonBody = z
  .object(personFields)
  .partial()
  .extend({ version: z.number().int(), confirm: z.array(z.string().max(60)).max(20).optional() })
  .strict();
export type PatchPersonInput = z.output<typeof patchPersonBody>;

export const movePersonBody = z
  .object({
    householdId: z.uuid().nullable().optional(),
    areaCode: areaCodeSchema.optional(),
    relationship: z.enum(RELATIONSHIPS).nullable().optional(),
    date: isoDate,
    reason: z.string().trim().max(200).optional(),
  })
  .strict();

export const statusBody = z.object({ status: z.enum(PERSON_STATUSES), date: isoDate.nullable().optional() }).strict();

export const householdFields = {
  kkNumber: idNumber.optional(),
  areaCode: areaCodeSchema,
  address: z.preprocess(blankToNull, z.string().trim().max(300).nullable()).optional(),
};
export const createHouseholdBody = z.object({ ...householdFields, confirm: z.array(z.string().max(60)).max(20).optional() }).strict();
export const patchHouseholdBody = z
  .object({ ...householdFields, headPersonId: z.uuid().nullable() })
  .partial()
  .extend({ version: z.number().int(), confirm: z.array(z.string().max(60)).max(20).optional() })
  .strict();

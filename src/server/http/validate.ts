import type { z } from 'zod';
import type { Issue } from '../../core/i18n/issues';
import type { Locale } from '../../core/i18n/messages';
import { errors } from './errors';

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Maps zod issues to Siklus issue codes, so the messages are ours (and Indonesian). */
export function zodIssues(error: z.ZodError, input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const i of error.issues) {
    const field = i.path.map(String).join('.') || undefined;
    const value = valueAt(input, i.path);
    const base = field ? { field } : {};
    const params = (i as { params?: { code?: string } & Record<string, string | number> }).params;
    if (i.code === 'custom' && params?.code) {
      out.push({ ...base, code: params.code, params });
    } else if (value === undefined || value === null || (value === '' && i.code !== 'custom')) {
      out.push({ ...base, code: 'required' });
    } else if (i.code === 'too_big') {
      out.push({ ...base, code: i.origin === 'string' ? 'too_long' : 'too_big', params: { max: Number(i.maximum) } });
    } else if (i.code === 'too_small') {
      out.push({ ...base, code: i.origin === 'string' ? 'too_short' : 'too_small', params: { min: Number(i.minimum) } });
    } else if (i.code === 'invalid_value') {
      out.push({ ...base, code: 'invalid_option', params: { options: i.values.map(String).join(', ') } });
    } else if (i.code === 'invalid_type') {
      out.push({ ...base, code: 'wrong_type', params: { expected: i.expected } });
    } else if (i.code === 'unrecognized_keys') {
      out.push({ code: 'unknown_field', field: i.keys[0], params: { keys: i.keys.join(', ') } });
    } else {
      out.push({ ...base, code: 'invalid' });
    }
  }
  return out;
}

/** Parses input with a schema or throws a 400 with a message per field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw errors.validation(zodIssues(r.error, input), locale);
  return r.data;
}

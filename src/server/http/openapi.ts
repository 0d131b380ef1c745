import { z } from 'zod';
import type { RouteDoc } from './route';

const jsonSchema = (s: z.ZodType) => {
  try {
    return z.toJSONSchema(s, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
  } catch {
    return {};
  }
};

const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'stable code, e.g. validation_error, forbidden, duplicate_nik' },
    message: { type: 'string', description: 'for people, Indonesian unless Accept-Language: en' },
    fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'a message per invalid field' },
    warnings: { type: 'array', items: { type: 'object' }, description: 'needs_confirmation: resubmit with confirm: [codes]' },
  },
};

/** The OpenAPI 3.0 document of every route registered with defineRoute. */
export function openApiDocument(routes: RouteDoc[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    const responses: Record<string, unknown> = {
      [r.status]: { description: r.responses[r.status] ?? (r.status === 204 ? 'No content' : 'OK') },
      400: { description: 'Invalid input, a message per field', content: { 'application/json': { schema: errorSchema } } },
    };
    if (!r.public) {
      responses[401] = { description: 'Not logged in', content: { 'application/json': { schema: errorSchema } } };
      responses[403] = { description: 'Outside the user scope or permissions, or a missing CSRF token on a write', content: { 'application/json': { schema: errorSchema } } };
    }
    for (const [code, description] of Object.entries(r.responses)) {
      if (Number(code) !== r.status) responses[code] = { description, content: { 'application/json': { schema: errorSchema } } };
    }
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
      responses,
      ...(r.public ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Siklus API',
      version,
      description: 'Siklus, the ILP (integrated primary care) information system. JSON over HTTP. Log in with POST /api/auth/login; send the returned csrfToken as X-CSRF-Token on every write.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'siklus_session' }, csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' } },
      schemas: { Error: errorSchema },
    },
    security: [{ session: [] }],
    paths,
  };
}

import type { ApiErrorBody, ApiWarning } from './types';

/**
 * The HTTP layer: JSON in and out, the session cookie (httpOnly, sent by the
 * browser), and the CSRF token every non-GET request carries. Errors become
 * ApiError with the server's code, per-field messages and warnings.
 */

let csrfToken: string | null = null;
let language = 'id';

/** The UI language; the server answers messages in it (Accept-Language). */
export function setApiLanguage(locale: string): void {
  language = locale;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can return to the login page. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly warnings: ApiWarning[];
  readonly existing: { id: string; name?: string } | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: Partial<ApiErrorBody>, retryAfterHeader?: string | null) {
    super(body.message || body.error || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.error ?? (status === 0 ? 'network' : `http_${status}`);
    this.fields = body.fields ?? {};
    this.warnings = body.warnings ?? [];
    this.existing = body.existing ?? undefined;
    const header = retryAfterHeader ? Number(retryAfterHeader) : undefined;
    this.retryAfterSeconds = body.retryAfterSeconds ?? (header !== undefined && Number.isFinite(header) ? header : undefined);
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** A fresh CSRF token from the session (after a server restart or a token rotation). */
async function refreshCsrf(): Promise<boolean> {
  try {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok) return false;
    const data = (await res.json()) as { csrfToken?: string };
    if (!data.csrfToken) return false;
    csrfToken = data.csrfToken;
    return true;
  } catch {
    return false;
  }
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { error: 'network', message: 'network' });
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, (data as Partial<ApiErrorBody>) ?? {}, res.headers.get('Retry-After'));
    // A stale CSRF token: fetch the current one and try once more.
    if (res.status === 403 && err.code === 'csrf' && !retried && (await refreshCsrf())) {
      return request<T>(method, path, body, query, true);
    }
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

export const enc = encodeURIComponent;

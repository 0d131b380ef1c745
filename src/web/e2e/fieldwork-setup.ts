/**
 * Test data for the field-work browser tests, made through the API so the
 * tests never depend on the random demo population: a fresh household in the
 * kader's RW with the people a scenario needs, and their past visits recorded
 * with POST /api/visits.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { KADER, PASSWORD, makeNik } from './helpers';

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, data: unknown): Promise<T>;
  /** A POST whose failure the test looks at. */
  raw(path: string, data: unknown): Promise<{ status: number; body: unknown }>;
}

export async function login(request: APIRequestContext, username = KADER): Promise<Api> {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status(), `login ${username}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  return {
    get: async <T>(path: string) => {
      const r = await request.get(path);
      expect(r.ok(), `GET ${path}: ${r.status()} ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
    post: async <T>(path: string, data: unknown) => {
      const r = await request.post(path, { data, headers });
      expect(r.ok(), `POST ${path}: ${r.status()} ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
    raw: async (path: string, data: unknown) => {
      const r = await request.post(path, { data, headers });
      return { status: r.status(), body: await r.json().catch(() => null) };
    },
  };
}

/** ISO date `days` from today in the installation's zone (Asia/Jakarta by default). */
export function isoDaysFrom(days: number, from = todayJakarta()): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isoMonthsFrom(months: number, from = todayJakarta()): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export function todayJakarta(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}

interface Me {
  user: { place: { code: string }; facility: { id: string; type: string } | null };
}

/** An RT inside the user's place (new households go there). */
export async function anRt(api: Api): Promise<string> {
  const me = await api.get<Me>('/api/auth/me');
  let code = me.user.place.code;
  for (let i = 0; i < 4 && !/\.RT\d+$/.test(code); i++) {
    const a = await api.get<{ children: { code: string }[] }>(`/api/areas/${encodeURIComponent(code)}`);
    if (!a.children.length) break;
    code = a.children[0]!.code;
  }
  return code;
}

export async function myFacility(api: Api): Promise<{ id: string; type: string }> {
  const me = await api.get<Me>('/api/auth/me');
  expect(me.user.facility, 'the user works at a facility').not.toBeNull();
  return me.user.facility!;
}

export interface Made {
  id: string;
  name: string;
  householdId: string;
  nik: string;
}

/** A household with one person per spec, the first being the head. */
export async function household(
  api: Api,
  people: { name: string; sex: 'M' | 'F'; birthDate: string; relationship: string }[],
  opts: { kkNumber?: string } = {},
): Promise<Made[]> {
  const rt = await anRt(api);
  const hh = await api.post<{ household: { id: string } }>('/api/households', {
    areaCode: rt,
    address: `Jl. Uji ${Math.floor(Math.random() * 900 + 100)}`,
    ...(opts.kkNumber ? { kkNumber: opts.kkNumber } : {}),
  });
  const out: Made[] = [];
  for (const p of people) {
    const body = {
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
      nik: makeNik('740215', p.birthDate, p.sex),
      householdId: hh.household.id,
      relationship: p.relationship,
      confirm: ['possible_duplicate'],
    };
    const r = await api.raw('/api/people', body);
    // A NIK drawn twice by chance: draw again.
    let made = r.body as { person: { id: string; nik: string } };
    if (r.status === 409) made = await api.post<{ person: { id: string; nik: string } }>('/api/people', { ...body, nik: makeNik('740215', p.birthDate, p.sex) });
    else expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    out.push({ id: made.person.id, name: p.name, householdId: hh.household.id, nik: made.person.nik });
  }
  return out;
}

export interface EventSpec {
  kind: string;
  system: string;
  code: string;
  valueNum?: number | null;
  value?: Record<string, unknown> | null;
  unit?: string | null;
}

/** A past visit through the same API the app uses. */
export async function pastVisit(api: Api, personId: string, occurredOn: string, events: EventSpec[], placeKind = 'posyandu'): Promise<void> {
  await api.post('/api/visits', {
    id: randomUUID(),
    personId,
    occurredOn,
    placeKind,
    events: events.map((e) => ({ id: randomUUID(), ...e })),
    confirm: ['anthro_implausible', 'weight_change_implausible', 'value_implausible', 'bp_implausible'],
  });
}

/** A KK number of the demo kecamatan (region, issue date, serial) that no other household is likely to hold. */
export function makeKk(): string {
  const day = 1 + Math.floor(Math.random() * 28);
  const month = 1 + Math.floor(Math.random() * 12);
  const year = 10 + Math.floor(Math.random() * 15);
  const serial = 1000 + Math.floor(Math.random() * 8999);
  return `740215${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}${serial}`;
}

/** A unique name, so searches find exactly this test's people. */
export function uniqueName(base: string): string {
  const letters = Array.from({ length: 5 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
  return `${base} ${letters[0]}${letters.slice(1).toLowerCase()}`;
}

/**
 * Opens an app page and waits for the app's shell. The web build under a
 * running test server can be replaced while another build runs on the same
 * checkout; a page caught in between answers "404 Not Found", so load it again.
 */
export async function openApp(page: Page, path: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.goto(path);
    const shell = await page.locator('#main, main').first().waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
    if (shell) return;
    await page.waitForTimeout(3_000);
  }
  await expect(page.locator('#main, main').first(), `the app shell of ${path}`).toBeVisible();
}

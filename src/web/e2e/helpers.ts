import { expect, type Page, type APIRequestContext } from '@playwright/test';

/** Demo logins (override with E2E_* variables when the demo data names them differently). */
export const PASSWORD = process.env.E2E_PASSWORD ?? 'siklus-demo';
export const ADMIN = process.env.E2E_ADMIN ?? 'admin';

/** Logs in through the API; the session cookie lands in the page's browser context. */
export async function apiLogin(page: Page, username: string, password = PASSWORD): Promise<string> {
  const res = await page.request.post('/api/auth/login', { data: { username, password } });
  expect(res.status(), `login ${username}`).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return body.csrfToken;
}

/** A fresh API session of its own (for looking things up without touching the page's session). */
export async function apiAs(request: APIRequestContext, username: string, password = PASSWORD) {
  const res = await request.post('/api/auth/login', { data: { username, password } });
  expect(res.status(), `login ${username}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    get: async <T>(path: string): Promise<T> => {
      const r = await request.get(path);
      expect(r.ok(), `GET ${path}`).toBeTruthy();
      return (await r.json()) as T;
    },
    post: async <T>(path: string, data: unknown): Promise<T> => {
      const r = await request.post(path, { data, headers: { 'X-CSRF-Token': csrfToken } });
      expect(r.ok(), `POST ${path}: ${await r.text()}`).toBeTruthy();
      return (await r.json()) as T;
    },
  };
}

/** Puts the app in Indonesian (the default) before it loads. */
export async function useIndonesian(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!localStorage.getItem('siklus.locale')) localStorage.setItem('siklus.locale', 'id');
  });
}

/** The page has no horizontal scrolling (phones at 390 px), and no card or row spills over its edge. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  const spilling = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.card, .stat, .rtable tr, .dl dd, .page-head')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'table-row')
      .map((el) => `${el.className || el.tagName}: ${el.textContent?.trim().slice(0, 60)}`),
  );
  expect(spilling, 'elements wider than their box').toEqual([]);
}

export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 900;
}

/** Waits until no spinner is left on the page. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.spinner')).toHaveCount(0);
}

export const KADER = process.env.E2E_KADER ?? 'kader.mekarsari';

export interface ApiPerson {
  id: string;
  nik: string | null;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  areaCode: string;
  householdId: string | null;
}

/** A NIK for the given region, birth date and sex (women: day + 40), with a random serial. */
export function makeNik(region6: string, birthDate: string, sex: 'M' | 'F'): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const day = sex === 'F' ? d + 40 : d;
  const serial = 5000 + Math.floor(Math.random() * 4999);
  return `${region6}${String(day).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${serial}`;
}

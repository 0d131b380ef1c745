import { test, expect } from '@playwright/test';
import { ADMIN, KADER, apiAs, apiLogin, expectNoHorizontalScroll, useIndonesian, type ApiPerson } from './helpers';
import { isWithin } from '../../core/areas/codes';

test.beforeEach(async ({ page }) => {
  await useIndonesian(page);
});

test('a kader sees only their RW and cannot open a person outside it', async ({ page }) => {
  // What the kader may see, and someone outside it (looked up as admin).
  const kaderApi = await apiAs(page.context().request, KADER);
  const me = await kaderApi.get<{ user: { scope: { code: string; name: string }[]; place: { code: string } } }>('/api/auth/me');
  const scope = me.user.scope.map((s) => s.code);
  expect(scope.length).toBeGreaterThan(0);
  const adminApi = await apiAs(page.context().request, ADMIN);
  const { items } = await adminApi.get<{ items: ApiPerson[] }>('/api/people?pageSize=200');
  const outsider = items.find((p) => !scope.some((s) => isWithin(p.areaCode, s)));
  expect(outsider, 'a person outside the kader scope').toBeTruthy();

  await apiLogin(page, KADER);
  await page.goto('/households');
  const table = page.getByTestId('household-table');
  await expect(table).toBeVisible();
  await expectNoHorizontalScroll(page);
  // Every household listed lies in the kader's RW(s).
  const rwNumbers = me.user.scope.map((s) => /RW(\d{3})/.exec(s.code)?.[1]).filter(Boolean) as string[];
  const addresses = await table.locator('tbody tr td[data-label="Alamat"]').allInnerTexts();
  expect(addresses.length).toBeGreaterThan(0);
  for (const a of addresses) expect(rwNumbers.some((n) => a.includes(`RW ${n}`)), a).toBeTruthy();

  // The area browser of the kader's desa shows only the way to the RW.
  const village = scope[0]!.split('.').slice(0, 4).join('.');
  await page.goto(`/areas/${village}`);
  const children = page.getByTestId('area-children').locator('tbody tr');
  await expect(children.first()).toBeVisible();
  expect(await children.count()).toBeLessThanOrEqual(scope.length);

  // A person elsewhere: a clear message, no data.
  await page.goto(`/people/${outsider!.id}`);
  await expect(page.getByRole('heading', { name: 'Di luar wilayah Anda' })).toBeVisible();
  await expect(page.getByText('di luar wilayah Anda', { exact: false }).first()).toBeVisible();
  await expect(page.getByText(outsider!.name)).toHaveCount(0);
  await expectNoHorizontalScroll(page);
});

import { test, expect } from '@playwright/test';
import { apiLogin, useIndonesian } from './helpers';

/**
 * Puskesmas Siantan Tengah shares Kecamatan Pontianak Utara with two other
 * Puskesmas: its dashboards sum its two kelurahan only, the ranking lists
 * only them, and a kelurahan of another Puskesmas is refused.
 */
const OWN = ['61.71.04.1002', '61.71.04.1003'];

test('a Puskesmas sharing a kecamatan sees the kelurahan of its own work area only', async ({ page }) => {
  await useIndonesian(page);
  await apiLogin(page, 'kapus.siantantengah');

  const mine = await page.request.get('/api/indicators');
  expect(mine.status()).toBe(200);
  const body = (await mine.json()) as { area: { codes: string[] }; indicators: Array<{ id: string; numerator: number }> };
  expect([...body.area.codes].sort()).toEqual(OWN);
  expect(body.indicators.length).toBeGreaterThan(30);

  // Ranking the kecamatan's desa: only the two of the work area appear.
  const ranked = await page.request.get('/api/indicators/spm-04-balita/areas?area=61.71.04');
  expect(ranked.status()).toBe(200);
  const codes = ((await ranked.json()) as { areas: Array<{ code: string }> }).areas.map((a) => a.code).sort();
  expect(codes).toEqual(OWN);

  // Siantan Hulu belongs to another Puskesmas of the same kecamatan.
  expect((await page.request.get('/api/indicators?area=61.71.04.1001')).status()).toBe(403);
  expect((await page.request.get('/api/indicators/spm-04-balita/people?area=61.71.04.1001')).status()).toBe(403);

  await page.goto('/pws');
  await expect(page.getByTestId('pws-levels')).toContainText('Wilayah kerja Puskesmas Siantan Tengah');
  await expect(page.getByTestId('pws-card').first()).toBeVisible();
});

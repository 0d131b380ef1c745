import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian } from './helpers';

/**
 * The PWS dashboards in the browser over the demo's service histories: the
 * head of Puskesmas Tongauna opens the dashboard on the work area: Dashboard
 * Utama with numbers, klaster 2 with K1 (served, register, missed), the map
 * of the work area's desa from the imported boundaries in colour, the
 * ranking, the 12-month trend, and the drill-down from the served number to
 * the people and a person's record. An area outside the work area is
 * refused on the page.
 * Screenshots: .tmp/screenshots/{phone,desktop}-pws-*.png.
 */

const KAPUS = process.env.E2E_KAPUS ?? 'kapus.tongauna';
const NONE_FILL = '#d9dde3';

async function shot(page: Page, project: string, name: string) {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-pws-${name}.png`, fullPage: true });
}

test('a Puskesmas head reads the dashboards, the map and the people behind a number', async ({ page }, info) => {
  const project = info.project.name;

  await useIndonesian(page);
  await apiLogin(page, KAPUS);
  await page.goto('/pws');

  // Dashboard Utama: the programmes' traffic lights and the visit cards with numbers.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard PWS');
  await expect(page.getByTestId('pws-levels')).toContainText('Wilayah kerja Puskesmas Tongauna');
  await expect(page.getByTestId('pws-programmes')).toContainText('Klaster 2');
  const cards = page.getByTestId('pws-card');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByTestId('pws-card-number').first()).toHaveText(/^\d[\d.]*$/);
  await shot(page, project, '1-utama');

  // Klaster 2: K1 with the people served, the register and those missed; the coverage bar against the target to date.
  await page.getByTestId('pws-tab-klaster2').click();
  const k1 = page.locator('[data-testid="pws-card"][data-indicator="k2-k1"]');
  await expect(k1).toBeVisible();
  await expect(k1.getByTestId('pws-card-served')).toHaveText(/^[1-9][\d.]*$/);
  await expect(k1.getByTestId('pws-card-coverage')).toHaveText(/%$/);
  await expect(k1.getByTestId('pws-card-missed')).toHaveText(/^\d[\d.]*$/);
  const served = Number((await k1.getByTestId('pws-card-served').textContent())!.replace(/\D/g, ''));
  await k1.locator('.ind-head').click();
  await expect(page).toHaveURL(/ind=k2-k1/);

  // The map of the work area's desa from the imported boundaries, coloured by the figures.
  const map = page.getByTestId('pws-map');
  await expect(map).toBeVisible();
  const areas = map.locator('path.map-area');
  expect(await areas.count()).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Gradasi cakupan' }).click();
  const fills = await areas.evaluateAll((els) => els.map((e) => e.getAttribute('data-fill')));
  expect(fills.some((f) => f && f !== NONE_FILL), `fills ${fills.join(',')}`).toBe(true);
  await expect(page.getByTestId('pws-ranking').locator('.bar-row')).toHaveCount(await areas.count());
  await expect(page.getByTestId('pws-trend').locator('svg')).toBeVisible();
  await shot(page, project, '2-klaster2-map');

  // The people behind the number: as many as the card says, each name opening the person's record.
  await page.getByTestId('pws-drill-served').click();
  await expect(page).toHaveURL(/\/pws\/people\?/);
  await expect(page.locator('.count-pill')).toHaveText(String(served).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
  const link = page.getByTestId('pws-people').locator('a[href$="/record"]').first();
  await expect(link).toBeVisible();
  await shot(page, project, '3-people');
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('a Puskesmas user sees only its work area', async ({ page }, info) => {
  await useIndonesian(page);
  await apiLogin(page, KAPUS);
  // Kota Pontianak and another kecamatan of Konawe are outside Puskesmas Tongauna's work area.
  for (const area of ['61.71', '74.02.02']) {
    const res = await page.request.get(`/api/indicators?area=${area}`);
    expect(res.status(), area).toBe(403);
    await page.goto(`/pws?area=${area}`);
    await expect(page.getByTestId('pws-outside')).toContainText('Wilayah ini di luar wilayah kerja Anda.');
    await expect(page.getByTestId('pws-card')).toHaveCount(0);
  }
  await page.screenshot({ path: `.tmp/screenshots/${info.project.name}-pws-4-outside.png` });
  // Its own kecamatan: the desa of the work area only.
  const own = await page.request.get('/api/geo/boundaries?area=74.02&level=village');
  expect(own.status()).toBe(200);
  const codes = ((await own.json()) as { features: { properties: { code: string } }[] }).features.map((f) => f.properties.code);
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.every((c) => c.startsWith('74.02.15.'))).toBe(true);
});

test('Dinkes sees the kabupaten by kecamatan on the map and prints the SPM report', async ({ page }, info) => {
  const project = info.project.name;
  await useIndonesian(page);
  await apiLogin(page, process.env.E2E_DINKES ?? 'dinkes.konawe');
  await page.goto('/pws?tab=spm');
  await expect(page.getByTestId('pws-levels')).toContainText('Konawe');
  await expect(page.getByTestId('pws-card')).toHaveCount(12);
  // The kecamatan of Konawe from the imported boundaries (28 in the demo's shared files).
  const areas = page.getByTestId('pws-map').locator('path.map-area');
  await expect(areas).toHaveCount(28);
  await shot(page, project, '5-dinkes-spm');

  await page.getByTestId('pws-reports-link').click();
  await expect(page.getByTestId('report-title')).toContainText('STANDAR PELAYANAN MINIMAL');
  await expect(page.getByTestId('report-table').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('report-csv')).toHaveAttribute('href', /\/api\/reports\/spm\?area=74\.02&period=\d{4}-\d{2}&format=csv/);
  const xlsx = await page.request.get((await page.getByTestId('report-xlsx').getAttribute('href'))!);
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  await page.getByTestId('report-kind-pws').click();
  await expect(page.getByTestId('report-table').locator('thead th.group').first()).toBeVisible();
  await shot(page, project, '6-report-pws');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.report-controls')).toBeHidden();
  await expect(page.getByTestId('report-table')).toBeVisible();
});

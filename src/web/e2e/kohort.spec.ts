import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian } from './helpers';
import { household, isoDaysFrom, isoMonthsFrom, login, pastVisit, todayJakarta, uniqueName, type EventSpec } from './fieldwork-setup';

/**
 * The kohort registers in the browser, as the bidan of Kelurahan Mekar Sari:
 * a household made through the API (never the random demo population) with
 * a pregnant woman (K1 with the doctor), a child who turned 12 months on the
 * first of this month (kohort bayi last month, kohort balita this month,
 * weighed with no gain: T), and a grandfather with high blood pressure.
 * The page opens on the bidan's kelurahan and this month; each person is in
 * their tab with the mark the engine gives; last month moves the child to
 * the kohort bayi; the XLSX download is a ZIP with the server's file name.
 * Screenshots: .tmp/screenshots/{phone,desktop}-kohort-*.png.
 */

const BIDAN = process.env.E2E_BIDAN ?? 'bidan.mekarsari';
const weight = (kg: number): EventSpec => ({ kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: kg, unit: 'kg' });
const df = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const fmt = (iso: string) => df.format(new Date(`${iso}T00:00:00Z`));

async function shot(page: Page, project: string, name: string) {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-kohort-${name}.png`, fullPage: true });
}

test('a bidan reads the kohort registers of her kelurahan and downloads one as XLSX', async ({ page, request }, info) => {
  const api = await login(request, BIDAN);
  const today = todayJakarta();
  const thisMonth = today.slice(0, 7);
  const lastMonth = isoMonthsFrom(-1).slice(0, 7);
  // Twelve months old on the first of this month: on the kohort balita now, on the kohort bayi last month.
  const childBirth = `${isoMonthsFrom(-12).slice(0, 7)}-01`;
  const lmp = isoDaysFrom(-140);
  const k1 = isoDaysFrom(-70);
  const [grandpa, mother, child] = await household(api, [
    { name: uniqueName('La Ode Kohort'), sex: 'M', birthDate: isoMonthsFrom(-12 * 70 - 3), relationship: 'kepala' },
    { name: uniqueName('Siti Kohort'), sex: 'F', birthDate: isoMonthsFrom(-12 * 27), relationship: 'anak' },
    { name: uniqueName('Rafi Kohort'), sex: 'M', birthDate: childBirth, relationship: 'cucu' },
  ]);
  await pastVisit(api, mother!.id, k1, [
    { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp, gravida: 1, parity: 0 } },
    { kind: 'service', system: 'service', code: 'K1', value: { provider: 'doctor' } },
  ], 'pustu');
  // Weighed last month and today with the same weight: T (tidak naik).
  await pastVisit(api, child!.id, isoMonthsFrom(-1), [weight(9.1)]);
  await pastVisit(api, child!.id, today, [weight(9.1)]);
  await pastVisit(api, grandpa!.id, today, [{ kind: 'measurement', system: 'loinc', code: '85354-9', value: { systolic: 170, diastolic: 105 } }]);
  const me = await api.get<{ user: { place: { code: string } } }>('/api/auth/me');
  const village = me.user.place.code;

  await useIndonesian(page);
  await apiLogin(page, BIDAN);
  await page.goto('/kohort');
  const project = info.project.name;
  const row = (id: string) => page.locator(`[data-testid="kohort-table"] tr[data-person="${id}"]`);
  const cell = (id: string, col: string) => row(id).locator(`[data-col="${col}"]`);

  // Ibu (the first tab): the pregnant woman with her HPHT and K1.
  await expect(page.getByTestId('kohort-tab-ibu')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('kohort-heading')).toContainText('Kohort ibu · Kelurahan Mekar Sari');
  await expect(row(mother!.id)).toBeVisible();
  await expect(cell(mother!.id, 'nama')).toHaveText(mother!.name);
  await expect(cell(mother!.id, 'hpht')).toHaveText(fmt(lmp));
  await expect(cell(mother!.id, 'k1')).toHaveText(fmt(k1));
  await expect(cell(mother!.id, 'keterangan')).toHaveText('Hamil');
  await expect(row(child!.id)).toHaveCount(0);
  const count = Number((await page.getByTestId('kohort-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBe(await page.locator('[data-testid="kohort-table"] tbody tr').count());
  await shot(page, project, '1-ibu');

  // Balita this month: the child with today's weighing marked T in red.
  await page.getByTestId('kohort-tab-balita').click();
  await expect(row(child!.id)).toBeVisible();
  await expect(cell(child!.id, 'umur_bulan')).toHaveText('12');
  const nt = cell(child!.id, `nt_${thisMonth.slice(5)}`).locator('.class-pill');
  await expect(nt).toHaveText('T');
  await expect(nt).toHaveClass(/tone-danger/);
  await expect(row(mother!.id)).toHaveCount(0);
  await shot(page, project, '2-balita');
  // Scrolled to the last column inside its box: the name stays at the box's left edge, the page does not move sideways.
  const box = page.getByTestId('kohort-table-box');
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(async () => Math.abs((await cell(child!.id, 'nama').boundingBox())!.x - (await box.boundingBox())!.x)).toBeLessThan(2);
  const boxBB = (await box.boundingBox())!;
  const lastBB = (await cell(child!.id, 'keterangan').boundingBox())!;
  expect(lastBB.x).toBeGreaterThanOrEqual(boxBB.x);
  expect(lastBB.x + lastBB.width).toBeLessThanOrEqual(boxBB.x + boxBB.width + 1);
  await cell(child!.id, 'nama').scrollIntoViewIfNeeded();
  await shot(page, project, '2b-balita-scrolled');

  // Lansia: the grandfather's blood pressure with its class in colour.
  await page.getByTestId('kohort-tab-lansia').click();
  await expect(cell(grandpa!.id, 'td')).toHaveText('170/105');
  await expect(cell(grandpa!.id, 'td_kelas').locator('.class-pill')).toHaveClass(/tone-danger/);
  await shot(page, project, '3-lansia');

  // Last month: the child was still a bayi.
  await page.getByTestId('kohort-prev').click();
  await expect(page.locator('input[name="month"]')).toHaveValue(lastMonth);
  await expect(page.getByTestId('kohort-next')).toBeEnabled();
  await page.getByTestId('kohort-tab-bayi').click();
  await expect(row(child!.id)).toBeVisible();
  await expect(cell(child!.id, `bb_${lastMonth.slice(5)}`)).toHaveText('9,1');
  await page.getByTestId('kohort-tab-balita').click();
  await expect(page.getByTestId('kohort-heading')).toContainText('Kohort anak balita');
  await expect(row(child!.id)).toHaveCount(0);
  await page.getByTestId('kohort-tab-bayi').click();
  await expect(row(child!.id)).toBeVisible();
  await shot(page, project, '4-bayi-last-month');

  // The XLSX of that register.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kohort-xlsx').click()]);
  expect(download.suggestedFilename()).toBe(`kohort-bayi-${village.replaceAll('.', '')}-${lastMonth}.xlsx`);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // A future month cannot be chosen: the next button stops at this month, and a typed one is refused in words.
  await page.getByTestId('kohort-next').click();
  await expect(page.locator('input[name="month"]')).toHaveValue(thisMonth);
  await expect(page.getByTestId('kohort-next')).toBeDisabled();
  await page.locator('input[name="month"]').fill(isoMonthsFrom(2).slice(0, 7));
  await expect(page.getByText('Bulan ini belum dimulai. Pilih bulan berjalan atau sebelumnya.')).toBeVisible();
  await expect(page.getByTestId('kohort-table')).toHaveCount(0);
});

test('a district user picks the desa; a kader sees only the people of their RW', async ({ page }, info) => {
  await useIndonesian(page);
  await apiLogin(page, 'dinkes.konawe');
  await page.goto('/kohort');
  await expect(page.getByText('Pilih desa/kelurahan dulu')).toBeVisible();
  await page.locator('fieldset[data-field="village"] select[data-level="district"]').selectOption({ label: 'Tongauna' });
  await page.locator('fieldset[data-field="village"] select[data-level="village"]').selectOption({ label: 'Mekar Sari' });
  await page.getByTestId('kohort-tab-lansia').click();
  await expect(page.getByTestId('kohort-heading')).toHaveText('Kohort lansia · Kelurahan Mekar Sari');
  const all = await page.locator('[data-testid="kohort-table"] tbody tr').count();
  expect(all).toBeGreaterThan(0);
  await shot(page, info.project.name, '5-dinkes');

  await page.context().clearCookies();
  await apiLogin(page, 'kader.mekarsari');
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { place: { code: string } } };
  const rw = /\.RW(\d+)/.exec(me.user.place.code)![1]!;
  await page.goto('/kohort?kind=lansia');
  await expect(page.getByTestId('kohort-heading')).toHaveText('Kohort lansia · Kelurahan Mekar Sari');
  await expect(page.getByText(/Hanya warga .* yang tampil/)).toBeVisible();
  const addresses = await page.locator('[data-testid="kohort-table"] tbody [data-col="alamat"]').allTextContents();
  expect(addresses.length).toBeGreaterThan(0);
  expect(addresses.length).toBeLessThan(all);
  for (const a of addresses) expect(a).toContain(`RW ${rw}`);
  await shot(page, info.project.name, '6-kader');

  // A month before any record: the empty register says so in words.
  await page.goto('/kohort?month=2020-01');
  await expect(page.getByText('Belum ada ibu hamil atau nifas di Kelurahan Mekar Sari pada Januari 2020.')).toBeVisible();
  await expect(page.getByTestId('kohort-count')).toHaveText('0 ibu');
  await expect(page.getByTestId('kohort-xlsx')).toHaveCount(0);
  await shot(page, info.project.name, '7-empty');
});

test('a Puskesmas user chooses only among the desa of its work area', async ({ page }) => {
  await useIndonesian(page);
  // Puskesmas Siantan Tengah serves two of the four kelurahan of Kecamatan Pontianak Utara.
  await apiLogin(page, 'kapus.siantantengah');
  await page.goto('/kohort');
  const desa = page.locator('fieldset[data-field="village"] select[data-level="village"]');
  await expect(desa).toBeVisible();
  const offered = (await desa.locator('option').allTextContents()).slice(1);
  expect(offered.length).toBe(2);
  expect(offered.join(' ')).toMatch(/Siantan Tengah/);
  expect(offered.join(' ')).not.toMatch(/Siantan Hulu|Batulayang/);
});

import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian } from './helpers';

/**
 * Target groups (sasaran) of a desa: the estimate from the population beside
 * the by-name register and the gap to find; Dinkes sets a desa's figure and
 * the page follows; a bidan reads her own desa without choosing it.
 * Screenshots: .tmp/screenshots/{phone,desktop}-sasaran-*.png.
 */
async function shot(page: Page, project: string, name: string) {
  await settled(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-sasaran-${name}.png`, fullPage: true });
}

const row = (page: Page, group: string) => page.locator(`[data-testid="sasaran-table"] tr[data-group="${group}"]`);
const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

test('Dinkes sees both denominators of a desa and sets one target; the gap follows', async ({ page }, info) => {
  await useIndonesian(page);
  await apiLogin(page, 'dinkes.pontianak');
  await page.goto('/sasaran');
  await expect(page.getByText('Pilih desa/kelurahan dulu')).toBeVisible();
  await page.locator('fieldset[data-field="area"] select[data-level="district"]').selectOption({ label: 'Pontianak Utara' });
  await page.locator('fieldset[data-field="area"] select[data-level="village"]').selectOption({ label: 'Siantan Hulu' });

  const lansia = row(page, 'usia-lanjut');
  await expect(lansia).toBeVisible();
  const estimated = digits(await lansia.locator('td').nth(0).textContent());
  const register = digits(await lansia.locator('td').nth(3).locator('.num').textContent());
  expect(estimated).toBeGreaterThan(0);
  expect(register).toBeGreaterThan(0);
  await expect(page.getByTestId('sasaran-rates')).toContainText('Angka kelahiran kasar');
  await expect(page.getByTestId('sasaran-rates')).toContainText('belum terverifikasi');
  await expectNoHorizontalScroll(page);
  await shot(page, info.project.name, '1-dinkes');

  // The district sets the lansia target of this desa: "used" and the gap follow; clearing it restores the estimate.
  const target = register + 25;
  await lansia.locator('input').fill(String(target));
  await page.getByTestId('sasaran-save').click();
  await expect(page.getByText('Sasaran disimpan.')).toBeVisible();
  await expect(lansia.locator('td').nth(2)).toHaveText(new Intl.NumberFormat('id-ID').format(target));
  await expect(lansia.locator('td').nth(4)).toHaveText('25');
  await lansia.locator('input').fill('');
  await page.getByTestId('sasaran-save').click();
  await expect(lansia.locator('td').nth(2)).toHaveText(new Intl.NumberFormat('id-ID').format(estimated));

  // A typo in a rate is refused with the plausible range, and nothing changes.
  await page.locator('input[name="rate-cbr"]').fill('600');
  await page.getByTestId('rates-save').click();
  await expect(page.getByText('Nilai harus antara 1 dan 60.')).toBeVisible();
});

test('a bidan reads the targets of her own desa, without editing', async ({ page }, info) => {
  await useIndonesian(page);
  await apiLogin(page, 'bidan.mekarsari');
  await page.goto('/sasaran');
  await expect(row(page, 'balita')).toBeVisible();
  await expect(page.locator('fieldset[data-field="area"]')).toHaveCount(0);
  await expect(page.getByTestId('sasaran-save')).toHaveCount(0);
  await expect(row(page, 'balita').locator('input')).toHaveCount(0);
  // The gap links to the people of the register not yet served.
  await expect(row(page, 'balita').getByRole('link', { name: 'Belum dilayani' })).toHaveAttribute('href', /\/pws\/people\?ind=.*&area=74\.02\.15\.1005.*which=missed/);
  await expectNoHorizontalScroll(page);
  await shot(page, info.project.name, '2-bidan');
});

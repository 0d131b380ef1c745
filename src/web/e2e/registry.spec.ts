import { test, expect, type Page } from '@playwright/test';
import { ADMIN, apiAs, apiLogin, expectNoHorizontalScroll, makeNik, settled, useIndonesian } from './helpers';
import { nikRegionOf } from '../../core/areas/codes';

/** An RW (with households) inside the admin's scope, found through the API. */
async function someRw(page: Page): Promise<{ code: string; name: string }> {
  const api = await apiAs(page.context().request, ADMIN);
  const { items } = await api.get<{ items: { code: string; name: string; level: string }[] }>('/api/areas?level=rw&limit=20');
  expect(items.length, 'an RW in the demo data').toBeGreaterThan(0);
  return items[0]!;
}

test.beforeEach(async ({ page }) => {
  await useIndonesian(page);
});

test('register a household and a person (NIK warning confirmed), then edit the person', async ({ page }) => {
  const rw = await someRw(page);
  await apiLogin(page, ADMIN);
  const stamp = Date.now().toString().slice(-5);

  // A new household in that RW.
  await page.goto(`/households/new?area=${encodeURIComponent(rw.code)}`);
  const hhForm = page.getByTestId('household-form');
  await expect(hhForm).toBeVisible();
  await settled(page);
  await hhForm.getByLabel('Alamat').fill(`Jl. Uji Coba No. ${stamp}`);
  await expectNoHorizontalScroll(page);
  await hhForm.getByTestId('save').click();
  await expect(page.getByText('Belum ada anggota')).toBeVisible();
  await expect(page.locator('h1')).toHaveText('Keluarga');

  // Its first member: the NIK encodes another birth date, so a warning needs confirming.
  await page.getByTestId('add-member').click();
  const form = page.getByTestId('person-form');
  await expect(form).toBeVisible();
  const name = `Siti Uji ${stamp}`;
  const nik = makeNik(nikRegionOf(rw.code)!, '1990-05-01', 'F');
  await form.getByLabel('NIK').fill(nik);
  await form.getByLabel('Nama lengkap').fill(name);
  await form.getByText('Perempuan', { exact: true }).click();
  await form.getByLabel('Tanggal lahir', { exact: false }).first().fill('1990-05-02');
  await expect(form.getByTestId('warning-nik')).toContainText('Tanggal lahir pada NIK (01-05-90)');
  // The relationship defaults to head of household for the first member.
  await expect(form.getByLabel('Hubungan dalam keluarga')).toHaveValue('kepala');
  await expectNoHorizontalScroll(page);

  await form.getByTestId('save').click();
  await expect(page.getByTestId('form-error')).toContainText('Saya sudah memeriksa, tetap simpan');
  await form.getByLabel('Saya sudah memeriksa, tetap simpan').check();
  await form.getByTestId('save').click();

  // The person page.
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page.getByTestId('person-identity')).toContainText('2 Mei 1990');
  await expect(page.getByText('Peringatan yang sudah dikonfirmasi')).toBeVisible();

  // Edit: phone and place of birth; the change history shows the edits.
  await page.getByTestId('edit-person').click();
  await expect(form).toBeVisible();
  await form.getByLabel('Nomor HP').fill('0812 3456 7890');
  await form.getByLabel('Tempat lahir').fill('Kendari');
  await form.getByTestId('save').click();
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page.getByTestId('person-identity')).toContainText('Kendari');
  await expect(page.getByRole('link', { name: '081234567890' })).toBeVisible();
  const history = page.getByTestId('change-list');
  await expect(history).toContainText('Nomor HP');
  await expect(history).toContainText('Tempat lahir');
  await expect(history).toContainText('081234567890');

  // The household now has its head.
  await page.getByRole('link', { name: /^Keluarga Siti Uji/ }).first().click();
  await expect(page.locator('h1')).toHaveText(`Keluarga ${name}`);
  await expect(page.getByTestId('member-table')).toContainText('Kepala keluarga');
});

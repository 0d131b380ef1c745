import { test, expect } from '@playwright/test';
import { ADMIN, apiAs, apiLogin, useIndonesian, type ApiPerson } from './helpers';

test.beforeEach(async ({ page }) => {
  await useIndonesian(page);
});

test('bad input shows a message on each field; a duplicate NIK links to the existing person', async ({ page }) => {
  const api = await apiAs(page.context().request, ADMIN);
  const { items } = await api.get<{ items: ApiPerson[] }>('/api/people?q=&pageSize=50');
  const existing = items.find((p) => p.nik && p.householdId);
  expect(existing, 'a person with a NIK and a household').toBeTruthy();
  await apiLogin(page, ADMIN);

  await page.goto(`/people/new?household=${existing!.householdId}`);
  const form = page.getByTestId('person-form');
  await expect(form).toBeVisible();

  // Nothing filled: the required fields say so.
  await form.getByTestId('save').click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await expect(form.getByTestId('error-name')).toHaveText('Wajib diisi.');
  await expect(form.getByTestId('error-sex')).toHaveText('Wajib diisi.');
  await expect(form.getByTestId('error-birthDate')).toHaveText('Wajib diisi.');
  // The first wrong field gets the focus.
  await expect(form.getByLabel('Nama lengkap')).toBeFocused();

  // Wrong formats, shown while typing.
  await form.getByLabel('NIK').fill('12345');
  await form.getByLabel('NIK').blur();
  await expect(form.getByTestId('error-nik')).toContainText('NIK harus 16 digit angka (terisi 5 digit)');
  await form.getByLabel('Nomor HP').fill('12345');
  await form.getByLabel('Nomor HP').blur();
  await expect(form.getByTestId('error-phone')).toContainText('Nomor HP harus diawali 08 atau +62');
  await form.getByLabel('Nomor JKN/BPJS').fill('123');
  await form.getByLabel('Nomor JKN/BPJS').blur();
  await expect(form.getByTestId('error-jknNumber')).toContainText('13 digit');
  await form.getByLabel('Tanggal lahir', { exact: false }).first().fill('2099-01-01');
  await form.getByLabel('Tanggal lahir', { exact: false }).first().blur();
  await expect(form.getByTestId('error-birthDate')).toHaveText('Tanggal tidak boleh setelah hari ini.');
  await form.getByLabel('NIK').fill('9999990101900001');
  await expect(form.getByTestId('error-nik')).toContainText('Kode wilayah NIK (999999) tidak dikenal');

  // Fixed, but the NIK belongs to someone already registered: the server says so on the field, with a link.
  await form.getByLabel('Nomor HP').fill('');
  await form.getByLabel('Nomor JKN/BPJS').fill('');
  await form.getByLabel('NIK').fill(existing!.nik!);
  await form.getByLabel('Nama lengkap').fill(existing!.name);
  await form.getByText(existing!.sex === 'F' ? 'Perempuan' : 'Laki-laki', { exact: true }).click();
  await form.getByLabel('Tanggal lahir', { exact: false }).first().fill(existing!.birthDate);
  await expect(form.getByTestId('error-nik')).toHaveCount(0);
  await form.getByTestId('save').click();
  await expect(form.getByTestId('error-nik')).toContainText('sudah terdaftar');
  const link = page.getByTestId('duplicate-link');
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/people/${existing!.id}$`));
  await expect(page.locator('h1')).toHaveText(existing!.name);
});

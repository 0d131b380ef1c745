import { test, expect, type Page } from '@playwright/test';
import { ADMIN, apiAs, apiLogin, expectNoHorizontalScroll, settled, useIndonesian } from './helpers';

/** A desa/kelurahan with households, found through the API. */
async function someVillage(page: Page): Promise<{ code: string; name: string }> {
  const api = await apiAs(page.context().request, ADMIN);
  const { items } = await api.get<{ items: { code: string; name: string }[] }>('/api/areas?level=rw&limit=5');
  const code = items[0]!.code.split('.').slice(0, 4).join('.');
  const v = await api.get<{ area: { code: string; name: string } }>(`/api/areas/${code}`);
  return v.area;
}

test.beforeEach(async ({ page }) => {
  await useIndonesian(page);
});

test('admin adds an RW, a Posyandu covering it, and a kader bound to it; deactivates and resets', async ({ page }) => {
  const village = await someVillage(page);
  await apiLogin(page, ADMIN);
  const stamp = Date.now().toString().slice(-6);

  // A new RW under the desa, from the area browser.
  await page.goto(`/areas/${village.code}`);
  await page.getByTestId('add-subarea').click();
  const sub = page.getByTestId('subarea-form');
  await sub.getByLabel('Tingkat').selectOption('rw');
  const rwNumber = String(900 + Math.floor(Math.random() * 99));
  await sub.getByLabel('Nomor').fill(rwNumber);
  await sub.getByLabel('Nama').fill(`RW Uji ${stamp}`);
  await sub.getByRole('button', { name: 'Tambahkan' }).click();
  await expect(page.getByTestId('toast')).toHaveText('Wilayah ditambahkan');
  await expect(page.getByTestId('area-children')).toContainText(`RW Uji ${stamp}`);

  // A Posyandu in that RW: the form walks down the area tree.
  await page.goto(`/facilities/new?area=${village.code}.RW${rwNumber}&type=posyandu`);
  await page.getByLabel('Nama').first().fill(`Posyandu Uji ${stamp}`);
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.locator('h1')).toHaveText(`Posyandu Uji ${stamp}`);
  // Created in an RW, it covers that RW.
  await expect(page.getByRole('heading', { name: 'Wilayah kerja' })).toBeVisible();
  await expect(page.getByText(`RW Uji ${stamp}`).first()).toBeVisible();

  // A kader for it.
  await page.goto('/admin/users/new');
  const form = page.getByTestId('user-form');
  await form.getByLabel('Nama pengguna').fill(`kader.uji${stamp}`);
  await form.getByRole('textbox', { name: 'Nama', exact: true }).fill(`Kader Uji ${stamp}`);
  await form.getByLabel('Peran').selectOption('kader');
  const facilitySelect = form.getByLabel('Posyandu tempat tugas');
  const option = facilitySelect.locator('option', { hasText: `Posyandu Uji ${stamp}` });
  await facilitySelect.selectOption((await option.getAttribute('value'))!);
  await form.getByLabel('Kata sandi awal').fill('kata-sandi-uji');
  await form.getByTestId('save').click();
  await expect(page.locator('h1')).toHaveText(`Kader Uji ${stamp}`);
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();

  // Reset the password, then deactivate.
  await page.getByTestId('reset-password').click();
  await page.getByRole('dialog').getByLabel('Kata sandi baru').fill('kata-sandi-baru');
  await page.getByRole('dialog').getByRole('button', { name: 'Atur ulang kata sandi' }).click();
  await expect(page.getByTestId('toast')).toHaveText('Kata sandi diatur ulang');
  await page.getByTestId('deactivate').click();
  await page.getByTestId('confirm-deactivate').click();
  await expect(page.getByTestId('toast')).toHaveText('Pengguna dinonaktifkan');
  await expect(page.getByText('Nonaktif', { exact: true })).toBeVisible();

  // The new kader can no longer log in.
  const res = await page.context().request.post('/api/auth/login', { data: { username: `kader.uji${stamp}`, password: 'kata-sandi-baru' } });
  expect(res.status()).toBe(401);
});

test('audit log: who opened a person record', async ({ page }) => {
  await apiLogin(page, ADMIN);
  await page.goto('/search?q=siti');
  const first = page.getByTestId('search-people').locator('tbody tr').first().locator('.cell-primary a');
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page.locator('h1')).toHaveText(name);
  await page.getByRole('link', { name: /log audit/ }).click();
  await page.getByLabel('Tindakan').selectOption('read');
  const table = page.getByTestId('audit-table');
  await expect(table).toBeVisible();
  await expect(page.locator('.badge-primary', { hasText: name })).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText('Membuka');
  await expect(table.locator('tbody tr').first()).toContainText(name);
  await expectNoHorizontalScroll(page);
});

test('move a person to another household and record a death', async ({ page }) => {
  const api = await apiAs(page.context().request, ADMIN);
  const { items } = await api.get<{ items: { id: string; kkNumber: string | null; headName: string | null }[] }>('/api/households?pageSize=2&q=jl');
  expect(items.length).toBe(2);
  const [from, to] = items as [(typeof items)[0], (typeof items)[0]];
  const detail = await api.get<{ members: { id: string; name: string; status: string }[] }>(`/api/households/${from.id}`);
  const person = detail.members.find((m) => m.status === 'alive')!;
  await apiLogin(page, ADMIN);

  await page.goto(`/people/${person.id}/move`);
  const form = page.getByTestId('move-form');
  await form.getByLabel('Cari keluarga tujuan').fill(to.kkNumber ?? to.headName ?? '');
  await form.getByRole('listitem').filter({ hasText: to.headName ?? '' }).first().getByRole('button', { name: 'Pilih' }).click();
  await form.getByLabel('Hubungan dalam keluarga').selectOption('famili_lain');
  await form.getByRole('button', { name: 'Pindahkan' }).click();
  await expect(page.getByTestId('toast')).toHaveText('Kepindahan tersimpan');
  await expect(page.locator('h1')).toHaveText(person.name);
  await expect(page.getByRole('link', { name: `Keluarga ${to.headName}` }).first()).toBeVisible();
  await expect(page.getByTestId('change-list')).toContainText('Keluarga (KK)');

  // Died yesterday.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('set-status').click();
  const status = page.getByTestId('status-form');
  await status.getByText('Meninggal', { exact: true }).click();
  await status.getByRole('button', { name: 'Simpan' }).click();
  await expect(status.getByTestId('error-date')).toHaveText('Isi tanggal meninggal/pindah.');
  await status.getByLabel('Tanggal meninggal').fill(yesterday);
  await status.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Meninggal pada' })).toBeVisible();
});

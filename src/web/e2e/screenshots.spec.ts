import { test, expect } from '@playwright/test';
import { ADMIN, KADER, apiLogin, expectNoHorizontalScroll, settled, useIndonesian } from './helpers';

/**
 * Screenshots of the main pages at phone and desktop size, for looking at
 * (saved to .tmp/screenshots/, git-ignored). Each page is also checked for
 * horizontal scrolling.
 */
test('screenshots of the main pages', async ({ page }, info) => {
  const dir = '.tmp/screenshots';
  const shot = async (name: string) => {
    await settled(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${dir}/${info.project.name}-${name}.png`, fullPage: true });
    // What the user sees first, at real size.
    await page.screenshot({ path: `${dir}/${info.project.name}-${name}-top.png` });
  };
  await useIndonesian(page);

  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await shot('01-login');

  await apiLogin(page, ADMIN);
  await page.goto('/');
  await expect(page.getByTestId('home-counts')).not.toContainText('…');
  await shot('02-home');

  // Walk down the area tree to the deepest level that has households.
  await page.getByTestId('shortcut-area').click();
  await expect(page.getByTestId('area-children')).toBeVisible();
  await shot('03-area');
  for (let i = 0; i < 6; i++) {
    const rows = page.getByTestId('area-children').locator('tbody tr');
    if ((await rows.count()) === 0) break;
    // Prefer a child with households.
    const withHouseholds = rows.filter({ hasNot: page.locator('td:nth-child(3):text-is("0")') });
    const target = (await withHouseholds.count()) ? withHouseholds.first() : rows.first();
    await target.locator('.cell-primary a').click();
    await settled(page);
  }
  await shot('04-area-deep');

  await page.getByTestId('area-households').click();
  await expect(page.getByTestId('household-table')).toBeVisible();
  await shot('05-households');

  await page.getByTestId('household-table').locator('tbody tr').first().locator('.cell-primary a').click();
  await expect(page.getByTestId('member-table')).toBeVisible();
  await shot('06-household');

  await page.getByTestId('member-table').locator('tbody tr').first().locator('.cell-primary a').click();
  await expect(page.getByTestId('person-identity')).toBeVisible();
  await expect(page.getByTestId('change-list').or(page.getByText('Belum ada perubahan'))).toBeVisible();
  await shot('07-person');

  await page.getByTestId('edit-person').click();
  await expect(page.getByTestId('person-form')).toBeVisible();
  await shot('08-person-form');

  await page.goto('/facilities');
  await expect(page.getByTestId('facility-table')).toBeVisible();
  await shot('09-facilities');

  await page.goto('/admin/users');
  await expect(page.getByTestId('user-table')).toBeVisible();
  await shot('10-users');

  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await shot('11-audit');
});

test('screenshots of the secondary pages', async ({ page }, info) => {
  const dir = '.tmp/screenshots';
  const shot = async (name: string) => {
    await settled(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${dir}/${info.project.name}-${name}.png`, fullPage: true });
  };
  await useIndonesian(page);
  await apiLogin(page, ADMIN);

  await page.goto('/search');
  await page.getByLabel('Cari nama, NIK, atau nomor KK').fill('siti');
  await expect(page.getByTestId('search-people')).toBeVisible();
  await shot('20-search');

  await page.goto('/facilities?type=puskesmas');
  await page.getByTestId('facility-table').locator('tbody tr').first().locator('.cell-primary a').click();
  await expect(page.getByRole('heading', { name: 'Wilayah kerja' })).toBeVisible();
  await shot('21-facility');

  await page.getByRole('link', { name: 'Ubah' }).click();
  await expect(page.getByLabel('Nama', { exact: false }).first()).toBeVisible();
  await shot('22-facility-form');

  await page.goto('/households/new');
  await expect(page.getByTestId('household-form')).toBeVisible();
  await shot('23-household-form');

  await page.goto('/admin/users/new');
  await page.getByLabel('Peran').selectOption('kader');
  await shot('24-user-form');

  await page.goto('/admin/places?tab=areas');
  await shot('25-places');

  await page.goto(isPhoneSize(info.project.name) ? '/menu' : '/account');
  await shot('26-menu-account');

  await page.goto('/search?q=siti');
  await page.getByTestId('search-people').locator('tbody tr').first().locator('.cell-primary a').click();
  await page.getByTestId('set-status').click();
  await expect(page.getByTestId('status-form')).toBeVisible();
  await page.getByText('Meninggal', { exact: true }).click();
  await page.screenshot({ path: `${dir}/${info.project.name}-27-status-dialog.png` });
  await page.keyboard.press('Escape');
  await page.getByTestId('move-person').click();
  await expect(page.getByTestId('move-form')).toBeVisible();
  await shot('28-move');
});

function isPhoneSize(project: string): boolean {
  return project === 'phone';
}

test('screenshots of a kader\'s day', async ({ page }, info) => {
  const dir = '.tmp/screenshots';
  const shot = async (name: string) => {
    await settled(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${dir}/${info.project.name}-${name}.png`, fullPage: true });
  };
  await useIndonesian(page);
  await apiLogin(page, KADER);
  await page.goto('/');
  await expect(page.getByTestId('home-counts')).not.toContainText('…');
  await shot('30-kader-home');
  await page.goto('/households');
  await expect(page.getByTestId('household-table')).toBeVisible();
  await shot('31-kader-households');
});

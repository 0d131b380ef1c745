import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian, KADER } from './helpers';
import { household, isoMonthsFrom, login, uniqueName, openApp } from './fieldwork-setup';

/**
 * A referral's round trip: the kader refers a child from her Posyandu to the
 * Puskesmas; the Puskesmas (the klaster user, in a browser of its own) finds
 * it in the inbox, receives it, records what was done and back-refers with
 * instructions; the kader then sees the instructions on the referral, on her
 * home page's counters, in her outbox and in the child's record.
 */
const PUSKESMAS_USER = process.env.E2E_KLASTER ?? 'klaster.tongauna';

async function shot(page: Page, name: string, project: string) {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-referral-${name}.png`, fullPage: true });
}

test('referral round trip: Posyandu → Puskesmas → back-referral seen by the kader', async ({ page, request, browser }, info) => {
  test.setTimeout(180_000);
  const p = info.project.name;
  const api = await login(request, KADER);
  const childName = uniqueName('Anak Rujukan');
  const [, child] = await household(api, [
    { name: uniqueName('Ibu Rujukan'), sex: 'F', birthDate: '1994-09-09', relationship: 'kepala' },
    { name: childName, sex: 'M', birthDate: isoMonthsFrom(-20), relationship: 'anak' },
  ]);
  const reason = `Berat badan tidak naik 3 kali berturut-turut (${childName})`;
  const instructions = 'Beri PMT pemulihan 90 hari; timbang tiap 2 minggu di Posyandu; kembali ke Puskesmas bila berat tidak naik.';

  // The kader refers the child from her Posyandu.
  await useIndonesian(page);
  await apiLogin(page, KADER);
  await openApp(page, `/referrals/new?personId=${child!.id}`);
  const form = page.getByTestId('referral-form');
  await expect(form).toBeVisible();
  const to = form.locator('select[name="toFacilityId"]');
  const puskesmas = await to.locator('option', { hasText: 'Puskesmas Tongauna' }).first().getAttribute('value');
  expect(puskesmas, 'Puskesmas Tongauna is a target of the Posyandu').toBeTruthy();
  await to.selectOption(puskesmas!);
  await form.locator('input[name="urgency"][value="urgent"]').check();
  await form.locator('textarea[name="reason"]').fill(reason);
  await form.locator('input[name="findings.0.key"]').fill('Berat badan');
  await form.locator('input[name="findings.0.value"]').fill('9,1 kg');
  await shot(page, '01-new', p);
  await form.getByTestId('referral-submit').click();
  await expect(page.getByRole('heading', { name: childName })).toBeVisible();
  await expect(page.getByTestId('referral-details')).toContainText('Puskesmas Tongauna');
  const referralUrl = page.url();
  expect(referralUrl).toMatch(/\/referrals\/[0-9a-f-]{36}$/);

  // The Puskesmas, in a browser of its own.
  const puskesmasCtx = await browser.newContext({ ...info.project.use, baseURL: info.project.use.baseURL });
  try {
    const pk = await puskesmasCtx.newPage();
    await useIndonesian(pk);
    await apiLogin(pk, PUSKESMAS_USER);
    await openApp(pk, '/referrals');
    await settled(pk);
    const link = pk.getByTestId('referral-link').filter({ hasText: childName });
    await expect(link).toHaveCount(1);
    await shot(pk, '02-inbox', p);
    await link.click();
    await expect(pk.getByText(reason)).toBeVisible();

    await pk.getByTestId('action-receive').click();
    await pk.getByTestId('action-submit').click();
    await expect(pk.getByTestId('action-handle')).toBeVisible();

    // Instructions are required: an empty back-referral is refused beside the field.
    await pk.getByTestId('action-handle').click();
    await pk.getByTestId('form-handle').locator('textarea[name="outcome"]').fill('Gizi kurang (BB/TB < −2 SD), tanpa penyakit penyerta; konseling gizi.');
    await pk.getByTestId('action-submit').click();
    await expect(pk.getByTestId('action-back_refer')).toBeVisible();
    await pk.getByTestId('action-back_refer').click();
    await pk.getByTestId('action-submit').click();
    await expect(pk.getByTestId('form-back_refer').locator('.field-error')).toBeVisible();
    await pk.getByTestId('form-back_refer').locator('textarea[name="instructions"]').fill(instructions);
    await pk.getByTestId('action-submit').click();
    await expect(pk.getByTestId('back-referral')).toContainText(instructions);
    await expect(pk.getByTestId('referral-steps').locator('li')).toHaveCount(4);
    await shot(pk, '03-back-referred', p);
  } finally {
    await puskesmasCtx.close();
  }

  // The kader: the home page counts the back-referral; the outbox, the referral and the child's record show the instructions.
  await openApp(page, '/');
  const counters = page.getByTestId('home-referrals');
  await expect(counters).toBeVisible();
  const back = counters.locator('.stat').filter({ hasText: /rujuk balik/i });
  await expect(back).toHaveCount(1);
  expect(Number((await back.locator('.stat-value').innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
  await back.click();
  const row = page.getByTestId('referral-link').filter({ hasText: childName });
  await expect(row).toHaveCount(1);
  await shot(page, '04-outbox', p);
  await row.click();
  await expect(page.getByTestId('back-referral')).toContainText(instructions);
  await shot(page, '05-kader-sees', p);

  await openApp(page, `/people/${child!.id}/record`);
  await expect(page.getByText(instructions).first()).toBeVisible();
  await shot(page, '06-record', p);
});

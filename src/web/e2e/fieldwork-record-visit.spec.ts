import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian, KADER } from './helpers';
import { household, isoDaysFrom, isoMonthsFrom, login, pastVisit, uniqueName } from './fieldwork-setup';

/**
 * "Catat kunjungan" for a baby: what is due shows first, a value that is
 * not a number is refused beside its field, a weight half of last month's is
 * a warning the kader must confirm explicitly, and the saved visit updates
 * what is due. Screenshots at both sizes go to .tmp/screenshots/.
 */
const WEIGHT = '29463-7';

async function shot(page: Page, name: string, project: string) {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-fw-${name}.png`, fullPage: true });
}

test('record a visit: due items, a validation error, a warning to confirm, saved', async ({ page, request }, info) => {
  const api = await login(request, KADER);
  const babyName = uniqueName('Bayi Uji');
  // A girl of 3 months and 10 days: DPT-HB-Hib 1 at 2 months (so dose 2 is due), weighed 28 days ago at 6.2 kg.
  const birth = isoDaysFrom(-10, isoMonthsFrom(-3));
  const [, baby] = await household(api, [
    { name: uniqueName('Ibu Uji'), sex: 'F', birthDate: '1995-04-12', relationship: 'kepala' },
    { name: babyName, sex: 'F', birthDate: birth, relationship: 'anak' },
  ]);
  await pastVisit(api, baby!.id, isoMonthsFrom(2, birth), [
    { kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: 5.6, unit: 'kg' },
    { kind: 'immunization', system: 'antigen', code: 'DPT-HB-Hib', value: { dose: 1 } },
  ]);
  await pastVisit(api, baby!.id, isoDaysFrom(-28), [{ kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: 6.2, unit: 'kg' }]);

  await useIndonesian(page);
  await apiLogin(page, KADER);
  await page.goto(`/people/${baby!.id}/visit`);
  await expect(page.getByRole('heading', { name: babyName })).toBeVisible();
  await expect(page.getByTestId('person-due')).toContainText('DPT-HB-Hib');
  await expect(page.getByTestId('section-measure')).toBeVisible();
  await expect(page.getByTestId('section-immunization')).toBeVisible();
  await shot(page, '01-record-visit', info.project.name);

  // Text where a number belongs: refused beside the field, nothing sent.
  const weight = page.getByTestId('section-measure').locator('input[name="measure.weight"]');
  await weight.fill('tiga');
  await page.getByTestId('save-visit').click();
  await expect(page.getByTestId('error-measure.weight')).toContainText('angka');
  await expect(page.getByTestId('form-error')).toBeVisible();

  // Half last month's weight: core's plausibility warning, shown while typing, confirmed explicitly.
  await weight.fill('3,1');
  await expect(page.getByTestId('warning-measure.weight')).toBeVisible();
  await expect(page.getByTestId('confirm-warnings')).toContainText(/6[.,]2 kg/);
  await page.getByTestId('save-visit').click();
  await expect(page.getByTestId('form-error')).toContainText(/konfirmasi|centang|periksa/i);
  await expect(page.getByTestId('visit-saved')).toHaveCount(0);
  await shot(page, '02-record-visit-warning', info.project.name);

  // The live preview: preliminary category and direction T.
  await expect(page.getByTestId('anthro-preview')).toBeVisible();
  await expect(page.getByTestId('preview-direction')).toContainText('T');

  // Give the due dose too, with its batch.
  await page.getByTestId('give-DPT-HB-Hib-2').check();
  await page.locator('input[name^="vaccines."][name$=".batch"]').fill('B2231A');

  await page.locator('input[name="confirmWarnings"]').check();
  await page.getByTestId('save-visit').click();
  const saved = page.getByTestId('visit-saved');
  await expect(saved).toBeVisible();
  await expect(saved).toContainText('3,1 kg');
  await expect(saved).toContainText('batch B2231A');
  await expect(saved).toContainText('peringatan dikonfirmasi');
  // The dose is no longer due.
  await expect(page.getByTestId('person-due')).not.toContainText('DPT-HB-Hib 2');
  await shot(page, '03-record-visit-saved', info.project.name);

  // Stored once, with the confirmed warning on the weight.
  const events = await api.get<{ items: { code: string; valueNum: number | null; warnings: unknown[] | null }[] }>(`/api/people/${baby!.id}/events?kind=measurement&code=${WEIGHT}`);
  const w = events.items.filter((e) => e.valueNum === 3.1);
  expect(w).toHaveLength(1);
  expect(w[0]!.warnings?.length).toBeGreaterThan(0);
});

import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian, KADER } from './helpers';
import { household, isoDaysFrom, isoMonthsFrom, login, pastVisit, uniqueName } from './fieldwork-setup';

/**
 * Screenshots of the recording forms section by section (a full page of a
 * phone is too tall to judge at once), saved to .tmp/screenshots/ for
 * looking at; each view is also checked for horizontal scrolling.
 */
async function section(page: Page, testId: string, name: string, project: string) {
  const el = page.getByTestId(testId);
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: `.tmp/screenshots/${project}-fw-part-${name}.png` });
}

test('recording form sections', async ({ page, request }, info) => {
  const api = await login(request, KADER);
  const birth = isoDaysFrom(-10, isoMonthsFrom(-3));
  const [mother, baby, grandma] = await household(api, [
    { name: uniqueName('Ibu Foto'), sex: 'F', birthDate: '1996-02-10', relationship: 'kepala' },
    { name: uniqueName('Bayi Foto'), sex: 'M', birthDate: birth, relationship: 'anak' },
    { name: uniqueName('Nenek Foto'), sex: 'F', birthDate: '1950-06-01', relationship: 'orang_tua' },
  ]);
  await pastVisit(api, baby!.id, isoMonthsFrom(2, birth), [
    { kind: 'measurement', system: 'loinc', code: '29463-7', valueNum: 5.6, unit: 'kg' },
    { kind: 'immunization', system: 'antigen', code: 'DPT-HB-Hib', value: { dose: 1 } },
  ]);
  await pastVisit(api, mother!.id, isoDaysFrom(-150), [{ kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp: isoDaysFrom(-190) } }]);
  await useIndonesian(page);
  await apiLogin(page, KADER);
  const p = info.project.name;

  await page.goto(`/people/${baby!.id}/visit`);
  await settled(page);
  await page.screenshot({ path: `.tmp/screenshots/${p}-fw-part-baby-top.png` });
  await page.locator('input[name="measure.weight"]').fill('6,1');
  await page.locator('input[name="measure.lengthHeight"]').fill('58,5');
  await expect(page.getByTestId('anthro-preview')).toBeVisible();
  await section(page, 'section-measure', 'measure', p);
  await page.getByTestId('give-DPT-HB-Hib-2').check();
  await section(page, 'section-immunization', 'immunization', p);
  await expectNoHorizontalScroll(page);

  await page.goto(`/people/${grandma!.id}/visit`);
  await settled(page);
  await page.screenshot({ path: `.tmp/screenshots/${p}-fw-part-elder-top.png` });
  await expect(page.getByTestId('questionnaire-skilas')).toBeVisible();
  const skilas = page.getByTestId('questionnaire-skilas');
  for (const q of await skilas.locator('.fw-yesno').all()) await q.getByText('Tidak', { exact: true }).click();
  await skilas.locator('input[name="skilas.mobility.chairStandSeconds"]').fill('18');
  await expect(page.getByTestId('result-skilas')).toBeVisible();
  await section(page, 'questionnaire-skilas', 'skilas', p);
  // Blood pressure is due for an elder, so the vitals form opens by itself (no "add" button for it).
  await expect(page.getByTestId('section-vitals')).toBeVisible();
  await expect(page.getByTestId('add-section-vitals')).toHaveCount(0);
  await page.locator('input[name="vitals.systolic"]').fill('165');
  await page.locator('input[name="vitals.diastolic"]').fill('95');
  await page.locator('input[name="vitals.glucose"]').fill('210');
  await section(page, 'section-vitals', 'vitals', p);
  await expectNoHorizontalScroll(page);

  await page.goto(`/people/${mother!.id}/visit`);
  await settled(page);
  await page.screenshot({ path: `.tmp/screenshots/${p}-fw-part-mother-top.png` });
  await page.getByTestId('anc-record').check();
  await section(page, 'section-anc', 'anc', p);
  await expectNoHorizontalScroll(page);
});

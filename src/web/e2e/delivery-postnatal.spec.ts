import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian } from './helpers';
import { household, isoDaysFrom, isoMonthsFrom, login, pastVisit, uniqueName } from './fieldwork-setup';

/**
 * The stages the Posyandu-day test does not walk through, recorded in the
 * browser by the bidan of Pustu Mekar Sari: a delivery (bersalin) that
 * registers the baby as a new person linked to the mother; the newborn's
 * KN1 and HB0 and the mother's KF1, due at once and recorded at the
 * Puskesmas; and a school-age child's yearly screenings (usia sekolah).
 * Each saved visit must take its items off the person's due list.
 * Screenshots: .tmp/screenshots/{phone,desktop}-fw-birth-*.png.
 */
const BIDAN = process.env.E2E_BIDAN ?? 'bidan.mekarsari';

async function shot(page: Page, project: string, name: string) {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-fw-birth-${name}.png`, fullPage: true });
}

/** The section of the recorder, opened with its "add" button when nothing in it is due. */
async function section(page: Page, id: string) {
  const s = page.getByTestId(`section-${id}`);
  if (!(await s.isVisible())) await page.getByTestId(`add-section-${id}`).click();
  await expect(s).toBeVisible();
  return s;
}

const radio = (page: Page, name: string, value: string) => page.locator(`label:has(input[name="${name}"][value="${value}"])`).click();

async function openRecorder(page: Page, personId: string, name: string) {
  await page.goto(`/people/${personId}/visit`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await settled(page);
}

test('a birth and the days after: delivery registers the baby; KN1, HB0 and KF1 recorded; a school child screened', async ({ page, request }, info) => {
  const api = await login(request, BIDAN);
  const p = info.project.name;
  const motherName = uniqueName('Ibu Bersalin');
  const childName = uniqueName('Anak Sekolah');
  // A mother at 39 weeks (registered at 10 weeks) and her 9-year-old son.
  const lmp = isoDaysFrom(-39 * 7);
  const [mother, child] = await household(api, [
    { name: motherName, sex: 'F', birthDate: '1994-03-15', relationship: 'kepala' },
    { name: childName, sex: 'M', birthDate: isoDaysFrom(-20, isoMonthsFrom(-9 * 12)), relationship: 'anak' },
  ]);
  await pastVisit(api, mother!.id, isoDaysFrom(70, lmp), [
    { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp, gravida: 2, parity: 1 } },
    { kind: 'service', system: 'service', code: 'K1', value: { provider: 'doctor' } },
  ], 'puskesmas');

  await useIndonesian(page);
  await apiLogin(page, BIDAN);

  // The delivery: at a facility, by a midwife, a live-born boy of 3,100 g and 49 cm.
  await openRecorder(page, mother!.id, motherName);
  await radio(page, 'placeKind', 'puskesmas');
  // Near term, many sections are open: the row at the top of the form reaches the delivery in one tap.
  await page.getByTestId('jump-delivery').click();
  await expect(page.getByTestId('section-delivery').getByRole('heading')).toBeInViewport();
  const delivery = await section(page, 'delivery');
  await delivery.locator('input[name="delivery.record"]').check();
  await radio(page, 'delivery.place', 'facility');
  await radio(page, 'delivery.attendant', 'midwife');
  await radio(page, 'delivery.outcome', 'live-birth');
  const birth = delivery.getByTestId('birth-row');
  await expect(birth).toHaveCount(1);
  const babyName = uniqueName('Bayi Ny');
  await birth.locator('label:has(input[value="M"])').click();
  await birth.locator('input[name$=".name"]').fill(babyName);
  await birth.locator('input[name$=".weightGrams"]').fill('3100');
  await birth.locator('input[name$=".lengthCm"]').fill('49');
  await shot(page, p, '01-delivery');
  await page.getByTestId('save-visit').click();
  const saved = page.getByTestId('visit-saved');
  await expect(saved).toBeVisible();
  await expect(saved).toContainText('Lahir hidup · Fasilitas kesehatan · Bidan · Bayi 1: Laki-laki, 3.100 g, 49 cm');
  // The baby is registered, linked from the saved visit, and is the mother's child in her household.
  const babyLink = saved.getByRole('link', { name: babyName });
  await expect(babyLink).toBeVisible();
  await shot(page, p, '02-delivery-saved');
  // The mother is now in the nifas stage, KF1 due today.
  await expect(page.getByTestId('person-due')).toContainText('KF1');
  await babyLink.click();
  await expect(page.getByRole('heading', { name: babyName })).toBeVisible();
  const babyId = /\/people\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const people = await api.get<{ person: { motherId: string | null; householdId: string | null; birthDate: string; sex: string } }>(`/api/people/${babyId}`);
  expect(people.person).toMatchObject({ motherId: mother!.id, householdId: mother!.householdId, birthDate: isoDaysFrom(0), sex: 'M' });

  // The newborn: KN1 and HB0 due on the day of birth; recorded at the Puskesmas with the weight.
  await openRecorder(page, babyId, babyName);
  const due = page.getByTestId('person-due');
  await expect(due).toContainText('KN1');
  await expect(due).toContainText('HB0');
  await radio(page, 'placeKind', 'puskesmas');
  const postnatal = await section(page, 'postnatal');
  await postnatal.locator('select[name="postnatal.code"]').selectOption('KN1');
  await postnatal.locator('textarea[name="postnatal.findings"]').fill('Menyusu kuat, tali pusat kering');
  await page.getByTestId('give-HB0-1').check();
  await page.locator('input[name^="vaccines."][name$=".batch"]').fill('HB0-2291');
  await shot(page, p, '03-newborn');
  await page.getByTestId('save-visit').click();
  await expect(page.getByTestId('visit-saved')).toContainText('KN1');
  await expect(due).not.toContainText('KN1');
  await expect(due).not.toContainText('HB0');
  await shot(page, p, '04-newborn-saved');

  // The mother's first postnatal visit (KF1), the same day.
  await openRecorder(page, mother!.id, motherName);
  await expect(due).toContainText('KF1');
  await radio(page, 'placeKind', 'puskesmas');
  const kf = await section(page, 'postnatal');
  await kf.locator('select[name="postnatal.code"]').selectOption('KF1');
  await page.getByTestId('save-visit').click();
  await expect(page.getByTestId('visit-saved')).toContainText('KF1');
  await expect(due).not.toContainText('KF1');
  const schedule = await api.get<{ stages: { id: string }[]; entries: { item: string; status: string }[] }>(`/api/people/${mother!.id}/schedule`);
  expect(schedule.stages.map((x) => x.id)).toContain('nifas');
  expect(schedule.entries.find((e) => e.item === 'pnc.kf1')?.status).toBe('done');

  // The school-age brother: this year's screenings (weight and height for obesity, blood pressure) are due and taken.
  await openRecorder(page, child!.id, childName);
  // (Last year's screenings are listed as missed, under their year.)
  const year = isoDaysFrom(0).slice(0, 4);
  const obesity = `Skrining obesitas (BB, TB) · ${year}`;
  const hypertension = `Skrining hipertensi (tekanan darah) · ${year}`;
  await expect(due).toContainText(obesity);
  await expect(due).toContainText(hypertension);
  await radio(page, 'placeKind', 'pustu');
  await (await section(page, 'measure')).locator('input[name="measure.weight"]').fill('27,5');
  await page.locator('input[name="measure.lengthHeight"]').fill('131');
  await (await section(page, 'vitals')).locator('input[name="vitals.systolic"]').fill('104');
  await page.locator('input[name="vitals.diastolic"]').fill('66');
  await shot(page, p, '05-school-child');
  await page.getByTestId('save-visit').click();
  await expect(page.getByTestId('visit-saved')).toBeVisible();
  await expect(due).not.toContainText(obesity);
  await expect(due).not.toContainText(hypertension);
  await expect(due).toContainText(`Skrining penglihatan · ${year}`);
  await shot(page, p, '06-school-child-saved');
});

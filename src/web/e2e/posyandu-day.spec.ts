import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian, KADER } from './helpers';
import { household, isoDaysFrom, isoMonthsFrom, login, makeKk, pastVisit, uniqueName, type Api, openApp } from './fieldwork-setup';

/**
 * A whole Posyandu day at 390×844 for a mixed group made through the API in
 * the demo kader's RW: a pregnant woman due for K4, a baby due for
 * DPT-HB-Hib 2, a stunted balita, an elder due for SKILAS, and a second baby
 * who does not come. The demo population of the RW is expected too, so the
 * counts are asserted relative to these people only.
 *
 * One session per Posyandu and date: the day can be run once per server, so
 * this runs on the phone project only.
 */
const WEIGHT = '29463-7';
const LENGTH = '8306-3';
const HEIGHT = '8302-2';

interface Schedule {
  entries: { item: string; label: string; status: string }[];
  stages: { id: string }[];
}

async function expectDue(api: Api, personId: string, item: RegExp): Promise<void> {
  const s = await api.get<Schedule>(`/api/people/${personId}/schedule`);
  const open = s.entries.filter((e) => e.status === 'due' || e.status === 'overdue').map((e) => e.item);
  expect(open.some((i) => item.test(i)), `${item} open in ${open.join(', ')}`).toBe(true);
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/phone-posyandu-${name}.png`, fullPage: true });
}

/** Types a query at registration; the person's row must appear within 2 s, the server answering within 1 s. */
async function find(page: Page, query: string, personId: string): Promise<void> {
  const search = page.getByTestId('registration-search');
  await search.fill('');
  const answer = page.waitForResponse((r) => r.url().includes('/api/people?') && new URL(r.url()).searchParams.get('q') === query);
  const t0 = Date.now();
  await search.fill(query);
  // waitFor watches the page itself (expect's retries would add their own back-off to the time).
  await page.getByTestId(`attend-${personId}`).waitFor({ state: 'visible' });
  const shown = Date.now() - t0;
  const res = await answer;
  const timing = res.request().timing();
  const serverMs = timing.responseEnd - timing.requestStart;
  // The 250 ms typing pause is part of the 2 s; the server's share must stay under a second.
  expect(serverMs, `search "${query}" answered in ${Math.round(serverMs)} ms`).toBeLessThan(1000);
  expect(shown, `search "${query}" shown after ${shown} ms`).toBeLessThan(2000);
}

async function arrive(page: Page, query: string, personId: string, name: string): Promise<void> {
  await find(page, query, personId);
  await page.getByTestId(`attend-${personId}`).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function save(page: Page): Promise<void> {
  await page.getByTestId('save-visit').click();
  await expect(page.getByTestId('visit-saved')).toBeVisible();
}

async function backToSession(page: Page): Promise<void> {
  await page.getByTestId('back-to-session').click();
  // The session page reloads the RW's expected list (hundreds of people); allow a busy CI machine time.
  await expect(page.getByTestId('registration-search')).toBeVisible({ timeout: 30_000 });
}

test('a Posyandu day for a mixed group: registration, steps by stage, summary and absentees', async ({ page, request }, info) => {
  test.setTimeout(240_000);
  // One Posyandu day per Posyandu and date on a server: the desktop run works in the demo's Pontianak Posyandu.
  const kader = info.project.name === 'phone' ? KADER : 'kader.siantanhulu';
  const api = await login(request, kader);

  // Elder, her pregnant daughter and a stunted grandson, in a household with a KK number.
  const kk = makeKk();
  const balitaBirth = isoMonthsFrom(-30);
  const [elder, mother, balita] = await household(
    api,
    [
      { name: uniqueName('Nenek Posyandu'), sex: 'F', birthDate: '1955-03-14', relationship: 'kepala' },
      { name: uniqueName('Ibu Hamil Posyandu'), sex: 'F', birthDate: '1998-07-02', relationship: 'anak' },
      { name: uniqueName('Balita Pendek'), sex: 'M', birthDate: balitaBirth, relationship: 'cucu' },
    ],
    { kkNumber: kk },
  );
  // The pregnancy is 26 weeks today: K1 at 8 weeks, K2 at 14, K3 at 20 (trimesters 1, 2, 2), so K4 (trimester 3) is open.
  const lmp = isoDaysFrom(-26 * 7);
  await pastVisit(api, mother!.id, isoDaysFrom(8 * 7, lmp), [
    { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp } },
    { kind: 'service', system: 'service', code: 'K1', value: { provider: 'doctor' } },
  ]);
  await pastVisit(api, mother!.id, isoDaysFrom(14 * 7, lmp), [{ kind: 'service', system: 'service', code: 'K2', value: { provider: 'midwife' } }]);
  await pastVisit(api, mother!.id, isoDaysFrom(20 * 7, lmp), [{ kind: 'service', system: 'service', code: 'K3', value: { provider: 'midwife' } }]);
  // Lengths far below −2 SD (WHO boys: 87.1 cm median, 81.7 cm at −2 SD at 24 months).
  await pastVisit(api, balita!.id, isoMonthsFrom(24, balitaBirth), [
    { kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: 9.6, unit: 'kg' },
    { kind: 'measurement', system: 'loinc', code: LENGTH, valueNum: 78, unit: 'cm', value: { position: 'l' } },
  ]);
  await pastVisit(api, balita!.id, isoMonthsFrom(27, balitaBirth), [
    { kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: 9.9, unit: 'kg' },
    { kind: 'measurement', system: 'loinc', code: HEIGHT, valueNum: 79.5, unit: 'cm', value: { position: 'h' } },
  ]);

  // A baby of 3 months and 10 days: DPT-HB-Hib 1 at 2 months, weighed a month ago.
  const babyBirth = isoDaysFrom(-10, isoMonthsFrom(-3));
  const [, baby] = await household(api, [
    { name: uniqueName('Ayah Posyandu'), sex: 'M', birthDate: '1993-01-20', relationship: 'kepala' },
    { name: uniqueName('Bayi Posyandu'), sex: 'F', birthDate: babyBirth, relationship: 'anak' },
  ]);
  await pastVisit(api, baby!.id, isoMonthsFrom(2, babyBirth), [
    { kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: 5.2, unit: 'kg' },
    { kind: 'immunization', system: 'antigen', code: 'DPT-HB-Hib', value: { dose: 1 } },
  ]);
  await pastVisit(api, baby!.id, isoDaysFrom(-30), [{ kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: 5.7, unit: 'kg' }]);

  // Another baby due for the same dose, who does not come.
  const [absentMother, absentBaby] = await household(api, [
    { name: uniqueName('Ibu Absen'), sex: 'F', birthDate: '1996-11-05', relationship: 'kepala' },
    { name: uniqueName('Bayi Absen'), sex: 'M', birthDate: babyBirth, relationship: 'anak' },
  ]);
  await pastVisit(api, absentBaby!.id, isoMonthsFrom(2, babyBirth), [
    { kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: 5.4, unit: 'kg' },
    { kind: 'immunization', system: 'antigen', code: 'DPT-HB-Hib', value: { dose: 1 } },
  ]);

  // What the engine says before the day (so a failure below is the app's, not the fixture's).
  await expectDue(api, mother!.id, /^anc\.k4$/);
  await expectDue(api, baby!.id, /dpt/i);
  await expectDue(api, absentBaby!.id, /dpt/i);
  await expectDue(api, elder!.id, /skilas/i);

  await useIndonesian(page);
  await apiLogin(page, kader);

  // Open today's session.
  await openApp(page, '/posyandu');
  await settled(page);
  await shot(page, '01-start');
  const opener = page.getByTestId('open-session').or(page.getByTestId('continue-session'));
  await opener.click();
  // The day's first look at the RW brings every stale schedule up to date: slow on a busy machine.
  await expect(page.getByTestId('registration-search')).toBeVisible({ timeout: 45_000 });
  await settled(page);
  // Everyone due today is expected, our four and the absent baby among them (the page shows the list by pages).
  const sessionId = /\/posyandu\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const session = await api.get<{ expected: { person: { id: string } }[] }>(`/api/posyandu-sessions/${sessionId}`);
  const expectedIds = new Set(session.expected.map((e) => e.person.id));
  for (const p of [mother!, baby!, balita!, elder!, absentBaby!]) expect(expectedIds.has(p.id), `${p.name} expected`).toBe(true);
  await expect(page.getByTestId('expected-list').locator('li')).toHaveCount(Math.min(30, session.expected.length));
  await shot(page, '02-session');

  // The baby, found by name: weighing shows the categories and the direction as soon as weight and length are in.
  await arrive(page, baby!.name, baby!.id, baby!.name);
  await expect(page.getByTestId('step-measure')).toHaveAttribute('aria-current', 'step');
  await page.locator('input[name="measure.weight"]').fill('6,3');
  await page.locator('input[name="measure.lengthHeight"]').fill('61');
  const preview = page.getByTestId('anthro-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-bbu')).toBeVisible();
  await expect(page.getByTestId('preview-pbu')).toBeVisible();
  // 5.7 kg a month ago, 6.3 kg now: 600 g, under the 800 g minimum (KBM) of this month of life — T.
  await expect(page.getByTestId('preview-direction')).toContainText('T — tidak naik');
  await expect(page.getByTestId('preview-direction')).toContainText('600 g');
  await shot(page, '03-baby-measure');
  await save(page);
  await page.getByTestId('step-serve').click();
  await expect(page.getByTestId('section-immunization')).toBeVisible();
  const dose2 = page.getByTestId('give-DPT-HB-Hib-2');
  await expect(dose2).toBeVisible();
  await dose2.check();
  await page.locator('input[name^="vaccines."][name$=".batch"]').fill('DPT0425');
  await shot(page, '04-baby-serve');
  await save(page);
  await expect(page.getByTestId('visit-saved')).toContainText('DPT-HB-Hib');
  await backToSession(page);

  // The pregnant woman, found by NIK: ANC K4 in the services, nothing of a child's.
  await arrive(page, mother!.nik, mother!.id, mother!.name);
  await expect(page.locator('input[name="measure.head"]')).toHaveCount(0);
  await page.locator('input[name="measure.weight"]').fill('61,5');
  await page.locator('input[name="measure.muac"]').fill('25');
  await expect(page.getByTestId('anthro-preview')).toHaveCount(0);
  await save(page);
  await page.getByTestId('step-serve').click();
  const anc = page.getByTestId('section-anc');
  await expect(anc).toBeVisible();
  await expect(anc).toContainText('K4');
  await expect(page.getByTestId('visit-recorder')).not.toContainText('DPT-HB-Hib');
  // No child's forms: no KN visit, no vitamin A round (the supplements form stays closed unless added).
  await expect(page.getByTestId('section-postnatal')).toHaveCount(0);
  await expect(page.getByTestId('section-supplements')).toHaveCount(0);
  // A pregnant woman may be due for Td; no other vaccine is offered to her.
  await expect(page.locator('[data-testid^="give-"]:not([data-testid^="give-Td"])')).toHaveCount(0);
  await page.getByTestId('anc-record').check();
  await expect(anc.locator('select[name="anc.slot"]')).toHaveValue('K4');
  await anc.getByText('Bidan', { exact: true }).click();
  await shot(page, '05-mother-serve');
  await save(page);
  await backToSession(page);

  // The elder, found by the household's KK number: SKILAS at the recording step.
  await arrive(page, kk, elder!.id, elder!.name);
  await expect(page.getByTestId('section-vitals')).toBeVisible();
  await page.locator('input[name="measure.weight"]').fill('52');
  await page.locator('input[name="vitals.systolic"]').fill('148');
  await page.locator('input[name="vitals.diastolic"]').fill('88');
  await save(page);
  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('step-record')).toHaveAttribute('aria-current', 'step');
  const skilas = page.getByTestId('questionnaire-skilas');
  await expect(skilas).toBeVisible();
  for (const q of await skilas.locator('.fw-yesno').all()) await q.getByText('Tidak', { exact: true }).click();
  await skilas.locator('input[name="skilas.mobility.chairStandSeconds"]').fill('11');
  await expect(page.getByTestId('result-skilas')).toBeVisible();
  await shot(page, '06-elder-skilas');
  await save(page);
  await backToSession(page);

  // The stunted grandson, found through the same KK: "pendek" as soon as the height is in; counselling and the referral step.
  await arrive(page, kk, balita!.id, balita!.name);
  await page.locator('input[name="measure.weight"]').fill('10,1');
  await page.locator('input[name="measure.lengthHeight"]').fill('81');
  await expect(page.getByTestId('preview-pbu')).toContainText(/pendek/i);
  await shot(page, '07-balita-measure');
  await save(page);
  await page.getByTestId('step-counsel').click();
  await page.locator('textarea[name="note"]').fill('Konseling gizi: makan 3 kali sehari dengan protein hewani; ukur ulang bulan depan.');
  await save(page);
  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('step-refer')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('make-referral')).toBeVisible();
  // Today's results stand above the referral decision: the stunting category, the weight and the counselling note.
  await expect(page.getByTestId('today-pbu')).toContainText(/pendek/i);
  await expect(page.getByTestId('today-findings')).toContainText('10,1 kg');
  await expect(page.getByTestId('today-findings')).toContainText('protein hewani');
  await shot(page, '08-balita-refer');
  await page.getByTestId('no-referral').click();
  await expect(page.getByTestId('registration-search')).toBeVisible();

  // Everyone of ours present but the absent baby.
  const attended = page.getByTestId('attended-list');
  for (const p of [mother!, baby!, balita!, elder!]) await expect(attended).toContainText(p.name);
  await expect(attended).not.toContainText(absentBaby!.name);

  // Close the day.
  await page.getByTestId('close-session').click();
  await page.getByTestId('confirm-close').click();
  // Closing works out the whole RW's absentees: slower than a page load on a busy machine.
  await expect(page.getByTestId('summary-stats')).toBeVisible({ timeout: 45_000 });
  const stat = async (label: string) => {
    const s = page.getByTestId('summary-stats').locator('.stat').filter({ has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) });
    return Number((await s.locator('.stat-value').innerText()).replace(/\D/g, ''));
  };
  expect(await stat('Hadir')).toBeGreaterThanOrEqual(4);
  expect(await stat('Ditimbang/diukur')).toBeGreaterThanOrEqual(4);
  expect(await stat('Mendapat layanan')).toBeGreaterThanOrEqual(3);
  expect(await stat('Sasaran tidak hadir')).toBeGreaterThanOrEqual(1);

  const row = (id: string) => page.locator(`[data-testid="attended-row"][data-person-id="${id}"]`);
  for (const p of [mother!, baby!, balita!, elder!]) await expect(row(p.id)).toHaveAttribute('data-steps', /\bmeasured\b/);
  for (const p of [mother!, baby!, elder!]) await expect(row(p.id)).toHaveAttribute('data-steps', /\bserved\b/);
  await expect(row(balita!.id)).toHaveAttribute('data-steps', /\bcounselled\b/);
  await expect(row(balita!.id)).not.toHaveAttribute('data-steps', /\bserved\b/);
  await expect(row(absentBaby!.id)).toHaveCount(0);

  const absentees = page.getByTestId('absentees');
  const absentRow = absentees.getByTestId('due-person').filter({ hasText: absentBaby!.name });
  await expect(absentRow).toHaveCount(1);
  await expect(absentRow).toContainText('DPT-HB-Hib');
  for (const p of [mother!, baby!, balita!, elder!]) await expect(absentees).not.toContainText(p.name);
  await shot(page, '09-summary');

  // The absent baby is on the home-visit route, for not coming.
  await page.getByRole('link', { name: /kunjungan rumah/i }).first().click();
  const stop = page.getByTestId('route-stop').filter({ hasText: absentBaby!.name });
  await expect(stop).toHaveCount(1);
  await expect(stop).toContainText('Tidak datang ke Posyandu');
  await expect(stop).toContainText(absentMother!.name);
  // The route is as long as the RW's needs: the screen around the absentee's household, not the whole page.
  await stop.scrollIntoViewIfNeeded();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: '.tmp/screenshots/phone-posyandu-10-route.png' });
});

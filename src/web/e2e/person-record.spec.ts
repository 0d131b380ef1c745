import { test, expect, type Locator, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, isPhone, settled, useIndonesian, KADER } from './helpers';
import { household, isoDaysFrom, isoMonthsFrom, login, pastVisit, uniqueName, type Api, type EventSpec } from './fieldwork-setup';

/**
 * The person's record in the browser, for one person of each stage made
 * through the API: a small child (KMS chart with the WHO curves, N/T, the
 * immunization card), a pregnant woman (gestational age, HPL, K1–K6), a
 * hypertensive adult (BP and glucose trends) and an elder (SKILAS). Each is
 * opened from the person page's link, the way a kader gets there. What the
 * page shows is checked against the record the API returns (built by core),
 * and against the fixture where the fixture decides it (dates, counts).
 * Screenshots: .tmp/screenshots/{phone,desktop}-record-*.png.
 */

const WEIGHT = '29463-7';
const LENGTH = '8306-3';
const BP = '85354-9';
const GLUCOSE = '41653-7';

const tag = 'id-ID';
const df = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** The page's date format ("12 Mar 2026"). */
const fmt = (iso: string) => df.format(new Date(`${iso}T00:00:00Z`));
const num = (n: number) => new Intl.NumberFormat(tag).format(n);

const weight = (kg: number): EventSpec => ({ kind: 'measurement', system: 'loinc', code: WEIGHT, valueNum: kg, unit: 'kg' });
const length = (cm: number): EventSpec => ({ kind: 'measurement', system: 'loinc', code: LENGTH, valueNum: cm, unit: 'cm', value: { position: 'l' } });
const vaccine = (antigen: string, dose: number, batch?: string): EventSpec => ({ kind: 'immunization', system: 'antigen', code: antigen, value: batch ? { dose, batch } : { dose } });
const bp = (systolic: number, diastolic: number): EventSpec => ({ kind: 'measurement', system: 'loinc', code: BP, value: { systolic, diastolic } });
const glucose = (mg: number): EventSpec => ({ kind: 'measurement', system: 'loinc', code: GLUCOSE, valueNum: mg, unit: 'mg/dL', value: { device: 'glucometer' } });
const service = (code: string, value: Record<string, unknown> = {}): EventSpec => ({ kind: 'service', system: 'service', code, value });

interface Rec {
  growth: {
    points: { date: string; categories: Record<string, { code: string; id: string } | null> }[];
    weighings: { date: string; outcome: 'N' | 'T' | 'O' | 'B' | null }[];
  };
  immunization: { rows: { item: string; antigen: string; dose: number | null; status: string; date: string | null }[] };
  pregnancies: { hpl: string; gestationalAge: { weeks: number; days: number } | null; contacts: { slot: string; status: string; date: string | null }[] }[];
  vitals: { bp: { date: string; class: { label: { id: string } } | null }[]; glucose: { date: string; class: { label: { id: string } } | null }[] };
  screenings: { concept: string; result: { id: string } | null }[];
  timeline: { date: string }[];
}
interface Schedule {
  entries: { key: string; label: string; status: string }[];
}

async function shot(page: Page, project: string, name: string, part?: Locator) {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-record-${name}.png`, fullPage: true });
  // The part that matters on its own too (a phone's full page has the bottom bar over it).
  if (part) await part.screenshot({ path: `.tmp/screenshots/${project}-record-${name}-part.png` });
}

/** From the person page to the record, by its link. */
async function openRecord(page: Page, personId: string, name: string) {
  await useIndonesian(page);
  await apiLogin(page, KADER);
  await page.goto(`/people/${personId}`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByTestId('record-links').getByTestId('open-record').click();
  await expect(page).toHaveURL(new RegExp(`/people/${personId}/record$`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await settled(page);
}

async function tab(page: Page, section: string) {
  await page.getByTestId(`record-tab-${section}`).click();
  await expect(page.getByTestId(`record-tab-${section}`)).toHaveAttribute('aria-selected', 'true');
  await settled(page);
}

/** "What is due now" on the overview is the schedule's due and overdue entries, no more and no less. */
async function expectDueNow(page: Page, api: Api, personId: string) {
  const schedule = await api.get<Schedule>(`/api/people/${personId}/schedule`);
  const now = schedule.entries.filter((e) => e.status === 'due' || e.status === 'overdue');
  expect(now.length, 'the fixture has something due now').toBeGreaterThan(0);
  const list = page.getByTestId('due-now');
  await expect(list.locator('li')).toHaveCount(now.length);
  for (const e of now) await expect(list.locator(`li[data-status="${e.status}"]`, { hasText: e.label }).first()).toBeVisible();
}

/** The timeline lists the visits newest first: the dates the fixture recorded, in that order. */
async function expectTimeline(page: Page, visitDates: string[]) {
  await tab(page, 'timeline');
  const heads = page.getByTestId('timeline').locator('.timeline-head strong');
  const newestFirst = [...new Set(visitDates)].sort().reverse();
  await expect(heads).toHaveText(newestFirst.slice(0, 15).map(fmt));
}

test('a small child: KMS chart with the WHO curves and N/T, nutrition status, immunization card, due now, timeline', async ({ page, request }, info) => {
  const api = await login(request, KADER);
  const name = uniqueName('Balita Uji');
  // A boy of 14 months and a few days, weighed and measured every month; he
  // falls from the median to under −2 SD (underweight and stunted), and his
  // weight drops once (T).
  const birth = isoDaysFrom(-5, isoMonthsFrom(-14));
  const [, child] = await household(api, [
    { name: uniqueName('Ayah Uji'), sex: 'M', birthDate: '1990-06-02', relationship: 'kepala' },
    { name, sex: 'M', birthDate: birth, relationship: 'anak' },
  ]);
  const kg = [4.6, 5.6, 6.3, 6.7, 7.0, 7.2, 7.4, 7.5, 7.6, 7.5, 7.6, 7.7, 7.8];
  const cm = [54.5, 58.0, 60.5, 62.5, 64.0, 65.3, 66.4, 67.4, 68.3, 69.1, 69.8, 70.4, 71.0];
  const doses: Record<number, EventSpec[]> = {
    1: [vaccine('BCG', 1), vaccine('OPV', 1)],
    2: [vaccine('DPT-HB-Hib', 1, 'P2201'), vaccine('OPV', 2), vaccine('PCV', 1), vaccine('RV', 1)],
    3: [vaccine('DPT-HB-Hib', 2), vaccine('OPV', 3), vaccine('PCV', 2), vaccine('RV', 2)],
    4: [vaccine('DPT-HB-Hib', 3), vaccine('OPV', 4), vaccine('IPV', 1), vaccine('RV', 3)],
    9: [vaccine('MR', 1), vaccine('IPV', 2)],
  };
  const days: string[] = [];
  await pastVisit(api, child!.id, isoDaysFrom(1, birth), [vaccine('HB0', 1)], 'home');
  days.push(isoDaysFrom(1, birth));
  for (let m = 1; m <= kg.length; m++) {
    const on = isoMonthsFrom(m, birth);
    days.push(on);
    await pastVisit(api, child!.id, on, [weight(kg[m - 1]!), length(cm[m - 1]!), ...(doses[m] ?? [])]);
  }
  const rec = await api.get<Rec>(`/api/people/${child!.id}/record`);
  const last = rec.growth.points[rec.growth.points.length - 1]!;
  // The fixture is what it claims to be (the categories are core's).
  expect(last.categories.bbu?.code).toBe('underweight');
  expect(last.categories.pbu?.code).toBe('stunted');
  const outcomes = rec.growth.weighings.map((w) => w.outcome);
  expect(outcomes).toContain('T');
  expect(outcomes).toContain('N');

  await openRecord(page, child!.id, name);
  await expect(page.getByTestId('record-stages')).toContainText(/baduta|bayi|balita/i);
  await expectDueNow(page, api, child!.id);
  await shot(page, info.project.name, 'c1-child-overview');

  await tab(page, 'growth');
  const chart = page.getByTestId('growth-chart');
  const svg = chart.locator('svg.growth-svg');
  await expect(svg).toHaveAttribute('data-index', 'wfa');
  // The seven WHO lines −3…+3 SD, each drawn.
  for (const l of ['m3', 'm2', 'm1', '0', '1', '2', '3']) await expect(svg.locator(`path.sd-${l}`)).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){5,}$/);
  // One point per day weighed, each with its N/T as the weighing list says.
  await expect(svg.locator('.child-point')).toHaveCount(kg.length);
  for (const w of rec.growth.weighings) {
    if (w.outcome === 'N' || w.outcome === 'T') await expect(svg.locator(`.child-point[data-date="${w.date}"]`)).toHaveAttribute('data-outcome', w.outcome);
  }
  // The legend names the SD lines and the categories in KMS colours.
  const legend = chart.locator('.chart-legend');
  await expect(legend).toContainText('±2 SD');
  await expect(legend).toContainText('±3 SD');
  await expect(legend).toContainText(last.categories.bbu!.id);
  // Latest status: the Permenkes category words with the z-score.
  const status = page.getByTestId('growth-status');
  await expect(status).toContainText(last.categories.bbu!.id);
  await expect(status).toContainText(last.categories.pbu!.id);
  await expect(status).toContainText(/z −\d/);
  // The weighings, newest first, with N/T.
  const list = page.getByTestId('weighings').locator('li');
  const newest = [...rec.growth.weighings].reverse();
  await expect(list).toHaveCount(Math.min(12, newest.length));
  for (let i = 0; i < Math.min(12, newest.length); i++) {
    const w = newest[i]!;
    await expect(list.nth(i)).toContainText(fmt(w.date));
    await expect(list.nth(i).locator('.nt')).toHaveText(w.outcome ?? '–');
  }
  const drop = rec.growth.weighings.find((w) => w.date === isoMonthsFrom(10, birth))!;
  expect(drop.outcome, 'the drop from 7.6 to 7.5 kg').toBe('T');
  // A tap on a point tells its values.
  await svg.locator(`.child-point[data-date="${drop.date}"] circle.dot`).click();
  await expect(chart.getByTestId('point-info')).toContainText(fmt(drop.date));
  await expect(chart.getByTestId('point-info')).toContainText(`${num(7.5)} kg`);
  await expect(chart.getByTestId('point-info')).toContainText('T: tidak naik');
  await shot(page, info.project.name, 'c2-child-growth', chart);

  // Length-for-age: the same days, the stunted category.
  await chart.getByText('PB/U', { exact: false }).click();
  await expect(svg).toHaveAttribute('data-index', 'lhfa');
  await expect(svg.locator('.child-point')).toHaveCount(cm.length);
  await shot(page, info.project.name, 'c3-child-length', chart);

  await tab(page, 'immunization');
  const card = page.getByTestId('immunization-card');
  const given = rec.immunization.rows.filter((r) => r.status === 'done');
  expect(given.length).toBe(Object.values(doses).flat().length + 1);
  for (const r of given) await expect(card.locator(`td[data-item="${r.item}"]`)).toContainText(fmt(r.date!));
  await expect(card.locator('td[data-status="done"]', { hasText: 'P2201' })).toHaveCount(1);
  const open = rec.immunization.rows.filter((r) => r.status === 'due' || r.status === 'overdue');
  expect(open.length, 'something on the card is due').toBeGreaterThan(0);
  for (const r of open) await expect(card.locator(`td[data-item="${r.item}"]`)).toHaveAttribute('data-status', r.status);
  if (isPhone(page)) {
    // The card is a table wider than the phone: it scrolls inside its box (the page does not, see shot()).
    const box = page.locator('.imm-scroll');
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto')).toBe(true);
    await expect(card.locator('thead')).toBeVisible();
    // Cells say the one date that matters on a phone, the whole window on a desktop.
    const openCell = card.locator(`td[data-item="${open[0]!.item}"]`);
    await expect(openCell.locator('.imm-window-short')).toBeVisible();
    await expect(openCell.locator('.imm-window')).toBeHidden();
  } else {
    await expect(card.locator(`td[data-item="${open[0]!.item}"] .imm-window`)).toBeVisible();
  }
  await shot(page, info.project.name, 'c4-child-immunization', page.locator('.card', { has: card }));

  await expectTimeline(page, days);
  // Within a visit: measurements first, then the vaccines.
  const twoMonths = page.getByTestId('timeline').locator('.timeline-item', { hasText: fmt(isoMonthsFrom(2, birth)) });
  await expect(twoMonths.locator('.event-label')).toHaveText([/^Berat badan/, /^Panjang badan/, /^DPT-HB-Hib/, /^Pneumokokus/, /^Polio/, /^Rotavirus/]);
  await shot(page, info.project.name, 'c5-child-timeline');
});

test('a pregnant woman: gestational age, HPL, K1–K6 done and due', async ({ page, request }, info) => {
  const api = await login(request, KADER);
  const name = uniqueName('Ibu Hamil Uji');
  const hpht = isoDaysFrom(-28 * 7 - 3);
  const [mother] = await household(api, [{ name, sex: 'F', birthDate: '1996-02-10', relationship: 'kepala' }]);
  const k1 = isoDaysFrom(10 * 7, hpht);
  const k2 = isoDaysFrom(16 * 7, hpht);
  const k3 = isoDaysFrom(22 * 7, hpht);
  await pastVisit(api, mother!.id, k1, [
    { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp: hpht, gravida: 2, parity: 1 } },
    service('anc', { provider: 'doctor' }),
    service('usg'),
    { kind: 'measurement', system: 'loinc', code: '56072-2', valueNum: 24.5, unit: 'cm' },
    { kind: 'measurement', system: 'loinc', code: '718-7', valueNum: 11.2, unit: 'g/dL' },
    bp(110, 70),
  ], 'puskesmas');
  await pastVisit(api, mother!.id, k2, [service('anc', { provider: 'midwife' }), bp(112, 72)], 'posyandu');
  await pastVisit(api, mother!.id, k3, [service('anc', { provider: 'midwife' }), bp(118, 76)], 'posyandu');
  const rec = await api.get<Rec>(`/api/people/${mother!.id}/record`);
  const p = rec.pregnancies[0]!;
  expect(p.gestationalAge).toEqual({ weeks: 28, days: 3 });

  await openRecord(page, mother!.id, name);
  await expect(page.getByTestId('record-stages')).toContainText(/hamil/i);
  await expectDueNow(page, api, mother!.id);
  await shot(page, info.project.name, 'm1-pregnant-overview');

  await tab(page, 'pregnancy');
  await expect(page.getByTestId('gestational-age')).toContainText('28 minggu 3 hari');
  await expect(page.getByTestId('gestational-age')).toContainText(/trimester 3/i);
  await expect(page.getByTestId('hpl')).toContainText(fmt(p.hpl));
  // The bar from HPHT to HPL: the contacts done and today.
  await expect(page.getByTestId('gestation-bar').locator('.gest-contact')).toHaveText(['K1', 'K2', 'K3']);
  await expect(page.getByTestId('gestation-today')).toBeVisible();
  await expect(page.getByTestId('gestation-bar')).toContainText('Hari ini: 28 minggu');
  const slots = page.getByTestId('anc-contacts').locator('li');
  await expect(slots).toHaveCount(6);
  await expect(slots.locator('.slot-name')).toHaveText(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
  for (const [i, on] of [k1, k2, k3].entries()) {
    await expect(slots.nth(i)).toHaveAttribute('data-status', 'done');
    await expect(slots.nth(i)).toContainText(fmt(on));
  }
  await expect(slots.nth(0)).toContainText(/dokter/i);
  await expect(slots.nth(1)).toContainText(/bidan/i);
  for (let i = 3; i < 6; i++) await expect(slots.nth(i)).toHaveAttribute('data-status', p.contacts[i]!.status);
  expect(p.contacts.slice(3).map((c) => c.status)).toContain('due');
  await shot(page, info.project.name, 'm2-pregnancy', page.getByTestId('pregnancies'));

  await expectTimeline(page, [k1, k2, k3]);
});

test('a hypertensive adult: blood pressure and glucose trends with classes, due now, timeline', async ({ page, request }, info) => {
  const api = await login(request, KADER);
  const name = uniqueName('Bapak Hipertensi Uji');
  const [man] = await household(api, [{ name, sex: 'M', birthDate: '1968-03-15', relationship: 'kepala' }]);
  const readings: [number, [number, number], number | null][] = [
    [-300, [148, 94], 182],
    [-240, [156, 98], null],
    [-180, [162, 100], 214],
    [-120, [150, 96], 168],
    [-60, [144, 92], 199],
    [-20, [138, 88], 156],
  ];
  const days: string[] = [];
  for (const [i, [d, [s, di], g]] of readings.entries()) {
    const on = isoDaysFrom(d);
    days.push(on);
    await pastVisit(api, man!.id, on, [
      ...(i === 0 ? [{ kind: 'condition', system: 'icd10', code: 'I10', value: { from: on } }] : []),
      bp(s, di),
      ...(g !== null ? [glucose(g)] : []),
    ]);
  }
  const rec = await api.get<Rec>(`/api/people/${man!.id}/record`);
  expect(rec.vitals.bp).toHaveLength(6);
  expect(rec.vitals.glucose).toHaveLength(5);

  await openRecord(page, man!.id, name);
  await expect(page.getByTestId('record-stages')).toContainText(/hipertensi/i);
  await expectDueNow(page, api, man!.id);
  await shot(page, info.project.name, 'a1-adult-overview');

  await tab(page, 'vitals');
  const bpChart = page.getByTestId('bp-chart');
  await expect(bpChart.locator('.series-sys circle.trend-point')).toHaveCount(6);
  await expect(bpChart.locator('.series-dia circle.trend-point')).toHaveCount(6);
  await expect(page.getByTestId('bp-latest')).toContainText('138/88 mmHg');
  await expect(page.getByTestId('bp-latest')).toContainText(rec.vitals.bp[5]!.class!.label.id);
  const gChart = page.getByTestId('glucose-chart');
  await expect(gChart.locator('circle.trend-point')).toHaveCount(5);
  await expect(page.getByTestId('glucose-latest')).toContainText(`${num(156)} mg/dL`);
  // The axis has the months and the unit.
  await expect(bpChart.locator('text.axis-title')).toHaveText('mmHg');
  expect(await bpChart.locator('text.tick').count()).toBeGreaterThan(4);
  // A tap on a reading tells it.
  await bpChart.locator('.series-sys circle.trend-point').last().click();
  await expect(bpChart.getByTestId('point-info')).toContainText(fmt(days[5]!));
  await expect(bpChart.getByTestId('point-info')).toContainText('138/88');
  await shot(page, info.project.name, 'a2-adult-vitals', page.locator('.card', { has: bpChart }));

  await expectTimeline(page, days);
  // The diagnosis in the first visit, with its date.
  await expect(page.getByTestId('timeline').locator('.timeline-item').last().locator('.event-item', { hasText: 'Hipertensi' })).toContainText(`sejak ${fmt(days[0]!)}`);
  await shot(page, info.project.name, 'a3-adult-timeline');
});

test('an elder: SKILAS result with its follow-up, due now, timeline', async ({ page, request }, info) => {
  const api = await login(request, KADER);
  const name = uniqueName('Nenek Uji');
  const [elder] = await household(api, [{ name, sex: 'F', birthDate: '1951-09-20', relationship: 'kepala' }]);
  const on = isoDaysFrom(-30);
  await pastVisit(api, elder!.id, on, [
    {
      kind: 'screening',
      system: 'questionnaire',
      code: 'skilas',
      value: {
        answers: {
          cognitive: { recallFailed: false, orientationFailed: false },
          mobility: { chairStandSeconds: 18 },
          malnutrition: { weightLoss: false, appetiteLoss: false, lilaCm: 24 },
          vision: { eyeProblem: true, fingerCountFailed: false },
          hearing: { whisperFailed: false },
          depression: { sad: false, littleInterest: false },
        },
      },
    },
    bp(142, 84),
  ]);
  const rec = await api.get<Rec>(`/api/people/${elder!.id}/record`);
  const skilas = rec.screenings.find((s) => s.concept === 'skilas')!;
  expect(skilas.result).not.toBeNull();

  await openRecord(page, elder!.id, name);
  await expect(page.getByTestId('record-stages')).toContainText(/lansia/i);
  await expectDueNow(page, api, elder!.id);
  await shot(page, info.project.name, 'e1-elder-overview');

  await tab(page, 'screenings');
  const item = page.getByTestId('screenings').locator('li', { hasText: 'SKILAS' });
  await expect(item).toContainText(fmt(on));
  await expect(item).toContainText(skilas.result!.id);
  await expect(item).toContainText(/tindak lanjut/i);
  // 18 s for five chair stands (over 14 s) and an eye problem: the two domains SKILAS flagged, named.
  await expect(item.getByTestId('screening-findings')).toHaveText('Yang ditemukan: Keterbatasan mobilisasi, Gangguan penglihatan');
  await shot(page, info.project.name, 'e2-elder-screenings');

  await expectTimeline(page, [on]);
});

test('the record in English', async ({ page, request }, info) => {
  const api = await login(request, KADER);
  const name = uniqueName('Ibu English');
  const [woman] = await household(api, [{ name, sex: 'F', birthDate: '1995-01-05', relationship: 'kepala' }]);
  const hpht = isoDaysFrom(-20 * 7);
  await pastVisit(api, woman!.id, isoDaysFrom(12 * 7, hpht), [
    { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp: hpht } },
    service('anc', { provider: 'midwife' }),
    bp(150, 95),
  ]);
  await useIndonesian(page);
  await apiLogin(page, KADER);
  await page.goto(`/people/${woman!.id}/record?tab=pregnancy`);
  await expect(page.getByTestId('gestational-age')).toContainText('20 minggu 0 hari');
  // The switch on the page (header on phones, sidebar on desktops): the open section follows.
  await page.getByRole('button', { name: 'EN', exact: true }).filter({ visible: true }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('record-tab-overview')).toHaveText('Overview');
  await tab(page, 'overview');
  await expect(page.getByText('Due now', { exact: false }).first()).toBeVisible();
  await tab(page, 'pregnancy');
  await expect(page.getByTestId('gestational-age')).toContainText('20 weeks 0 days');
  await expect(page.getByTestId('gestation-bar')).toContainText('Today: 20 weeks');
  await expect(page.getByTestId('gestation-bar')).toContainText('EDD');
  await shot(page, info.project.name, 'en-pregnancy', page.getByTestId('pregnancies'));
  await tab(page, 'vitals');
  await expect(page.getByTestId('bp-chart')).toContainText('Systolic');
  // No Indonesian words of the page left on it.
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b(minggu|mgg|Tekanan darah|Sistolik|Yang perlu|Kunjungan|Hari ini|Keterangan)\b/);
});

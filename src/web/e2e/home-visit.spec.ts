import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian, KADER } from './helpers';
import { household, isoDaysFrom, login, pastVisit, uniqueName, openApp } from './fieldwork-setup';

/**
 * The kader's home-visit route and one visit to a household: a household
 * with a danger sign (grade-3 blood pressure five days ago) comes before one
 * whose only late item is overdue (a pregnant woman's Td); the household
 * visit records for two members in one home visit, with the follow-up note.
 */
const BP = '85354-9';
const NO_TB_SYMPTOMS = { coughWeeks: 0, feverWeeks: 0, feverRecurrent: false, weightFaltering: false, lethargy: false, extrapulmonarySigns: false, closeContact: false };

async function shot(page: Page, name: string, project: string) {
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-homevisit-${name}.png`, fullPage: true });
}

test('home-visit route by urgency, one visit for two members with the follow-up', async ({ page, request }, info) => {
  test.setTimeout(180_000);
  const p = info.project.name;
  const api = await login(request, KADER);

  const [grandpa, grandma] = await household(api, [
    { name: uniqueName('Kakek Tensi'), sex: 'M', birthDate: '1958-04-17', relationship: 'kepala' },
    { name: uniqueName('Nenek Tensi'), sex: 'F', birthDate: '1962-08-30', relationship: 'istri' },
  ]);
  await pastVisit(api, grandpa!.id, isoDaysFrom(-5), [{ kind: 'measurement', system: 'loinc', code: BP, value: { systolic: 192, diastolic: 118 } }]);

  // A pregnancy of 10 weeks registered three days ago (with the TB symptom screening of that contact): only her Td is late.
  const [pregnant] = await household(api, [{ name: uniqueName('Ibu Td'), sex: 'F', birthDate: '1996-05-05', relationship: 'kepala' }]);
  await pastVisit(api, pregnant!.id, isoDaysFrom(-3), [
    { kind: 'condition', system: 'icd10', code: 'Z34', value: { lmp: isoDaysFrom(-70) } },
    { kind: 'screening', system: 'questionnaire', code: 'tb-symptoms', value: { answers: NO_TB_SYMPTOMS } },
  ]);

  await useIndonesian(page);
  await apiLogin(page, KADER);
  await openApp(page, '/home-visits');
  const stops = page.getByTestId('route-stop');
  // The first read of a day refreshes the area's stale schedules: give it time.
  await expect(stops.first()).toBeVisible({ timeout: 30_000 });
  const danger = stops.filter({ hasText: grandpa!.name });
  await expect(danger).toHaveCount(1);
  await expect(danger).toContainText('Tekanan darah hipertensi derajat 3');
  await expect(danger).toContainText('Segera');
  // She is days late where many adults are months late, but a pregnant woman's late service comes before
  // theirs (mothers and newborns first): her household is on the page, marked so, after the danger sign.
  const hersOnPage = stops.filter({ hasText: pregnant!.name });
  await expect(hersOnPage).toHaveCount(1);
  await expect(hersOnPage).toContainText('Ibu & bayi baru lahir');
  await expect(hersOnPage).toContainText('Layanan terlambat');
  type Stop = { household: { id: string }; members: { person: { id: string } }[]; reasons: { kind: string; personId: string; label: string }[] };
  const route = await api.get<{ households: Stop[] }>('/api/home-visits/route?limit=500');
  const at = (id: string) => route.households.findIndex((h) => h.members.some((m) => m.person.id === id));
  expect(at(grandpa!.id), 'the danger sign comes first').toBeGreaterThanOrEqual(0);
  expect(at(grandpa!.id), 'the danger sign comes first').toBeLessThan(at(pregnant!.id));
  const hers = route.households[at(pregnant!.id)]!.reasons.filter((r) => r.personId === pregnant!.id);
  expect(hers.map((r) => r.kind)).toEqual(['overdue']);
  expect(hers[0]!.label).toContain('Imunisasi Td');
  // The route is long (the demo RW): a screenshot of the screen, not of the whole page.
  await settled(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${p}-homevisit-01-route.png` });
  await danger.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `.tmp/screenshots/${p}-homevisit-01b-route-danger.png` });

  // The household: every member's due items on one screen, one visit for both.
  await danger.getByTestId('route-household').click();
  const members = page.getByTestId('household-members');
  await expect(members.getByTestId('member-card')).toHaveCount(2);
  await page.locator('textarea[name="notes"]').fill('Kunjungan karena tekanan darah sangat tinggi minggu lalu.');
  await page.getByTestId('start-home-visit').click();
  await expect(page.getByTestId(`record-member-${grandpa!.id}`)).toBeVisible();
  await shot(page, '02-household', p);

  const grandpaCard = members.getByTestId('member-card').filter({ hasText: grandpa!.name });
  await page.getByTestId(`record-member-${grandpa!.id}`).click();
  await grandpaCard.locator('input[name="vitals.systolic"]').fill('168');
  await grandpaCard.locator('input[name="vitals.diastolic"]').fill('98');
  const followUp = 'Obat amlodipin diminum teratur; kontrol ke Puskesmas hari Senin.';
  await grandpaCard.locator('textarea[name="note"]').fill(followUp);
  await shot(page, '03-record-grandpa', p);
  await grandpaCard.getByTestId('save-visit').click();
  await expect(grandpaCard.getByTestId('visit-saved')).toContainText(followUp);
  await expect(grandpaCard).toContainText('Tercatat');

  const grandmaCard = members.getByTestId('member-card').filter({ hasText: grandma!.name });
  await page.getByTestId(`record-member-${grandma!.id}`).click();
  await grandmaCard.locator('input[name="vitals.systolic"]').fill('128');
  await grandmaCard.locator('input[name="vitals.diastolic"]').fill('82');
  await grandmaCard.getByTestId('save-visit').click();
  await expect(grandmaCard.getByTestId('visit-saved')).toBeVisible();
  await expect(grandmaCard).toContainText('Tercatat');
  await shot(page, '04-both-recorded', p);

  // One home visit holding both members' visits, with the note; the same visit continues after a reload.
  const visits = await api.get<{ items: { id: string; notes: string | null; visits?: { personId: string }[] }[] } | { id: string; notes: string | null; visits?: { personId: string }[] }[]>(
    `/api/home-visits?household=${grandpa!.householdId}`,
  );
  const list = Array.isArray(visits) ? visits : visits.items;
  expect(list).toHaveLength(1);
  expect(list[0]!.visits?.map((v) => v.personId).sort()).toEqual([grandpa!.id, grandma!.id].sort());
  await page.reload();
  await expect(page.getByTestId('past-home-visits')).toContainText('2 anggota dilayani');
  await expect(page.getByTestId('start-home-visit')).toHaveCount(0);

  // The follow-up is in his record.
  await openApp(page, `/people/${grandpa!.id}/record`);
  await page.getByRole('button', { name: /Kunjungan terakhir/ }).click();
  await expect(page.getByText(followUp).first()).toBeVisible();
});

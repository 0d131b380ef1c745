import { test, expect, type Page } from '@playwright/test';
import { apiLogin, expectNoHorizontalScroll, settled, useIndonesian } from './helpers';

/**
 * Screenshots of the record, referral, kohort and protocol pages at phone
 * and desktop size, for looking at (saved to .tmp/screenshots/, git-ignored);
 * each page is also checked for horizontal scrolling.
 */
async function shot(page: Page, project: string, name: string, opts: { wideTable?: boolean } = {}) {
  await settled(page);
  if (!opts.wideTable) await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `.tmp/screenshots/${project}-record-${name}.png`, fullPage: true });
  await page.screenshot({ path: `.tmp/screenshots/${project}-record-${name}-top.png` });
}

test('screenshots of the protocol page', async ({ page }, info) => {
  await useIndonesian(page);
  await apiLogin(page, 'dinkes.konawe');
  await page.goto('/protocol');
  await expect(page.getByTestId('programme-anc')).toBeVisible();
  await shot(page, info.project.name, 'p1-protocol');
  for (const tab of ['stages', 'cutoffs', 'statuses', 'settings'] as const) {
    await page.getByTestId(`proto-tab-${tab}`).click();
    await settled(page);
    await shot(page, info.project.name, `p-${tab}`);
  }
});

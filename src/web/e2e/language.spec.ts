import { test, expect } from '@playwright/test';
import { ADMIN, apiLogin } from './helpers';

test('language switch to English persists across reloads', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();

  // Inside the app too, and server messages follow the language.
  await apiLogin(page, ADMIN);
  await page.goto('/');
  await expect(page.getByTestId('home-counts')).toContainText('Households');
  await expect(page.getByRole('heading', { name: 'Shortcuts' })).toBeVisible();

  // And back to Indonesian.
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pintasan' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pintasan' })).toBeVisible();
});

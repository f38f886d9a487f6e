import { expect, test } from '@playwright/test';

/**
 * A learner who reads Korean switches the page to 한국어 and it stays so; one whose
 * browser speaks Korean starts there; anyone can turn the page dark.
 */
test.describe('language and theme', () => {
  test('switching to 한국어 translates the header and is remembered', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('button', { name: 'Play' }).or(page.getByRole('button', { name: 'Pause' })),
    ).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(
      page.getByRole('button', { name: '재생' }).or(page.getByRole('button', { name: '일시 정지' })),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: '초기화', exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/쿠버네티스/);
    await expect(page.getByRole('heading', { name: '클러스터', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: '워크로드' })).toBeVisible();
    await expect(page.getByText('kube-system 파드 표시')).toBeVisible();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('combobox', { name: '언어' })).toHaveValue('ko');
    await expect(page.getByRole('button', { name: '초기화', exact: true })).toBeVisible();
  });

  test('the dark theme toggle darkens the page and is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 60);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('a browser that speaks Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('starts in Korean', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('button', { name: '초기화', exact: true })).toBeVisible();
  });
});

test.describe('a system in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('starts dark', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

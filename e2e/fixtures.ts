import { test as base, expect, type Page } from '@playwright/test';

/** Collects the page's script errors and console errors (a failed request logs one too). */
export function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}

/**
 * Playwright's `test` with one rule added for every spec: a test whose page logged a
 * script error or a console error (the favicon included) fails, even if what it
 * asserted held.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      watchErrors(page, errors);
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits for the control-plane node and the three workers. */
export async function openCluster(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('[data-kind="Node"]')).toHaveCount(4);
}

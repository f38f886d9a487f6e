import type { Browser, Page } from '@playwright/test';
import { expect, test, watchErrors } from './fixtures';

/**
 * The learner's work survives: a reload brings back the same cluster (the same pod
 * names) and the editor text; a share link opens the same scenario elsewhere; and a
 * broken link says so and still leaves a working cluster.
 */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const pods = (page: Page) => page.locator('[data-kind="Pod"][data-namespace="default"]');

async function podNames(page: Page): Promise<string[]> {
  const names = await pods(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
  return names.sort();
}

/** Applies the Deployment, waits for its three pods to run, then pauses the clock. */
async function deployAndPause(page: Page): Promise<string[]> {
  await page.getByTestId('manifest-editor').fill(DEPLOYMENT);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('deployment.apps/web created')).toBeVisible();
  await page.getByLabel('Speed').selectOption('10');
  const row = page.locator('tr[data-kind="Deployment"][data-name="web"]');
  await expect(row).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(pods(page)).toHaveCount(3);
  return podNames(page);
}

/** Waits until an autosave newer than `since` (wall ms) has landed. */
async function autosavedAfter(page: Page, since: number): Promise<void> {
  const status = page.getByTestId('autosave-status');
  await expect
    .poll(async () => Number((await status.getAttribute('data-saved-at')) || 0), { timeout: 15_000 })
    .toBeGreaterThan(since);
}

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test.describe('saving and sharing a scenario', () => {
  test('a reload brings back the same pods and the editor text from the autosave', async ({ page }) => {
    await page.goto('/');
    const names = await deployAndPause(page);
    const paused = await page.evaluate(() => Date.now());
    await autosavedAfter(page, paused);
    await expect(page.getByTestId('autosave-status')).toContainText('Autosaved');

    await page.reload();
    await expect(pods(page)).toHaveCount(3);
    expect(await podNames(page)).toEqual(names);
    await expect(page.getByTestId('manifest-editor')).toHaveValue(DEPLOYMENT);
    // the clock comes back paused, as it was saved
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('a share link opens the same scenario in another browser', async ({ page, browser }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    const names = await deployAndPause(page);
    await page.getByTestId('share-scenario').click();
    const notice = page.getByTestId('scenario-notice');
    await expect(notice).toHaveAttribute('data-kind', 'shared');
    await expect(notice).toContainText('Link copied to the clipboard');
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#scenario=[A-Za-z0-9_-]+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const other = await freshPage(browser, link);
    const otherErrors: string[] = [];
    watchErrors(other, otherErrors);
    await expect(pods(other)).toHaveCount(3);
    expect(await podNames(other)).toEqual(names);
    await expect(other.getByTestId('manifest-editor')).toHaveValue(DEPLOYMENT);
    await expect(other.getByTestId('scenario-notice')).toHaveAttribute('data-kind', 'openedShared');
    await expect(other.getByTestId('autosave-status')).toContainText('Your own autosave is kept');
    expect(otherErrors).toEqual([]);
    await other.context().close();
  });

  test('Export downloads the scenario; a bad file on Import changes nothing, the exported one opens', async ({
    page,
  }) => {
    await page.goto('/');
    const names = await deployAndPause(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.kube-playground\.json$/);
    const exported = JSON.parse(
      await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
    );
    expect(exported).toMatchObject({ format: 'kube-playground/scenario', version: 1, editor: { text: DEPLOYMENT } });

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(pods(page)).toHaveCount(0);
    await page.getByTestId('manifest-editor').fill('kind: Pod');
    await page.getByTestId('import-file').setInputFiles({
      name: 'newer.kube-playground.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...exported, version: 2 })),
    });
    const notice = page.getByTestId('scenario-notice');
    await expect(notice).toHaveAttribute('data-kind', 'importFailed');
    await expect(notice).toContainText('made by a newer version of Kube Playground');
    await expect(notice).toContainText('Nothing was changed');
    await expect(page.getByTestId('manifest-editor')).toHaveValue('kind: Pod');

    await page.getByTestId('import-file').setInputFiles({
      name: 'web.kube-playground.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await expect(notice).toHaveAttribute('data-kind', 'imported');
    await expect(pods(page)).toHaveCount(3);
    expect(await podNames(page)).toEqual(names);
    await expect(page.getByTestId('manifest-editor')).toHaveValue(DEPLOYMENT);
  });

  test('a garbage share link says what is wrong and leaves a working fresh cluster', async ({ page }) => {
    await page.goto('/#scenario=this-is-not-a-scenario');
    const notice = page.getByRole('alert').filter({ hasText: 'This share link could not be opened' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('the link was cut off or changed');
    await expect(notice).toContainText('Starting with a fresh cluster');

    await page.getByTestId('manifest-editor').fill(DEPLOYMENT);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('deployment.apps/web created')).toBeVisible();
    await page.getByLabel('Speed').selectOption('10');
    await expect(page.locator('tr[data-kind="Deployment"][data-name="web"]')).toHaveAttribute('data-status', 'ok', {
      timeout: 20_000,
    });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });
});

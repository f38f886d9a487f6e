import { expect, test } from './fixtures';
import { runKubectl, terminalRows } from './kubectl';

/**
 * What a learner sees: the nodes the engine worker reports, a pod they apply going
 * to Running, kubectl answering in the console, and a killed node going dark.
 */
test.describe('the simulated cluster', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('shows the nodes the worker reports', async ({ page }) => {
    const nodes = page.locator('[data-kind="Node"]');
    await expect(nodes).toHaveCount(4);
    for (const name of ['control-plane', 'node-1', 'node-2', 'node-3']) {
      await expect(page.locator(`[data-kind="Node"][data-name="${name}"]`)).toHaveAttribute('data-status', 'Ready');
    }
    await expect(page.getByRole('article', { name: 'Node node-1, Ready' })).toBeVisible();
    // the clock moves: the worker is pacing simulated time
    const clock = page.getByTestId('sim-clock');
    const first = await clock.textContent();
    await expect(clock).not.toHaveText(first ?? '', { timeout: 5_000 });
  });

  test('a pod applied from the editor is scheduled and runs', async ({ page }) => {
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('pod/web created')).toBeVisible();
    const pod = page.locator('[data-kind="Pod"][data-name="web"]');
    await expect(pod).toHaveCount(1);
    // Let the simulation run fast so the image pull finishes quickly.
    await page.getByLabel('Speed').selectOption('10');
    await expect(pod).toHaveAttribute('data-status', 'Running', { timeout: 20_000 });
    await expect(page.getByRole('listitem', { name: 'Pod web, Running, Ready' })).toBeVisible();
    // it sits on a worker, never on the tainted control-plane node
    const node = await pod.evaluate((el) => el.closest('[data-kind="Node"]')?.getAttribute('data-name'));
    expect(node).toMatch(/^node-\d$/);
  });

  test('an invalid manifest shows the error on its line and changes nothing', async ({ page }) => {
    const editor = page.getByTestId('manifest-editor');
    await editor.fill(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    );
    await page.getByRole('button', { name: 'Apply' }).click();
    const output = page.getByTestId('apply-output');
    await expect(output).toHaveAttribute('data-ok', 'false');
    await expect(output).toContainText('metadata.name: Invalid value: "Bad_Name"');
    // the error points at the line of the name
    await expect(output.getByRole('button', { name: 'line 4' })).toBeVisible();
    await expect(page.locator('[data-kind="Pod"][data-name="Bad_Name"]')).toHaveCount(0);
  });

  test('kubectl answers in the console', async ({ page }) => {
    await runKubectl(page, 'get nodes');
    const out = terminalRows(page);
    await expect(out).toContainText('NAME');
    await expect(out).toContainText(/node-1\s+Ready\s+<none>/);
    await runKubectl(page, 'get pods -n kube-system');
    await expect(out).toContainText('kube-apiserver-control-plane');
    await runKubectl(page, 'frobnicate');
    await expect(out).toContainText('unknown command "frobnicate"');
  });

  test('killing a node turns it dark, and the control plane notices', async ({ page }) => {
    await page.getByRole('button', { name: 'Kill node node-2' }).click();
    const node = page.locator('[data-kind="Node"][data-name="node-2"]');
    await expect(node).toContainText('machine off');
    await page.getByLabel('Speed').selectOption('30');
    // node-monitor-grace-period (50s) later, the node-lifecycle controller marks it NotReady
    await expect(node).toHaveAttribute('data-status', 'NotReady', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Restore node node-2' }).click();
    await expect(node).toHaveAttribute('data-status', 'Ready', { timeout: 20_000 });
  });
});

import { readFileSync } from 'node:fs';
import { expect, openCluster, test } from './fixtures';
import { runKubectl } from './kubectl';

/**
 * The inspector: click a pod that fits nowhere and read why it is Pending, node by
 * node; follow a Deployment pod's owner chain up to the Deployment; click an event to
 * inspect the object it is about; Escape closes.
 */
const TOO_BIG = readFileSync(new URL('../public/examples/too-big.yaml', import.meta.url), 'utf8');

const kubectl = runKubectl;

test.describe('the inspector', () => {
  test.beforeEach(({ page }) => openCluster(page));

  test('a pod that fits no node: "Why Pending?" shows each node rejected with Insufficient cpu', async ({ page }) => {
    await page.getByTestId('manifest-editor').fill(TOO_BIG);
    await page.getByRole('button', { name: 'Apply' }).click();
    const pod = page.locator('[data-kind="Pod"][data-name="greedy"]');
    await expect(pod).toHaveAttribute('data-status', 'Pending');
    await pod.locator('.graph-pod-name').click();
    await expect(pod).toHaveAttribute('aria-current', 'true');
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByRole('heading', { name: 'Inspector: pod/greedy' })).toBeVisible();
    await expect(inspector.getByRole('heading', { name: 'Why Pending?' })).toBeVisible();
    const filters = inspector.getByRole('table', { name: /^Filters/ });
    await expect(filters.locator('tbody tr')).toHaveCount(4);
    for (const node of ['node-1', 'node-2', 'node-3']) {
      const row = filters.locator(`tr[data-node="${node}"]`);
      await expect(row).toContainText('NodeResourcesFit');
      await expect(row).toContainText('Insufficient cpu');
    }
    // the control plane keeps its taint; every node is rejected, none scored
    await expect(filters.locator('tr[data-status="passed"]')).toHaveCount(0);
    await expect(filters.locator('tr[data-node="control-plane"]')).toContainText('TaintToleration');
    await expect(inspector).toContainText(/FailedScheduling: 0\/4 nodes are available: .*Insufficient cpu/);
    await expect(inspector.getByText(/Why it is here: default-scheduler recorded FailedScheduling/)).toBeVisible();
    // deleted under the learner's eyes: the panel says so
    await kubectl(page, 'delete pod greedy');
    await expect(inspector.getByText('pod/greedy was deleted')).toBeVisible();
    // Escape closes it (the focus is back on the page, not in the console)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await expect(inspector).toHaveCount(0);
  });

  test("a Deployment's pod: the owner chain names its ReplicaSet and Deployment, and the Deployment opens", async ({
    page,
  }) => {
    await kubectl(page, 'create deployment web --image=nginx:1.27 --replicas=2');
    const pod = page.locator('[data-kind="Pod"][data-namespace="default"][data-name^="web-"]').first();
    await expect(pod).toBeVisible();
    await pod.locator('.graph-pod-name').click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByRole('heading', { name: /^Inspector: pod\/web-/ })).toBeVisible();
    await expect(inspector.getByText(/Why it is here: replicaset-controller recorded SuccessfulCreate/)).toBeVisible();
    await inspector.getByRole('tab', { name: 'Owners & dependants' }).click();
    const chain = inspector.getByRole('list', { name: 'Owned by' });
    await expect(chain.getByRole('button', { name: /^Inspect replicaset\/web-/ })).toBeVisible();
    await chain.getByRole('button', { name: 'Inspect deployment/web' }).click();
    await expect(inspector.getByRole('heading', { name: 'Inspector: deployment/web' })).toBeVisible();
    await expect(page.locator('tr[data-kind="Deployment"][data-name="web"]')).toHaveAttribute('aria-current', 'true');
    // the Deployment owns the ReplicaSet; its events say it scaled it
    await expect(
      inspector.getByRole('list', { name: 'Owns' }).getByRole('button', { name: /^Inspect replicaset\/web-/ }),
    ).toBeVisible();
    await inspector.getByRole('tab', { name: /^Events/ }).click();
    await expect(inspector.getByRole('table', { name: 'Events' })).toContainText('ScalingReplicaSet');
    await inspector.getByRole('tab', { name: 'YAML' }).click();
    await expect(inspector.locator('pre')).toContainText('kind: Deployment');
  });

  test('clicking an event row inspects its object', async ({ page }) => {
    await kubectl(page, 'create deployment web --image=nginx:1.27 --replicas=1');
    const row = page.locator('.events-timeline [data-object="deployment/web"]').first();
    await expect(row).toContainText('ScalingReplicaSet');
    await row.click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByRole('heading', { name: 'Inspector: deployment/web' })).toBeVisible();
    // the timeline filters: Warning only hides the Normal rows
    await page.getByRole('combobox', { name: 'Type' }).selectOption('Warning');
    await expect(page.locator('.events-timeline [data-object="deployment/web"]')).toHaveCount(0);
    // keyboard: a node box selects its node with Enter
    await page.locator('[data-kind="Node"][data-name="node-1"]').focus();
    await page.keyboard.press('Enter');
    await expect(inspector.getByRole('heading', { name: 'Inspector: node/node-1' })).toBeVisible();
    await expect(inspector).toContainText('Taints');
  });
});

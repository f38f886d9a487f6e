import { expect, openCluster, test } from './fixtures';
import { runKubectl, terminalRows } from './kubectl';

/**
 * The cluster graph: pods a Deployment makes appear inside the worker node boxes and
 * run; a killed node's box goes dark; a pod no node can hold waits in its own box; a
 * crowded node folds pods of one owner into a group a click opens.
 */
const kubectl = runKubectl;

test.describe('the cluster graph', () => {
  test.beforeEach(({ page }) => openCluster(page));

  test('a 3-replica Deployment runs 3 pods inside worker nodes', async ({ page }) => {
    await kubectl(page, 'create deployment web --image=nginx:1.27 --replicas=3');
    await expect(terminalRows(page)).toContainText('deployment.apps/web created');
    const pods = page.locator('[data-kind="Pod"][data-namespace="default"][data-name^="web-"]');
    await expect(pods).toHaveCount(3);
    await page.getByLabel('Speed').selectOption('10');
    for (let i = 0; i < 3; i++)
      await expect(pods.nth(i)).toHaveAttribute('data-status', 'Running', { timeout: 20_000 });
    await expect(page.getByRole('listitem', { name: /^Pod web-\S+, Running, Ready$/ })).toHaveCount(3);
    // status in words on the card, not colour alone
    await expect(pods.first()).toContainText('Running · Ready');
    const nodes = await pods.evaluateAll((els) =>
      els.map((el) => el.closest('[data-kind="Node"]')?.getAttribute('data-name')),
    );
    for (const n of nodes) expect(n).toMatch(/^node-\d$/);
  });

  test('a killed node goes dark and greys its pods', async ({ page }) => {
    await kubectl(page, 'create deployment web --image=nginx:1.27 --replicas=3');
    const node = page.locator('[data-kind="Node"][data-name="node-2"]');
    await page.getByRole('button', { name: 'Kill node node-2' }).click();
    await expect(node).toContainText('machine off');
    await expect(page.getByRole('article', { name: 'Node node-2, Ready, machine switched off' })).toBeVisible();
    // dark box, greyed pods
    expect(await node.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 38, 48)');
    const pod = node.locator('[data-kind="Pod"]').first();
    expect(await pod.evaluate((el) => getComputedStyle(el).filter)).toBe('grayscale(1)');
    await page.getByLabel('Speed').selectOption('30');
    await expect(node).toHaveAttribute('data-status', 'NotReady', { timeout: 20_000 });
    await expect(page.getByRole('article', { name: 'Node node-2, NotReady, machine switched off' })).toBeVisible();
  });

  test('a pod no node can hold waits in the "Not scheduled yet" box', async ({ page }) => {
    await page
      .getByTestId('manifest-editor')
      .fill(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: "64"\n',
      );
    await page.getByRole('button', { name: 'Apply' }).click();
    const box = page.getByRole('region', { name: 'Not scheduled yet' });
    await expect(box).toBeVisible();
    const pod = box.locator('[data-kind="Pod"][data-name="huge"]');
    await expect(pod).toHaveAttribute('data-status', 'Pending');
    await expect(pod).toContainText('Pending');
  });

  test('pods appear without animation when the system asks for reduced motion', async ({ page }) => {
    const pod = page.locator('[data-kind="Pod"]').first();
    expect(await pod.evaluate((el) => getComputedStyle(el).animationName)).toBe('graph-pod-in');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await pod.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(await pod.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  });

  test('a crowded node folds pods of one owner into a group that opens on click', async ({ page }) => {
    await kubectl(page, 'create deployment many --image=nginx:1.27 --replicas=45');
    const groups = page.locator('[data-kind="PodGroup"]');
    await expect(groups).toHaveCount(3);
    const first = groups.first();
    const count = Number(await first.getAttribute('data-count'));
    expect(count).toBeGreaterThan(10);
    await expect(
      first.getByRole('button', { name: new RegExp(`^${count} pods of (ReplicaSet )?many-\\S+:`) }),
    ).toBeVisible();
    const name = await first.evaluate((el) => el.closest('[data-kind="Node"]')?.getAttribute('data-name'));
    const pods = page.locator(`[data-kind="Node"][data-name="${name}"] [data-kind="Pod"][data-name^="many-"]`);
    await expect(pods).toHaveCount(0);
    await first.getByRole('button').click();
    await expect(pods).toHaveCount(count);
    await page.getByRole('button', { name: 'Fold pods' }).click();
    await expect(pods).toHaveCount(0);
  });
});

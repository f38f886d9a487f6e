import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What a learner sees of workloads: an empty state that says what to do, then a table
 * per kind with kubectl get's columns that fills in as the controller's pods start.
 */
const REPLICASET = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

/** The text of each cell of a table row, as a person reads it. */
async function cells(row: Locator): Promise<string[]> {
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

test.describe('the workloads panel', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('a ReplicaSet applied from the editor shows DESIRED CURRENT READY as kubectl get does', async ({ page }) => {
    const panel = page.getByRole('region', { name: 'Workloads' });
    await expect(panel).toContainText('No workloads yet');

    await page.getByTestId('manifest-editor').fill(REPLICASET);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('replicaset.apps/frontend created')).toBeVisible();

    const table = panel.getByRole('region', { name: /ReplicaSets/ });
    await expect(table.getByRole('columnheader')).toHaveText([
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'AGE',
      'In short',
    ]);
    const row = panel.locator('tr[data-kind="ReplicaSet"][data-name="frontend"]');
    await expect(row).toHaveCount(1);
    await page.getByLabel('Speed').selectOption('10');
    await expect(row).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
    const [name, desired, current, ready] = await cells(row);
    expect([name, desired, current, ready]).toEqual(['frontend', '3', '3', '3']);
    await expect(row.locator('.workload-summary')).toHaveText(/3 of 3 pods ready/);
    await expect(page.getByRole('row', { name: 'ReplicaSet frontend: 3 of 3 pods ready' })).toBeVisible();
    await expect(panel).not.toContainText('No workloads yet');

    // its pods say who controls them
    const pod = page.locator('[data-kind="Pod"][data-owner="ReplicaSet/frontend"]');
    await expect(pod).toHaveCount(3);
    await expect(pod.first()).toHaveAttribute('title', /controlled by ReplicaSet\/frontend/);
  });

  test('the empty state runs kubectl create deployment, and the Deployment reads READY 1/1', async ({ page }) => {
    const panel = page.getByRole('region', { name: 'Workloads' });
    await panel.getByRole('button', { name: 'kubectl create deployment web --image=nginx' }).click();
    await page.getByLabel('Speed').selectOption('10');
    const row = panel.locator('tr[data-kind="Deployment"][data-name="web"]');
    await expect(row).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
    expect((await cells(row)).slice(0, 4)).toEqual(['web', '1/1', '1', '1']);
    // the Deployment's ReplicaSet gets its own table
    await expect(panel.locator('tr[data-kind="ReplicaSet"]')).toHaveCount(1);
  });
});

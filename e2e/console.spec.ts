import type { Page } from '@playwright/test';
import { expect, openCluster, test } from './fixtures';
import { focusTerminal, runKubectl, terminalRows } from './kubectl';

/**
 * The kubectl terminal: a learner types commands with the keyboard, the cluster answers
 * in the terminal and the graph follows; ↑ recalls, Tab completes from the live cluster,
 * errors read red, `clear` empties the screen.
 */

/** The row the cursor is on: the prompt line being edited. */
async function promptRow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid="kubectl-output"] .xterm-rows > div')];
    const withCursor = rows.find((r) => r.querySelector('.xterm-cursor'));
    return (withCursor?.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd();
  });
}

/** Pastes text into the terminal the way the browser delivers a clipboard paste. */
async function paste(page: Page, text: string): Promise<void> {
  await focusTerminal(page);
  await page
    .getByTestId('kubectl-output')
    .locator('textarea')
    .evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
}

test.describe('the kubectl terminal', () => {
  test.beforeEach(({ page }) => openCluster(page));

  test('create and scale a Deployment by typing, recall, complete, fail, clear', async ({ page }) => {
    const rows = terminalRows(page);
    await expect(page.getByRole('region', { name: /kubectl terminal/ })).toBeVisible();

    await runKubectl(page, 'kubectl create deployment web --image=nginx --replicas=2');
    await expect(rows).toContainText('deployment.apps/web created');
    const pods = page.locator('[data-kind="Pod"][data-namespace="default"][data-name^="web-"]');
    await expect(pods).toHaveCount(2);
    await runKubectl(page, 'kubectl scale deployment web --replicas=4');
    await expect(rows).toContainText('deployment.apps/web scaled');
    await expect(pods).toHaveCount(4);

    // ↑ recalls the last command onto the prompt; Ctrl+C drops it again
    await focusTerminal(page);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => promptRow(page)).toBe('$ kubectl scale deployment web --replicas=4');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => promptRow(page)).toBe('$ kubectl create deployment web --image=nginx --replicas=2');
    await page.keyboard.press('Control+C');
    await expect.poll(() => promptRow(page)).toBe('$');

    // Tab completes the resource type…
    await page.keyboard.type('kubectl get depl');
    await page.keyboard.press('Tab');
    await expect.poll(() => promptRow(page)).toBe('$ kubectl get deployments');
    await page.keyboard.press('Enter');
    await expect(rows).toContainText(/web\s+\d\/4\s+4\s+\d/);

    // …and a pod name from the live cluster
    const names = await pods.evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
    const name = names[0];
    let k = 'web-'.length + 1;
    while (names.some((n) => n !== name && n.startsWith(name.slice(0, k)))) k++;
    await page.keyboard.type(`kubectl get pod ${name.slice(0, k)}`);
    await page.keyboard.press('Tab');
    await expect.poll(() => promptRow(page)).toBe(`$ kubectl get pod ${name}`);
    await page.keyboard.press('Enter');
    await expect(rows).toContainText(new RegExp(`${name}\\s+\\d/1`));

    // an unknown command: kubectl's own words, in red, and the cluster is untouched
    await runKubectl(page, 'kubectl frobnicate');
    const red = rows.locator('span.xterm-fg-1');
    await expect(red).toContainText('error: unknown command "frobnicate" for "kubectl"');
    await expect(pods).toHaveCount(4);
    await expect(page.locator('[data-kind="Deployment"][data-name="web"]').first()).toBeVisible();

    // clear empties the screen down to a fresh prompt
    await runKubectl(page, 'clear');
    await expect(rows).not.toContainText('frobnicate');
    await expect(rows).not.toContainText('deployment.apps/web');
    await expect.poll(() => promptRow(page)).toBe('$');
  });

  test('get pods -o wide keeps its columns aligned; help lists the commands', async ({ page }) => {
    await runKubectl(page, 'create deployment web --image=nginx --replicas=2');
    await runKubectl(page, 'get pods -o wide');
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="kubectl-output"] .xterm-rows > div')].map((r) =>
        (r.textContent ?? '').replace(/\u00a0/g, ' '),
      ),
    );
    const header = lines.find((l) => l.startsWith('NAME '));
    expect(header).toContain('NOMINATED NODE');
    // each row's NODE cell starts under the NODE header, on one terminal row
    const nodeAt = (header as string).indexOf(' NODE ') + 1;
    const podRows = lines.filter((l) => l.startsWith('web-'));
    expect(podRows).toHaveLength(2);
    for (const row of podRows) expect(row.slice(nodeAt)).toMatch(/^(node-\d|<none>)\s/);

    // a multi-line paste runs line by line; a huge one is refused with a message
    const terminal = page.getByTestId('kubectl-output');
    const runs = Number(await terminal.getAttribute('data-runs'));
    await paste(page, 'get deployments\nget nodes\n');
    await expect(terminal).toHaveAttribute('data-runs', String(runs + 2));
    await expect(terminalRows(page)).toContainText(/node-1\s+Ready/);
    await paste(page, 'x'.repeat(10_001));
    await expect(terminalRows(page)).toContainText('Paste refused: 10001 characters');
    await expect(terminal).toHaveAttribute('data-runs', String(runs + 2));
    await page.keyboard.press('Control+U');

    await runKubectl(page, 'help');
    const rows = terminalRows(page);
    await expect(rows).toContainText('kubectl <command> --help describes one command.');
    await expect(rows).toContainText(/rollout\s+Manage the rollout of a resource/);

    // Tab belongs to completion; Escape then Tab moves the focus on
    await focusTerminal(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const inTerminal = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="kubectl-output"]'));
    expect(inTerminal).toBe(false);
  });
});

// A learner takes lessons in the app: picks one, reads each step, does it (typing the
// command for one step, "Show me" for the rest), watches the goals tick, moves on, and
// finishes — and a Korean learner gets the same lesson in Korean.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const panel = (page: Page) => page.getByTestId('lessons');

async function start(page: Page, title: string) {
  await page.goto('/');
  await panel(page).getByRole('listitem').filter({ hasText: title }).getByRole('button').click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(title);
  // Lessons run at their own speed; the learner turns it up to wait less.
  await page.getByLabel('Speed').selectOption('60');
}

/** Waits until every goal of the current step is ticked, then goes on. */
async function finishStep(page: Page, { showMe = true } = {}) {
  if (showMe) await panel(page).getByRole('button', { name: 'Show me' }).click();
  await expect(panel(page).locator('.lesson-checks li[data-status="pending"]')).toHaveCount(0, { timeout: 45_000 });
  await expect(panel(page).getByText(/Step complete|Lesson complete/)).toBeVisible();
}

test('rolling updates, start to finish, typing the first update by hand', async ({ page }) => {
  test.setTimeout(180_000);
  await start(page, 'Rolling updates and rollback');
  await finishStep(page, { showMe: false });
  await panel(page).getByRole('button', { name: 'Next step' }).click();
  await expect(panel(page).getByText('Step 2 of 6')).toBeVisible();
  // This one the learner types, in the console, as the step says.
  const terminal = page.getByTestId('kubectl-output');
  await terminal.locator('textarea').focus();
  await page.keyboard.type('kubectl set image deployment/web web=playground/web:v2');
  await page.keyboard.press('Enter');
  await finishStep(page, { showMe: false });
  for (let step = 3; step <= 6; step++) {
    await panel(page).getByRole('button', { name: 'Next step' }).click();
    await expect(panel(page).getByText(`Step ${step} of 6`)).toBeVisible();
    await finishStep(page);
  }
  await expect(panel(page).getByText('Lesson complete')).toBeVisible();
  // The Deployment the lesson drove is there for the learner to see.
  await expect(page.locator('[data-kind="Pod"][data-name^="web-"]')).toHaveCount(4, { timeout: 30_000 });
});

test('self-healing, start to finish with show me', async ({ page }) => {
  test.setTimeout(240_000);
  await start(page, 'Self-healing');
  await finishStep(page, { showMe: false });
  for (let step = 2; step <= 7; step++) {
    await panel(page).getByRole('button', { name: 'Next step' }).click();
    await expect(panel(page).getByText(`Step ${step} of 7`)).toBeVisible();
    await finishStep(page);
  }
  await expect(panel(page).getByText('Lesson complete')).toBeVisible();
  await expect(page.locator('[data-kind="Node"][data-name="node-3"]')).toHaveAttribute('data-status', /NotReady/);
});

test('a Korean learner reads the lesson in Korean, and a step can put its YAML in the editor', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kube-playground.locale', 'ko'));
  await page.goto('/');
  await panel(page).getByRole('listitem').filter({ hasText: '자가 치유' }).getByRole('button').click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('자가 치유');
  await expect(panel(page).getByText('7단계 중 1단계')).toBeVisible();
  await expect(panel(page).getByText('web 파드 3개 중 3개가 준비됨')).toBeVisible();
  await panel(page)
    .getByRole('button', { name: /힌트 보기/ })
    .click();
  await expect(panel(page).locator('.lesson-hints li')).toHaveCount(1);
  await panel(page).getByRole('button', { name: '4. 크래시 루프' }).click();
  await expect(panel(page).getByText('7단계 중 4단계')).toBeVisible();
  await panel(page).getByRole('button', { name: '이 YAML을 에디터에 넣기' }).click();
  // Applying what the step put in the editor creates the step's pod.
  await page.getByRole('button', { name: /^(Apply|적용)$/ }).click();
  await expect(page.locator('[data-kind="Pod"][data-name="crasher"]')).toHaveCount(1, { timeout: 15_000 });
});

import { expect, type Locator, type Page } from '@playwright/test';

/** The terminal's visible rows, as xterm draws them. */
export function terminalRows(page: Page): Locator {
  return page.getByTestId('kubectl-output').locator('.xterm-rows');
}

/** Puts the keyboard focus into the kubectl terminal. */
export async function focusTerminal(page: Page): Promise<void> {
  await page.getByTestId('kubectl-output').locator('textarea').focus();
}

/**
 * Types one line into the kubectl terminal as a person would, presses Enter and waits
 * until the console has printed its answer (`clear` answers nothing, so it is not awaited).
 */
export async function runKubectl(page: Page, line: string): Promise<void> {
  const terminal = page.getByTestId('kubectl-output');
  await expect(terminal).toHaveAttribute('data-busy', 'false');
  const before = Number((await terminal.getAttribute('data-runs')) ?? '0');
  await focusTerminal(page);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  if (line.trim() !== 'clear') await expect(terminal).toHaveAttribute('data-runs', String(before + 1));
}

#!/usr/bin/env node
// Opens the built app (vite preview on :4173 must be running) in the system Chromium
// and saves a screenshot: npm run screenshot -- out.png [wait-ms] [kubectl line...]
import { chromium } from '@playwright/test';

const [out = 'screenshot.png', wait = '3000', ...lines] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(process.env.URL ?? 'http://localhost:4173/');
await page.waitForTimeout(Number(wait));
for (const line of lines) {
  // type into the kubectl terminal as a person would
  await page.getByTestId('kubectl-output').locator('textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`saved ${out}`);

#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, then e2e in the system's headless Chromium.
// Every stage runs even if an earlier one fails; the last line sums them up as
// "N passed, N failed" and the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const stages = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  {
    name: 'unit',
    cmd: 'node_modules/.bin/vitest',
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    counts: () => countVitest('test-results/vitest.json'),
  },
  {
    name: 'e2e',
    cmd: 'node_modules/.bin/playwright',
    args: ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
    // Playwright resolves this against the config's folder, so give it an absolute path.
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve('test-results/playwright.json') },
    counts: () => countPlaywright('test-results/playwright.json'),
  },
];

let passed = 0;
let failed = 0;
const summary = [];
rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright.json', { force: true });
for (const s of stages) {
  console.log(`\n=== ${s.name} ===`);
  const r = spawnSync(s.cmd, s.args, { stdio: 'inherit', env: { ...process.env, ...(s.env ?? {}) } });
  const ok = r.status === 0;
  const c = s.counts ? s.counts() : undefined;
  if (c) {
    passed += c.passed;
    failed += c.failed + (ok || c.failed > 0 ? 0 : 1);
  } else {
    passed += ok ? 1 : 0;
    failed += ok ? 0 : 1;
  }
  summary.push(`${s.name}: ${ok ? 'ok' : 'FAILED'}${c ? ` (${c.passed} passed, ${c.failed} failed)` : ''}`);
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function countVitest(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0 };
}

function countPlaywright(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const st = j.stats ?? {};
  return { passed: (st.expected ?? 0) + (st.flaky ?? 0), failed: st.unexpected ?? 0 };
}

import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** The system Chromium (Debian's package); Playwright never downloads a browser here. */
const chromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
/** E2E_PORT lets two checkouts' suites run side by side, each on its own build. */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = port === 4173 ? 'dist' : `test-results/dist-${port}`;

export default defineConfig({
  testDir: '.',
  outputDir: port === 4173 ? '../test-results/e2e' : `../test-results/e2e-${port}`,
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // run from the project root, not from e2e/
    cwd: new URL('..', import.meta.url).pathname,
    command: `node_modules/.bin/vite build --outDir ${outDir} && node_modules/.bin/vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});

/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  worker: { format: 'es' },
  optimizeDeps: { include: ['yaml'] },
  build: { target: 'es2022', sourcemap: true },
  test: {
    // Playwright specs live in e2e/ and must not be picked up here.
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 30_000,
  },
});

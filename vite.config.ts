import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  worker: { format: 'es' },
  optimizeDeps: { include: ['yaml'] },
  build: { target: 'es2022', sourcemap: true },
});

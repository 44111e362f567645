import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Lists each page's chunks and what they import; the bundle benchmark weighs a page's first view from it.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  // npm run dev: the tab with hot reload, its API calls passed to the service (SERVICE_PORT, 3978 by default).
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.SERVICE_PORT ?? 3978}` },
  },
});

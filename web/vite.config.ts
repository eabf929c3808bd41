import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Two pages: index.html (the public report and progress pages, and the grid workers' pages; phone first, kept small)
 * and console.html (the staff console with Ant Design and ECharts). The gateway serves both from web/dist.
 */
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: { index: resolve(here, 'index.html'), console: resolve(here, 'console.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/open311': 'http://localhost:8080' } },
});

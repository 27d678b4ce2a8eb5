import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// One single-page app for the four screens (console, clerk, partner portal, wallet); each screen is its own
// lazily loaded chunk, so a phone opening /wallet never downloads the console's charts.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { proxy: { '/v1': 'http://localhost:8080' } },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Named, long-lived vendor chunks for what every page needs. antd is left to the default
        // splitting so a page only loads the components it uses (tables, pickers, charts later).
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/]\.pnpm[\\/](react|react-dom|scheduler|react-router)@/ },
            { name: 'vendor-zod', test: /node_modules[\\/]\.pnpm[\\/]zod@/ },
            // Everything else the entry imports statically is fetched on every first visit
            // anyway: one chunk, not a dozen small ones queueing for the browser's six
            // connections (lazy chunks that share a module with it import it from there).
            { name: 'app', tags: ['$initial'] },
          ],
        },
      },
    },
  },
});

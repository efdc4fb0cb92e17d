import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Go server that the dev server forwards API and health calls to.
const backend = process.env.PC_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  root: 'frontend',
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/readyz': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and the router change rarely: one long-cached chunk.
            {
              name: 'react-vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import react from '@vitejs/plugin-react';
import { LOGIN_PATH } from './frontend/src/app/paths';

// The Go server that the dev server forwards API and health calls to.
const backend = process.env.PC_BACKEND ?? 'http://localhost:8080';

/**
 * A direct load of a console page needs the console's chunk (frontend/src/app/consolePages.ts)
 * and the chunks it imports, which the browser would only learn about once the app's own
 * JavaScript has arrived and run. index.html gets a small inline script that asks for them at
 * once, alongside the app's JavaScript, on every page but the login page (which needs none of
 * them; routes.tsx preloads the console under the same condition).
 */
function preloadConsole(): Plugin {
  const root = fileURLToPath(new URL('./frontend/src/app/consolePages.ts', import.meta.url));
  // The chunks that the given ones import, directly or not, the given ones included.
  const closure = (bundle: OutputBundle, files: string[]) => {
    const seen = new Set<string>();
    for (let f = files.pop(); f !== undefined; f = files.pop()) {
      const c = bundle[f];
      if (seen.has(f) || c?.type !== 'chunk') continue;
      seen.add(f);
      files.push(...c.imports);
    }
    return seen;
  };
  let base = '/';
  return {
    name: 'pc:preload-console',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return;
        const consoleChunk = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.facadeModuleId === root);
        if (!consoleChunk) throw new Error(`preloadConsole: no chunk for ${root}`);
        const inHtml = closure(bundle, [chunk.fileName]);
        const files = [...closure(bundle, [consoleChunk.fileName])].filter((f) => !inHtml.has(f)).sort();
        const hrefs = JSON.stringify(files.map((f) => base + f));
        return [
          {
            tag: 'script',
            injectTo: 'head',
            children:
              `if(location.pathname!==${JSON.stringify(LOGIN_PATH)})${hrefs}.forEach(function(h){` +
              `var l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=h;document.head.appendChild(l)})`,
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: 'frontend',
  base: '/',
  plugins: [react(), preloadConsole()],
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

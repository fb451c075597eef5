/**
 * Build and dev-server configuration for the web app (src/web). The server serves dist/web at `/`
 * and falls back to index.html for client routes, so the app uses absolute asset paths.
 *
 * JSX goes through Vite's built-in Oxc transform with React's automatic runtime: no React plugin,
 * no fast refresh (a full reload on change is enough for an admin UI).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  publicDir: 'public',
  // The app bundles everything it uses; nothing is fetched from elsewhere at build or run time.
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The CSP has no `data:` for scripts or fonts; keep every asset a file of its own.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The build's output is what an operator reads on `npm start`: only warnings that need a fix.
      // Timing notes depend on the machine's load; TanStack's "use client" marks are for React
      // Server Components, which this app does not use.
      checks: { bundlerTimings: false },
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget } },
  },
});

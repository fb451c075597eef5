/**
 * Build and dev-server configuration for the web app (src/web). The server serves dist/web at `/`
 * and falls back to index.html for client routes, so the app uses absolute asset paths.
 *
 * JSX goes through Vite's built-in Oxc transform with React's automatic runtime: no React plugin,
 * no fast refresh (a full reload on change is enough for an admin UI).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  // Installable, and the app shell works with no network (docs/OFFLINE.md): Workbox precaches the
  // built files; the API is never cached (its answers hold personal data and are `no-store`). A new
  // version waits until the user accepts it (`prompt`), never replacing the app mid-interview.
  plugins: [
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Ñandutí',
        short_name: 'Ñandutí',
        description: 'Sistema nacional de información contra la trata de personas — Paraguay',
        lang: 'es',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#4a1d5c',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,json}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
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

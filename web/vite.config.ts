// Build: npx vite build --config web/vite.config.ts   (from the repo root)
// Dev:   npx vite --config web/vite.config.ts          (proxies /api to the rasd server on :8791)
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error plain .mjs helper, no type declarations
import { buildBoundaries } from './build-boundaries.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Emits /boundaries.json (generated from world-atlas, never committed) and serves it in dev. */
function boundaries(): Plugin {
  let json: string | undefined;
  const get = (): string => (json ??= buildBoundaries() as string);
  return {
    name: 'rasd-boundaries',
    configureServer(server) {
      server.middlewares.use('/boundaries.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(get());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'boundaries.json', source: get() });
    },
  };
}

export default defineConfig({
  root: here,
  // Dev-server dependency cache inside web/ (ignored by web/.gitignore), not in node_modules.
  cacheDir: fileURLToPath(new URL('./.vite', import.meta.url)),
  base: '/',
  // Preact through the automatic JSX runtime of vite 8's oxc transformer (no preset plugin needed).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    // Libraries written for React (none yet) would resolve to preact/compat.
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
  },
  plugins: [boundaries()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows img-src data:, so small assets (Leaflet's CSS images) may be inlined.
    assetsInlineLimit: 4096,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8791' } },
});

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';
import path from 'node:path';

const rendererDir = path.resolve(import.meta.dirname, 'renderer');

/**
 * The renderer is two classic scripts, not ES modules: Chromium (and so Electron) keeps the
 * compiled code of a classic script and reuses it from the third load on, but compiles module
 * scripts afresh on every load (measured with Chromium 156: opening the reference pack spent
 * ~100 ms compiling on the main thread). So:
 *  - the app (main.tsx and everything it imports) is one IIFE; what it imports with import()
 *    (settings, export, templates, zod) is in it too, but only run when first imported;
 *  - prefetch.ts, a few hundred bytes, is built apart and loaded first, as a plain script in
 *    the head before the stylesheet, so it asks for the pack in the URL at once.
 */
const PREFETCH = 'prefetch.js';

function classicScripts(): Plugin {
  return {
    name: 'briefing-classic-scripts',
    apply: 'build',
    async buildStart() {
      const built = await esbuild({
        entryPoints: [path.join(rendererDir, 'prefetch.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'chrome130',
        logLevel: 'error',
      });
      this.emitFile({ type: 'asset', name: PREFETCH, source: built.outputFiles[0]!.text });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const prefetch = Object.values(ctx.bundle ?? {}).find((file) => file.type === 'asset' && file.names.includes(PREFETCH))?.fileName;
        if (!prefetch) throw new Error('The prefetch script was not built.');
        // The app's tag first, so its fetch starts before the first script runs; that one runs
        // at once, before the stylesheet's tag is even read.
        const scripts = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/, `<script defer src="$1"></script>\n    <script src="./${prefetch}"></script>`);
        if (scripts === html) throw new Error('The app script tag was not found in index.html.');
        return scripts;
      },
    },
  };
}

// The renderer is built into dist/renderer and served by the Electron app:// protocol or
// the browser host. Relative asset URLs so both work.
export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react(), classicScripts()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
    // One stylesheet, linked from the page: no style links added by script at start-up.
    cssCodeSplit: false,
    modulePreload: false,
    rollupOptions: {
      output: { format: 'iife' },
      onLog(level, log, handler) {
        // Vite wraps each import() in a helper that preloads the imported chunk's own
        // dependencies, found through import.meta.url; in one bundle there are none, so the
        // helper goes straight to the import and the empty import.meta never matters.
        if (log.code === 'EMPTY_IMPORT_META') return;
        handler(level, log);
      },
    },
  },
});

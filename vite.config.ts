import { defineConfig, type Plugin, type Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;
import react from '@vitejs/plugin-react';
import path from 'node:path';

/**
 * main.tsx is a tiny entry that loads the app (startApp) with a dynamic import, and the pack
 * screen loads the editor chunk (pack/SectionPane and Lexical) at start-up too. Modulepreload
 * links in the page let the browser fetch and compile those chunks (and the chunks they
 * import) in parallel with the entry, instead of one after another.
 */
const PRELOADED_ENTRIES = ['/startApp.tsx', '/pack/SectionPane.tsx'];
function preloadAppChunks(): Plugin {
  return {
    name: 'briefing-preload-app-chunks',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = new Map<string, OutputChunk>();
        for (const c of Object.values(ctx.bundle ?? {})) if (c.type === 'chunk') chunks.set(c.fileName, c);
        const js = new Set<string>();
        const css = new Set<string>();
        const add = (chunk: OutputChunk | undefined) => {
          if (!chunk || chunk.isEntry || js.has(chunk.fileName)) return;
          js.add(chunk.fileName);
          for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
          for (const imported of chunk.imports) add(chunks.get(imported));
        };
        // The app first: it is needed first, and the host answers requests in order.
        for (const entry of PRELOADED_ENTRIES) {
          for (const chunk of chunks.values()) if (chunk.isDynamicEntry && chunk.facadeModuleId?.endsWith(entry)) add(chunk);
        }
        return [
          ...[...js].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...[...css].map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// The renderer is built into dist/renderer and served by the Electron app:// protocol or
// the browser host. Relative asset URLs so both work.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), preloadAppChunks()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
    // One stylesheet, linked from the page: no style links added by script at start-up.
    cssCodeSplit: false,
  },
});

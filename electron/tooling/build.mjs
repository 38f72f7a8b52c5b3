// Builds what the app needs: the renderer (Vite) into dist/renderer and the Node/Electron
// entry points (esbuild) into dist/electron. Skips the work when nothing changed since the
// last build, so `npm run serve`, `npm start`, the CLI and the tests can always call it.
import { build as esbuild } from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { root, stampFile: stamp, isBuildStale } = require('./stale.cjs');
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');
const force = process.argv.includes('--force');
const log = (msg) => quiet || console.log(msg);

export const ENTRY_POINTS = {
  cli: 'electron/cli/cliMain.ts',
  serve: 'electron/browserHost/serveMain.ts',
  main: 'electron/shell/main.ts',
  preload: 'electron/shell/preload.ts',
  importWorker: 'electron/import/importWorker.ts',
};

/** The CLI's separate bundle of docx/layout (see buildAll). */
const CLI_DOCX_LAYOUT = 'cli-docx-layout';

export async function buildAll() {
  if (!force && !isBuildStale()) {
    log('Build is up to date.');
    return;
  }
  log('Building the renderer…');
  // Always the production build of React and the app, whatever NODE_ENV the caller has: run
  // from the unit tests (NODE_ENV=test) it was quietly the development build, which the
  // end-to-end tests then used (a different, slower app, with StrictMode's double effects).
  process.env.NODE_ENV = 'production';
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'error' : 'warn' });
  log('Building the back end…');
  const common = {
    absWorkingDir: root,
    outdir: path.join(dist, 'electron'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    // electron is provided by the runtime; never bundle it.
    external: ['electron'],
    logLevel: 'error',
    logOverride: { 'empty-import-meta': 'silent' },
  };
  const entries = (names) => Object.fromEntries(names.map((name) => [name, path.join(root, ENTRY_POINTS[name])]));
  await esbuild({ ...common, entryPoints: entries(['serve', 'main', 'preload', 'importWorker']) });
  // The CLI is a short-lived process that loads its bundle on every run, so it is built
  // lean: minified (less to read and compile), and without docx/layout (over half the
  // bundle), which only exports that lay out contents page numbers need. That one is its
  // own file next to the CLI, required on first use.
  await esbuild({
    ...common,
    entryPoints: { ...entries(['cli']), [CLI_DOCX_LAYOUT]: path.join(root, 'node_modules', 'docx', 'dist', 'layout.mjs') },
    minify: true,
    plugins: [
      {
        name: 'docx-layout-apart',
        setup(build) {
          // A plain require (not import()), which the CLI's code-cache loader can run.
          build.onResolve({ filter: /^docx\/layout$/ }, () => ({ path: 'docx/layout', namespace: 'docx-layout-apart' }));
          build.onLoad({ filter: /.*/, namespace: 'docx-layout-apart' }, () => ({ contents: `module.exports = require('./${CLI_DOCX_LAYOUT}.cjs');`, loader: 'js' }));
          build.onResolve({ filter: new RegExp(`^\\./${CLI_DOCX_LAYOUT}\\.cjs$`) }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
  mkdirSync(dist, { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  log('Build finished.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAll().catch((err) => {
    console.error(`Build failed: ${err?.message ?? err}`);
    process.exit(1);
  });
}

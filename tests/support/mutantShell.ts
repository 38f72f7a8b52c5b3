import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAIN_BUNDLE, PRELOAD_BUNDLE } from './bootShell.js';

/**
 * A deliberately broken build of the Electron main process, to show the boot checks fail
 * when the wiring is wrong: the built dist/electron/main.cjs with one edit to its text (esbuild
 * keeps the statements as written, with imports as `import_electron.…`), next to a copy of
 * the real preload. An edit whose text is no longer in the bundle fails loudly (the test must
 * then be updated), so a mutant can never quietly equal the real app.
 */
export interface BundleEdit {
  find: string | RegExp;
  replace: string;
}

export async function buildMutantMain(edit: BundleEdit): Promise<string> {
  const original = await readFile(MAIN_BUNDLE, 'utf8');
  const changed = original.replace(edit.find, edit.replace);
  if (changed === original) throw new Error(`The edit no longer matches dist/electron/main.cjs (${String(edit.find)}): update the test`);
  const outdir = path.join(await mkdtemp(path.join(os.tmpdir(), 'briefing-mutant-')), 'dist', 'electron');
  await mkdir(outdir, { recursive: true });
  await writeFile(path.join(outdir, 'main.cjs'), changed.replace(/\n\/\/# sourceMappingURL=.*$/, '\n'));
  await copyFile(PRELOAD_BUNDLE, path.join(outdir, 'preload.cjs'));
  return path.join(outdir, 'main.cjs');
}

import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Opening a pack runs three parts of the renderer: the entry (main.tsx), the app (startApp.tsx)
// and the editor (pack/SectionPane.tsx). None of them may pull in zod and the schemas: they
// cost tens of milliseconds of start-up to build, and the back end validates everything anyway.
// Only the parts loaded later (settings, export, templates, menu-event checks) use them.

const root = path.resolve(import.meta.dirname, '../..');

/** Every file an entry loads before any dynamic import() resolves. */
async function staticInputs(entry: string): Promise<string[]> {
  const dynamicApart: Plugin = {
    name: 'dynamic-apart',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
    },
  };
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    jsx: 'automatic',
    outdir: 'out',
    logLevel: 'silent',
    loader: { '.css': 'empty' },
    plugins: [dynamicApart],
  });
  return Object.keys(result.metafile.inputs);
}

const usesZod = (inputs: string[]) => inputs.some((file) => file.includes('node_modules/zod/'));

describe('start-up code', () => {
  it.each(['renderer/main.tsx', 'renderer/startApp.tsx', 'renderer/pack/SectionPane.tsx'])('%s loads no zod', async (entry) => {
    expect(usesZod(await staticInputs(entry))).toBe(false);
  });

  it('the later parts do (so the check above can see zod when it is there)', async () => {
    expect(usesZod(await staticInputs('renderer/settings/SettingsScreen.tsx'))).toBe(true);
    expect(usesZod(await staticInputs('renderer/export/ExportDialog.tsx'))).toBe(true);
  });
});

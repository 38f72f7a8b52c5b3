import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The tree shows the architecture, and imports go one way (docs: README "Layout"):
 * shell / browserHost / cli → services (the rest of electron/) → shared; renderer → shared.
 * Each rule here is checked over every source file's import specifiers, so one import against
 * the grain fails the test with the file and the import it names.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const ENTRY_FOLDERS = ['electron/shell', 'electron/browserHost', 'electron/cli'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'tooling' && entry.name !== 'bin') out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every module a file imports at run time (type-only imports are erased and do not count). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specs: string[] = [];
  const staticImport = /^\s*(import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm;
  const bareImport = /^\s*import\s+['"]([^'"]+)['"]/gm;
  const dynamicImport = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(staticImport)) specs.push(m[2]!);
  for (const m of text.matchAll(bareImport)) specs.push(m[1]!);
  for (const m of text.matchAll(dynamicImport)) specs.push(m[1]!);
  return specs;
}

/** The repository folder a relative import lands in ('' for packages). */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return '';
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
}

const within = (p: string, folder: string) => p === folder || p.startsWith(`${folder}/`);

function violations(files: string[], forbidden: (file: string, to: string, spec: string) => boolean) {
  const found: string[] = [];
  for (const file of files) for (const spec of runtimeImports(file)) if (forbidden(file, target(file, spec), spec)) found.push(`${file} imports ${spec}`);
  return found;
}

describe('architecture: imports go one way', () => {
  const electronFiles = sourceFiles('electron');
  const services = electronFiles.filter((f) => !ENTRY_FOLDERS.some((dir) => within(f, dir)));

  it('the parser sees the imports it is meant to check (so the rules below can fail)', () => {
    expect(runtimeImports('electron/shell/main.ts')).toContain('electron');
    expect(runtimeImports('electron/shell/main.ts')).toContain('../services.js');
    expect(services.length).toBeGreaterThan(20);
  });

  it('shared imports neither electron/ nor renderer/ nor any Node or Electron module', () => {
    const bad = violations(sourceFiles('shared'), (_f, to, spec) => within(to, 'electron') || within(to, 'renderer') || spec.startsWith('node:') || spec === 'electron');
    expect(bad).toEqual([]);
  });

  it('the renderer never imports electron/', () => {
    expect(violations(sourceFiles('renderer'), (_f, to, spec) => within(to, 'electron') || spec === 'electron')).toEqual([]);
  });

  it('services never import the shell, the browser host or the CLI', () => {
    expect(violations(services, (_f, to) => ENTRY_FOLDERS.some((dir) => within(to, dir)))).toEqual([]);
  });

  it('the browser host and the CLI never import the Electron shell', () => {
    const files = electronFiles.filter((f) => within(f, 'electron/browserHost') || within(f, 'electron/cli'));
    expect(violations(files, (_f, to) => within(to, 'electron/shell'))).toEqual([]);
  });

  it('only the shell imports the electron module at run time', () => {
    const bad = violations(electronFiles, (file, _to, spec) => spec === 'electron' && !within(file, 'electron/shell'));
    expect(bad).toEqual([]);
  });
});

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ERROR_CODES, HostError } from '../../shared/api/errors.js';
import { parseJsonText, readEnvelope } from '../../shared/pack/parse.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { mutated, validPackText, validTemplateText, type FuzzInput } from './mutations.js';

export interface FuzzReport {
  test: 'fuzz';
  inputs: number;
  crashes: number;
  files_changed: number;
  /** Inputs that loaded successfully (valid files and harmless mutations). */
  loaded: number;
  byKind: Record<string, number>;
  templateLoader: string;
  /** Built-in template files used as extra seeds. */
  templateSeeds: number;
  /** fast-check seed of the first batch (batch i uses seed + i * 250): reruns reproduce it. */
  seed: number;
  failures: string[];
}

type TemplateLoader = (text: string, label: string) => unknown;

/**
 * The template loader under test. Issue 4's `shared/templates/parse.ts` (parseTemplateText)
 * is used when it is present in this checkout; until then the shared envelope/JSON loader
 * that it builds on (parseJsonText + readEnvelope) is fuzzed with template-shaped files.
 */
async function templateLoader(): Promise<{ name: string; load: TemplateLoader }> {
  const modulePath = '../../shared/templates/parse.js';
  try {
    const mod = (await import(/* @vite-ignore */ modulePath)) as { parseTemplateText?: (text: string, options?: { label?: string }) => unknown };
    if (typeof mod.parseTemplateText === 'function') {
      const parse = mod.parseTemplateText;
      return { name: 'shared/templates/parse.ts parseTemplateText', load: (text, label) => parse(text, { label }) };
    }
  } catch {
    // not merged yet
  }
  return {
    name: 'shared/pack/parse.ts parseJsonText + readEnvelope (template-shaped inputs; shared/templates not on this branch)',
    load: (text, label) => readEnvelope(parseJsonText(text, label), label, 'briefing-template', 'template', 1),
  };
}

async function builtInTemplateTexts(): Promise<string[]> {
  const dir = path.resolve('resources/templates');
  try {
    const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.briefing-template'));
    return await Promise.all(names.map((n) => fs.readFile(path.join(dir, n), 'utf8')));
  } catch {
    return [];
  }
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describe(err: unknown): string | null {
  if (err instanceof HostError) {
    if (!(ERROR_CODES as readonly string[]).includes(err.code)) return `HostError with unknown code ${err.code}`;
    if (!err.message.trim()) return `HostError ${err.code} without a message`;
    return null;
  }
  return `untyped ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`.slice(0, 300);
}

/**
 * Feed generated and mutated pack and template files through the real loaders (PackStore
 * open and list for packs, from a real temp folder): no unhandled exception, every failure a
 * HostError with a known code and a message, every input file byte-for-byte unchanged.
 */
export async function runFuzz(options: { inputs: number; seed?: number; log?: (line: string) => void }): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const loader = await templateLoader();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-fuzz-'));
  const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
  const seed = options.seed ?? 20261129;
  const report: FuzzReport = { test: 'fuzz', inputs: 0, crashes: 0, files_changed: 0, loaded: 0, byKind: {}, templateLoader: loader.name, templateSeeds: 0, seed, failures: [] };
  // Seeds: generated template-shaped files, plus the built-in templates once issue 4 ships them.
  const builtIns = await builtInTemplateTexts();
  const templateSeeds = builtIns.length ? fc.oneof(validTemplateText, fc.constantFrom(...builtIns)) : validTemplateText;
  report.templateSeeds = builtIns.length;
  const arbitrary = fc.oneof(
    mutated(validPackText).map((input) => ({ ...input, target: 'pack' as const })),
    mutated(templateSeeds).map((input) => ({ ...input, target: 'template' as const })),
  );
  const batch = 250;
  try {
    for (let done = 0; done < options.inputs; done += batch) {
      const inputs = fc.sample(arbitrary, { numRuns: Math.min(batch, options.inputs - done), seed: seed + done });
      for (const input of inputs) await runOne(input);
      log(`${report.inputs} inputs, ${report.crashes} crashes, ${report.files_changed} files changed`);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return report;

  async function runOne(input: FuzzInput & { target: 'pack' | 'template' }): Promise<void> {
    report.inputs++;
    const key = `${input.target}:${input.kind}`;
    report.byKind[key] = (report.byKind[key] ?? 0) + 1;
    const name = input.target === 'pack' ? `fuzz ${report.inputs}.briefing` : `fuzz ${report.inputs}.briefing-template`;
    const full = path.join(dir, name);
    await fs.writeFile(full, input.bytes);
    const before = sha(input.bytes);
    const problems: string[] = [];
    const attempt = async (what: string, load: () => Promise<unknown>) => {
      try {
        await load();
        return true;
      } catch (err) {
        const problem = describe(err);
        if (problem) problems.push(`${what}: ${problem}`);
        return false;
      }
    };
    let ok: boolean;
    if (input.target === 'pack') {
      ok = await attempt('open', () => store.open(name));
      await attempt('list', async () => {
        const list = await store.list();
        const entry = list.entries.find((e) => e.file === name);
        if (!entry) throw new Error('file missing from the library list');
        if (entry.kind === 'broken') {
          const problem = describe(new HostError(entry.error.code, entry.error.message));
          if (problem) throw new Error(problem);
          if (ok) throw new Error('listed as broken but opens');
        }
      });
    } else {
      ok = await attempt('template', async () => loader.load(await fs.readFile(full, 'utf8'), `"${name}"`));
    }
    if (ok) report.loaded++;
    const after = await fs.readFile(full);
    if (sha(after) !== before) {
      report.files_changed++;
      problems.push('file changed');
    }
    if (problems.length) {
      report.crashes += problems.some((p) => p !== 'file changed') ? 1 : 0;
      if (report.failures.length < 20) report.failures.push(`${key} #${report.inputs}: ${problems.join('; ')}`);
    }
    await fs.unlink(full);
  }
}

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ERROR_CODES, HostError } from '../../shared/api/errors.js';
import { parseJsonText, readEnvelope } from '../../shared/pack/parse.js';
import { checkPictureSource } from '../../shared/richtext/pictures.js';
import type { Pack } from '../../shared/pack/schema.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { FolderScanner } from '../../electron/templates/folderScan.js';
import { dispatch } from '../../electron/dispatch.js';
import { createServices } from '../../electron/services.js';
import { runCli } from '../../electron/cli/cli.js';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
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
  /** fast-check seed of the first batch (batch i uses seed + i * 10): reruns reproduce it. */
  seed: number;
  /** Loaded packs also exported to Word (every tenth). */
  exported: number;
  /** Peak resident memory of the process over the run, in MB. */
  peak_rss_mb: number;
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

/** A reason the app gave for a file: typed, known code, and not the catch-all for an unexpected exception. */
function describeReason(error: { code: string; message: string }): string | null {
  if (error.code === 'UNKNOWN') return `unexpected failure reported as UNKNOWN: ${error.message.slice(0, 200)}`;
  return describe(new HostError(error.code as never, error.message));
}

/** Anything a terminal would act on (the CLI must have removed it). */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A picture a loaded pack or template still holds that the picture rule refuses. */
function keptBadPicture(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'image' && !checkPictureSource(record.src).ok) return String(record.src).slice(0, 60);
      stack.push(...Object.values(record));
    }
  }
  return null;
}

/** What the file holds now, cheaply (sparse files are huge): size, kind, and the hash of its first 64 KB. */
async function fingerprint(full: string): Promise<string> {
  const stat = await fs.stat(full);
  if (stat.isDirectory()) return `folder:${(await fs.readdir(full)).join('/')}`;
  const handle = await fs.open(full, 'r');
  try {
    const head = Buffer.alloc(Math.min(stat.size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    return `file:${stat.size}:${sha(head)}`;
  } finally {
    await handle.close();
  }
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
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-fuzz-data-'));
  const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
  // The same files through the back end both hosts serve (what openPack sends over HTTP).
  const services = createServices({ platform: { host: 'browser', appVersion: 'fuzz', dataDir, trash: async () => undefined }, workspaceOverride: dir });
  const seed = options.seed ?? 20261129;
  const report: FuzzReport = { test: 'fuzz', inputs: 0, crashes: 0, files_changed: 0, loaded: 0, byKind: {}, templateLoader: loader.name, templateSeeds: 0, seed, exported: 0, peak_rss_mb: 0, failures: [] };
  // Seeds: generated template-shaped files, plus the built-in templates once issue 4 ships them.
  const builtIns = await builtInTemplateTexts();
  const templateSeeds = builtIns.length ? fc.oneof(validTemplateText, fc.constantFrom(...builtIns)) : validTemplateText;
  report.templateSeeds = builtIns.length;
  const arbitrary = fc.oneof(
    mutated(validPackText).map((input) => ({ ...input, target: 'pack' as const })),
    mutated(templateSeeds).map((input) => ({ ...input, target: 'template' as const })),
  );
  // Small batches: the inputs of a batch are all in memory at once (some are megabytes), and
  // the peak memory reported should be the loaders', not the generator's.
  const batch = 10;
  try {
    for (let done = 0; done < options.inputs; done += batch) {
      const inputs = fc.sample(arbitrary, { numRuns: Math.min(batch, options.inputs - done), seed: seed + done });
      for (const input of inputs) await runOne(input);
      if (report.inputs % 1000 === 0 || report.inputs === options.inputs) log(`${report.inputs} inputs, ${report.crashes} crashes, ${report.files_changed} files changed`);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  report.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  return report;

  async function runOne(input: FuzzInput & { target: 'pack' | 'template' }): Promise<void> {
    report.inputs++;
    const key = `${input.target}:${input.kind}`;
    report.byKind[key] = (report.byKind[key] ?? 0) + 1;
    const extension = input.target === 'pack' ? '.briefing' : '.briefing-template';
    const name = `fuzz ${report.inputs}${input.upperCaseExtension ? extension.toUpperCase() : extension}`;
    const full = path.join(dir, name);
    if (input.folder) await fs.mkdir(full);
    else {
      await fs.writeFile(full, input.bytes);
      if (input.sparseSize) await fs.truncate(full, input.sparseSize);
    }
    const before = await fingerprint(full);
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
      let opened: Pack | null = null;
      ok = await attempt('open', async () => {
        opened = (await store.open(name)).pack;
      });
      await attempt('list', async () => {
        const list = await store.list();
        const entry = list.entries.find((e) => e.file === name);
        if (!entry) throw new Error('file missing from the library list');
        if (entry.kind === 'broken') {
          const problem = describeReason(entry.error);
          if (problem) throw new Error(problem);
          if (ok) throw new Error('listed as broken but opens');
        } else if (!ok) throw new Error('listed as a pack but does not open');
      });
      // Through dispatch, as either host calls it, and encoded as the browser host sends it.
      await attempt('openPack', async () => {
        const outcome = await dispatch(services, 'openPack', { file: name });
        if (outcome.kind !== 'done') throw new Error(`openPack answered ${outcome.kind}`);
        JSON.stringify(outcome.envelope);
        if (outcome.envelope.ok !== ok) throw new Error('openPack and the store disagree');
        if (!outcome.envelope.ok) {
          const problem = describeReason(outcome.envelope.error);
          if (problem) throw new Error(problem);
        }
      });
      await attempt('cli', async () => {
        const lines: string[] = [];
        const code = await runCli(['validate', full], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
        if (code !== (ok ? 0 : 1)) throw new Error(`briefing validate exited ${code} for a file that ${ok ? 'opens' : 'does not open'}`);
        if (lines.some((l) => TERMINAL_CONTROL.test(l))) throw new Error('briefing validate printed a control character');
      });
      if (opened) {
        const bad = keptBadPicture(opened);
        if (bad) problems.push(`open: kept a picture the rule refuses (${bad})`);
        // Every tenth pack that loads is exported to Word too.
        if (report.loaded % 10 === 0) {
          if (await attempt('export', () => exportPackToDocx({ pack: opened!, options: { tableOfContents: 'never' } }))) report.exported++;
        }
      }
    } else {
      // Through the gallery's own scan: stat, bounded read, UTF-8 only, then the template loader.
      ok = await attempt('template', async () => {
        // A scanner per file: its cache would otherwise keep every template read.
        const entry = await new FolderScanner().read(dir, name, 'shared');
        if (!entry) throw new Error('the template scan skipped the file');
        if (entry.kind === 'broken') {
          const problem = describeReason(entry.broken.error);
          if (problem) throw new Error(problem);
          throw new HostError(entry.broken.error.code, entry.broken.error.message);
        }
        const bad = keptBadPicture(entry.template);
        if (bad) throw new Error(`kept a picture the rule refuses (${bad})`);
      });
    }
    if (ok) report.loaded++;
    if ((await fingerprint(full)) !== before) {
      report.files_changed++;
      problems.push('file changed');
    }
    if (problems.length) {
      report.crashes += problems.some((p) => p !== 'file changed') ? 1 : 0;
      if (report.failures.length < 20) report.failures.push(`${key} #${report.inputs}: ${problems.join('; ')}`);
    }
    await fs.rm(full, { recursive: true, force: true });
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { brandingSchema, type Branding } from '../../shared/branding/schema.js';
import { fromNodeError } from '../../shared/api/errors.js';
import { parsePackBytes } from '../../shared/pack/parse.js';
import { isPackFileName } from '../workspace/packFileNames.js';
import { OWN_FILE_LIMITS, readTextFileBounded } from '../workspace/boundedRead.js';
import { readPackFile } from '../workspace/packStore.js';
import { PACK_EXTENSION } from '../../shared/pack/format.js';
import { TOC_MODES, type AccessibilityProblem, type ExportOptionsInput } from '../../shared/export/types.js';
import { PUBLICATION_VERSIONS, type PublicationVersion } from '../../shared/publication/versions.js';
import { REVIEW_EXPORT_MODES, type ReviewExportMode } from '../../shared/export/finalCheck.js';
import { accessStatus } from '../../shared/pack/parts.js';
import type { PdfEngine } from '../pdf/engine/types.js';
import { defaultDataDir } from '../appPaths.js';
import { checkPack } from './accessibility/checkPack.js';
import { exportPackToDocx } from './exportPack.js';
import { DOCX_FILE, exportNameFor, PDF_FILE, writeExportFile } from './writeDocx.js';

/**
 * `briefing export`: one pack to one .docx, or every pack in a folder to an output folder,
 * with a line per file and a summary. Never prints a stack trace.
 */
export const EXPORT_USAGE = `Usage:
  briefing export <pack.briefing> [-o out.docx] [--pdf] [--version public|full] [--review final|markup] [--strict]
  briefing export <folder> --out-dir <dir> [--pdf] [--version public|full] [--review final|markup] [--strict]

Options:
  -o, --out <file>     File to write (default: next to the pack, same name, .docx or .pdf;
                       a report with exempt parts gets "(public)" or "(full - not for
                       publication)" in its name)
  --out-dir <dir>      Folder for the files when exporting a folder of packs
  --pdf                Make an accessible PDF instead of a Word file (with Edge, Chrome or
                       Chromium found on this computer, else LibreOffice)
  --version <v>        full (default): everything, exempt parts marked NOT FOR PUBLICATION;
                       public: exempt parts withheld, each replaced by its Schedule 12A notice
  --review <mode>      final (default): no comments; every suggested change must be accepted
                       or rejected first (the places still open are listed);
                       markup: "With comments and tracked changes", the pack's comments
                       (with replies and resolved state) as Word comments and its suggested
                       changes as tracked changes Word can accept or reject (Word files only)
  --strict             Do not export a pack that has accessibility errors (exit code 1)
  --toc <mode>         Table of contents: auto (default; 4 or more sections), always, never
  --branding <file>    House style JSON (a settings.json or a branding object); default:
                       the app's settings, if any
  --quiet              Print only failures and the summary
`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface ExportFlags {
  inputs: string[];
  out?: string;
  outDir?: string;
  strict: boolean;
  quiet: boolean;
  toc?: (typeof TOC_MODES)[number];
  brandingFile?: string;
  pdf: boolean;
  version: PublicationVersion;
  review: ReviewExportMode;
}

class UsageError extends Error {}

function parseFlags(argv: string[]): ExportFlags {
  const flags: ExportFlags = { inputs: [], strict: false, quiet: false, pdf: false, version: 'full', review: 'final' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    switch (arg) {
      case '-o':
      case '--out':
        flags.out = value();
        break;
      case '--out-dir':
        flags.outDir = value();
        break;
      case '--strict':
        flags.strict = true;
        break;
      case '--quiet':
        flags.quiet = true;
        break;
      case '--toc': {
        const v = value();
        if (!(TOC_MODES as readonly string[]).includes(v)) throw new UsageError(`--toc must be one of ${TOC_MODES.join(', ')}.`);
        flags.toc = v as ExportFlags['toc'];
        break;
      }
      case '--branding':
        flags.brandingFile = value();
        break;
      case '--pdf':
        flags.pdf = true;
        break;
      case '--version': {
        const v = value();
        if (!(PUBLICATION_VERSIONS as readonly string[]).includes(v)) throw new UsageError(`--version must be public or full.`);
        flags.version = v as PublicationVersion;
        break;
      }
      case '--review': {
        const v = value();
        if (!(REVIEW_EXPORT_MODES as readonly string[]).includes(v)) throw new UsageError('--review must be final or markup.');
        flags.review = v as ReviewExportMode;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
        flags.inputs.push(arg);
    }
  }
  if (flags.pdf && flags.review === 'markup') throw new UsageError('--review markup makes a Word file for reviewers; it cannot be combined with --pdf.');
  return flags;
}

/** House style: --branding file, else the app's own settings, else the defaults. */
export async function loadBranding(file: string | undefined): Promise<{ branding: Partial<Branding>; author?: string }> {
  const source = file ?? path.join(defaultDataDir(), 'settings.json');
  let text: string;
  try {
    text = await readTextFileBounded(source, { maxBytes: OWN_FILE_LIMITS.settings, label: `The house style file ${source}`, kind: 'house style file' });
  } catch (err) {
    if (!file && (err as NodeJS.ErrnoException).code === 'ENOENT') return { branding: {} };
    throw fromNodeError(err, `The house style file ${source}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`The house style file ${source} is not readable JSON.`);
  }
  const record = (json ?? {}) as Record<string, unknown>;
  const candidate = 'branding' in record ? record.branding : record;
  const parsed = brandingSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`The house style in ${source} is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
  return { branding: parsed.data, author: typeof record.authorName === 'string' ? record.authorName : undefined };
}

function problemLine(p: AccessibilityProblem): string {
  return `  ${p.severity === 'error' ? 'error  ' : 'warning'}  ${p.where}: ${p.message} Fix: ${p.fix}`;
}

function kb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Outcome = { status: 'exported'; errors: number; warnings: number; output: string } | { status: 'refused'; errors: number } | { status: 'failed'; reason: string };

/** The PDF engine, started once for a run (and only when --pdf asks for it). */
class LazyEngine {
  private engine: Promise<PdfEngine> | null = null;
  get(): Promise<PdfEngine> {
    this.engine ??= import('../pdf/engine/choose.js').then((m) => m.openPdfEngine());
    return this.engine;
  }
  async close(): Promise<void> {
    if (!this.engine) return;
    const engine = await this.engine.catch(() => null);
    if (engine?.kind === 'html') await engine.renderer.close();
  }
}

/** `output` is a file (from -o), or a folder to put the default name in. */
async function exportOne(input: string, output: { file: string } | { dir: string }, flags: ExportFlags, style: { branding: Partial<Branding>; author?: string }, engine: LazyEngine, log: (line: string) => void): Promise<Outcome> {
  const label = path.basename(input);
  try {
    const pack = parsePackBytes(await readPackFile(input, label), { label });
    const kind = flags.pdf ? PDF_FILE : DOCX_FILE;
    const target = 'file' in output ? output.file : path.join(output.dir, exportNameFor(label, kind.extension, { version: flags.version, hasExemptInformation: accessStatus(pack).kind !== 'public' }));
    const report = checkPack(pack, style.branding);
    if (!flags.quiet || (flags.strict && report.errors > 0)) for (const p of report.problems) log(problemLine(p));
    if (flags.strict && report.errors > 0) return { status: 'refused', errors: report.errors };
    const options: ExportOptionsInput = { version: flags.version, ...(flags.pdf ? {} : { review: flags.review }), ...(flags.toc ? { tableOfContents: flags.toc } : {}) };
    let buffer: Buffer;
    let notices;
    if (flags.pdf) {
      const { exportPackToPdf } = await import('../pdf/exportPdf.js');
      ({ buffer, notices } = await exportPackToPdf({ pack, branding: style.branding, options, authorName: style.author, engine: await engine.get() }));
    } else {
      ({ buffer, notices } = await exportPackToDocx({ pack, branding: style.branding, options, authorName: style.author }));
    }
    if (!flags.quiet) for (const n of notices) log(`  note     ${n.where}: ${n.message}`);
    await writeExportFile(target, buffer, kind);
    return { status: 'exported', errors: report.errors, warnings: report.warnings, output: target };
  } catch (err) {
    return { status: 'failed', reason: err instanceof Error && !(err as NodeJS.ErrnoException).code ? err.message : fromNodeError(err, label).message };
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(outcome: Outcome): string {
  switch (outcome.status) {
    case 'exported':
      return `OK (${plural(outcome.errors, 'accessibility error')}, ${plural(outcome.warnings, 'warning')})`;
    case 'refused':
      return `NOT EXPORTED: ${plural(outcome.errors, 'accessibility error')} (--strict)`;
    case 'failed':
      return `FAILED: ${outcome.reason}`;
  }
}

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  let flags: ExportFlags;
  try {
    flags = parseFlags(argv);
  } catch (err) {
    io.err(`export: ${(err as Error).message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  if (flags.inputs.length !== 1) {
    io.err(`export: name one .briefing file or one folder of packs.\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const input = path.resolve(flags.inputs[0]!);
  const engine = new LazyEngine();
  // The browser starts (about a second) while the settings and packs are read and laid out.
  if (flags.pdf) void engine.get().catch(() => undefined);
  let style;
  try {
    style = await loadBranding(flags.brandingFile);
  } catch (err) {
    io.err(`export: ${(err as Error).message}`);
    await engine.close();
    return 1;
  }
  let isFolder = false;
  try {
    isFolder = (await fs.stat(input)).isDirectory();
  } catch (err) {
    io.err(`export: ${fromNodeError(err, flags.inputs[0]!).message}`);
    await engine.close();
    return 1;
  }
  const started = performance.now();
  try {
    return await (isFolder ? exportFolder(input, flags, style, engine, io, started) : exportSingle(input, flags, style, engine, io, started));
  } finally {
    await engine.close();
  }
}

async function exportSingle(input: string, flags: ExportFlags, style: { branding: Partial<Branding>; author?: string }, engine: LazyEngine, io: Io, started: number): Promise<number> {
  if (flags.outDir) {
    io.err('export: --out-dir is for a folder of packs; use -o for a single pack.');
    return 2;
  }
  const outcome = await exportOne(input, flags.out ? { file: path.resolve(flags.out) } : { dir: path.dirname(input) }, flags, style, engine, io.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (outcome.status === 'exported') {
    const size = (await fs.stat(outcome.output)).size;
    io.out(`Exported ${path.basename(input)} → ${outcome.output} (${kb(size)}, ${seconds} s): ${describe(outcome)}`);
    return 0;
  }
  io.out(`${path.basename(input)}: ${describe(outcome)}`);
  return 1;
}

async function exportFolder(input: string, flags: ExportFlags, style: { branding: Partial<Branding>; author?: string }, engine: LazyEngine, io: Io, started: number): Promise<number> {

  if (!flags.outDir || flags.out) {
    io.err('export: to export a folder of packs, give --out-dir <dir> (not -o).');
    return 2;
  }
  const outDir = path.resolve(flags.outDir);
  let files: string[];
  try {
    files = (await fs.readdir(input, { withFileTypes: true }))
      .filter((e) => e.isFile() && isPackFileName(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
    await fs.mkdir(outDir, { recursive: true });
  } catch (err) {
    io.err(`export: ${fromNodeError(err, flags.outDir).message}`);
    return 1;
  }
  if (files.length === 0) {
    io.out(`No ${PACK_EXTENSION} files in ${input}.`);
    return 0;
  }
  const counts = { exported: 0, refused: 0, failed: 0 };
  for (const [index, name] of files.entries()) {
    const outcome = await exportOne(path.join(input, name), { dir: outDir }, flags, style, engine, io.out);
    counts[outcome.status]++;
    const output = outcome.status === 'exported' ? outcome.output : path.join(outDir, exportNameFor(name, flags.pdf ? PDF_FILE.extension : DOCX_FILE.extension));
    io.out(`[${index + 1}/${files.length}] ${name} → ${path.relative(process.cwd(), output) || output}  ${describe(outcome)}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const extra = [counts.refused && `${counts.refused} not exported (--strict)`, counts.failed && `${counts.failed} failed`].filter(Boolean).join(', ');
  io.out(`Exported ${counts.exported} of ${plural(files.length, 'pack')} to ${outDir} in ${seconds} s${extra ? ` (${extra})` : ''}.`);
  return counts.exported === files.length ? 0 : 1;
}

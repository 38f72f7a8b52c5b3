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
import { defaultDataDir } from '../appPaths.js';
import { checkPack } from './accessibility/checkPack.js';
import { exportPackToDocx } from './exportPack.js';
import { docxNameFor, writeDocxFile } from './writeDocx.js';

/**
 * `briefing export`: one pack to one .docx, or every pack in a folder to an output folder,
 * with a line per file and a summary. Never prints a stack trace.
 */
export const EXPORT_USAGE = `Usage:
  briefing export <pack.briefing> [-o out.docx] [--strict]
  briefing export <folder> --out-dir <dir> [--strict]

Options:
  -o, --out <file>     Word file to write (default: next to the pack, same name, .docx)
  --out-dir <dir>      Folder for the Word files when exporting a folder of packs
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
}

class UsageError extends Error {}

function parseFlags(argv: string[]): ExportFlags {
  const flags: ExportFlags = { inputs: [], strict: false, quiet: false };
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
      default:
        if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
        flags.inputs.push(arg);
    }
  }
  return flags;
}

/** House style: --branding file, else the app's own settings, else the defaults. */
async function loadBranding(file: string | undefined): Promise<{ branding: Partial<Branding>; author?: string }> {
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

type Outcome = { status: 'exported'; errors: number; warnings: number } | { status: 'refused'; errors: number } | { status: 'failed'; reason: string };

async function exportOne(input: string, output: string, flags: ExportFlags, style: { branding: Partial<Branding>; author?: string }, log: (line: string) => void): Promise<Outcome> {
  const label = path.basename(input);
  try {
    const pack = parsePackBytes(await readPackFile(input, label), { label });
    const report = checkPack(pack, style.branding);
    if (!flags.quiet || (flags.strict && report.errors > 0)) for (const p of report.problems) log(problemLine(p));
    if (flags.strict && report.errors > 0) return { status: 'refused', errors: report.errors };
    const options: ExportOptionsInput = flags.toc ? { tableOfContents: flags.toc } : {};
    const { buffer, notices } = await exportPackToDocx({ pack, branding: style.branding, options, authorName: style.author });
    if (!flags.quiet) for (const n of notices) log(`  note     ${n.where}: ${n.message}`);
    await writeDocxFile(output, buffer);
    return { status: 'exported', errors: report.errors, warnings: report.warnings };
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
  let style;
  try {
    style = await loadBranding(flags.brandingFile);
  } catch (err) {
    io.err(`export: ${(err as Error).message}`);
    return 1;
  }
  let isFolder = false;
  try {
    isFolder = (await fs.stat(input)).isDirectory();
  } catch (err) {
    io.err(`export: ${fromNodeError(err, flags.inputs[0]!).message}`);
    return 1;
  }
  const started = performance.now();
  if (!isFolder) {
    if (flags.outDir) {
      io.err('export: --out-dir is for a folder of packs; use -o for a single pack.');
      return 2;
    }
    const output = path.resolve(flags.out ?? path.join(path.dirname(input), docxNameFor(input)));
    const outcome = await exportOne(input, output, flags, style, io.out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (outcome.status === 'exported') {
      const size = (await fs.stat(output)).size;
      io.out(`Exported ${path.basename(input)} → ${output} (${kb(size)}, ${seconds} s): ${describe(outcome)}`);
      return 0;
    }
    io.out(`${path.basename(input)}: ${describe(outcome)}`);
    return 1;
  }

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
    const output = path.join(outDir, docxNameFor(name));
    const outcome = await exportOne(path.join(input, name), output, flags, style, io.out);
    counts[outcome.status]++;
    io.out(`[${index + 1}/${files.length}] ${name} → ${path.relative(process.cwd(), output) || output}  ${describe(outcome)}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const extra = [counts.refused && `${counts.refused} not exported (--strict)`, counts.failed && `${counts.failed} failed`].filter(Boolean).join(', ');
  io.out(`Exported ${counts.exported} of ${plural(files.length, 'pack')} to ${outDir} in ${seconds} s${extra ? ` (${extra})` : ''}.`);
  return counts.exported === files.length ? 0 : 1;
}

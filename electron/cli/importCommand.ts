import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fromNodeError, HostError } from '../../shared/api/errors.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { parseTemplateText } from '../../shared/templates/parse.js';
import type { Template } from '../../shared/templates/schema.js';
import { FRONT_SHEET_FIELD_LABELS, MAX_IMPORT_BYTES } from '../../shared/import/types.js';
import { titleSimilarity } from '../../shared/import/arrange.js';
import { BUILT_IN_TEMPLATES } from '../templates/builtInDefinitions.js';
import { analyseDocx } from '../import/importDocx.js';
import { importedPack, planFor, type Arrangement } from '../import/buildPack.js';
import type { AnalysedDocument } from '../import/analyseDocument.js';
import { uniqueFileName } from '../workspace/fileNames.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';

/**
 * `briefing import`: Word documents to packs, one pack per file, with a line per file and a
 * summary; `--dry-run` prints what each would become and writes nothing. A file that cannot
 * be imported is reported in plain English and never stops the others.
 */
export const IMPORT_USAGE = `Usage:
  briefing import <file.docx…> [--template <id|file>] [--rest-into <section>] [--out-dir <dir>]
  briefing import <file.docx…> --dry-run

Options:
  --out-dir <dir>       Folder for the new packs (default: next to each document)
  --template <id|file>  Import into a template: a built-in one (gamechangers, cabinet-report,
                        blank) or a .briefing-template file. Headings go to the template's
                        sections with the same title.
  --rest-into <section> With --template: the template section (title or number) for the
                        parts that match none (default: they become sections of their own)
  --dry-run             Print the preview (sections, word counts, front-sheet fields, what is
                        left out) and write nothing
  --quiet               Print only failures and the summary
`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface ImportFlags {
  inputs: string[];
  outDir?: string;
  template?: string;
  restInto?: string;
  dryRun: boolean;
  quiet: boolean;
}

class UsageError extends Error {}

function parseFlags(argv: string[]): ImportFlags {
  const flags: ImportFlags = { inputs: [], dryRun: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--out-dir') flags.outDir = value();
    else if (arg === '--template') flags.template = value();
    else if (arg === '--rest-into') flags.restInto = value();
    else if (arg === '--dry-run') flags.dryRun = true;
    else if (arg === '--quiet') flags.quiet = true;
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else flags.inputs.push(arg);
  }
  if (flags.restInto && !flags.template) throw new UsageError('--rest-into needs --template.');
  return flags;
}

async function loadTemplate(ref: string): Promise<Template> {
  if (/\.briefing-template$/i.test(ref)) {
    let text: string;
    try {
      text = await fs.readFile(ref, 'utf8');
    } catch (err) {
      throw fromNodeError(err, `The template ${ref}`);
    }
    return parseTemplateText(text, { label: path.basename(ref) });
  }
  const wanted = ref.toLowerCase();
  const found = BUILT_IN_TEMPLATES.find((t) => t.id === wanted || t.id === `builtin-${wanted}` || t.name.toLowerCase() === wanted);
  if (!found) {
    const ids = BUILT_IN_TEMPLATES.map((t) => t.id.replace(/^builtin-/, '')).join(', ');
    throw new HostError('NOT_FOUND', `There is no template called “${ref}”. Built-in templates: ${ids}; or give a .briefing-template file.`);
  }
  return found;
}

function restIndex(template: Template, rest: string | undefined): number | null {
  if (!rest) return null;
  const n = Number(rest);
  if (Number.isInteger(n) && n >= 1 && n <= template.sections.length) return n - 1;
  let best = -1;
  let score = 0;
  template.sections.forEach((s, i) => {
    const sim = titleSimilarity(rest, s.title);
    if (sim > score) [best, score] = [i, sim];
  });
  if (best < 0 || score < 0.5) throw new HostError('INVALID_ARGUMENT', `The template has no section called “${rest}”. Its sections: ${template.sections.map((s, i) => `${i + 1}. ${s.title}`).join('; ')}.`);
  return best;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}

function printPreview(doc: AnalysedDocument, arrangement: Arrangement, log: (line: string) => void): void {
  const { analysis } = doc;
  log(`  Title: ${analysis.title}`);
  if (analysis.fills.length) {
    log('  Front sheet:');
    for (const fill of analysis.fills) log(`    ${FRONT_SHEET_FIELD_LABELS[fill.field]}: ${fill.value}   (from ${fill.from}: “${fill.source}”)`);
  }
  log('  Sections:');
  planFor(analysis, arrangement).forEach((s, i) => {
    const placed = s.parts.map((p) => analysis.parts.find((x) => x.key === p.key)!);
    const from = placed.length ? ` ← ${placed.map((p) => (p.kind === 'preamble' ? 'text before the first heading' : `“${p.title}”`)).join(', ')}` : ' (from the template, empty)';
    log(`    ${i + 1}. ${s.title} — ${plural(s.words, 'word')}${arrangement.template ? from : ''}`);
  });
  for (const note of analysis.notes) log(`  ${note.kind === 'dropped' ? 'dropped' : note.kind === 'changed' ? 'changed' : 'check  '}  ${note.message}`);
}

type Outcome = { ok: true; output: string | null; doc: AnalysedDocument; sections: number } | { ok: false; reason: string };

async function importOne(input: string, flags: ImportFlags, arrangement: Arrangement, taken: Map<string, Set<string>>, log: (line: string) => void): Promise<Outcome> {
  const name = path.basename(input);
  try {
    const stat = await fs.stat(input);
    if (stat.isDirectory()) return { ok: false, reason: `“${name}” is a folder. Name the Word documents in it instead (for example ${path.join(input, '*.docx')}).` };
    if (stat.size > MAX_IMPORT_BYTES) return { ok: false, reason: `“${name}” is ${Math.round(stat.size / 1024 / 1024)} MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB Briefing Studio can bring in. Compress its pictures in Word (File › Compress Pictures) and try again.` };
    const bytes = await fs.readFile(input);
    const doc = analyseDocx(bytes, name);
    const pack = importedPack(doc, arrangement);
    if (flags.dryRun) {
      printPreview(doc, arrangement, log);
      return { ok: true, output: null, doc, sections: pack.sections.length };
    }
    if (!flags.quiet) for (const note of doc.analysis.notes) if (note.kind !== 'changed') log(`  ${note.kind === 'dropped' ? 'dropped' : 'check  '}  ${note.message}`);
    const dir = path.resolve(flags.outDir ?? path.dirname(input));
    let names = taken.get(dir);
    if (!names) {
      await fs.mkdir(dir, { recursive: true });
      names = new Set(await fs.readdir(dir));
      taken.set(dir, names);
    }
    const file = uniqueFileName(pack.frontSheet.title, names);
    names.add(file);
    const output = path.join(dir, file);
    await writeFileAtomic(output, serialisePack(pack));
    return { ok: true, output, doc, sections: pack.sections.length };
  } catch (err) {
    return { ok: false, reason: err instanceof HostError ? err.message : fromNodeError(err, name).message };
  }
}

export async function importCommand(argv: string[], io: Io): Promise<number> {
  let flags: ImportFlags;
  try {
    flags = parseFlags(argv);
  } catch (err) {
    io.err(`import: ${(err as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (flags.inputs.length === 0) {
    io.err(`import: name at least one Word document (.docx).\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const arrangement: Arrangement = { template: null };
  try {
    if (flags.template) {
      arrangement.template = await loadTemplate(flags.template);
      arrangement.restInto = restIndex(arrangement.template, flags.restInto);
    }
  } catch (err) {
    io.err(`import: ${(err as Error).message}`);
    return 1;
  }
  const started = performance.now();
  const taken = new Map<string, Set<string>>();
  let imported = 0;
  for (const [index, input] of flags.inputs.entries()) {
    const counter = `[${index + 1}/${flags.inputs.length}]`;
    if (flags.dryRun) io.out(`${counter} ${input} (dry run: nothing is written)`);
    const outcome = await importOne(path.resolve(input), flags, arrangement, taken, io.out);
    if (outcome.ok) {
      imported++;
      const { analysis } = outcome.doc;
      const summary = `${plural(outcome.sections, 'section')}, ${plural(analysis.words, 'word')}, ${plural(analysis.fills.length, 'front-sheet field')} filled`;
      if (!flags.dryRun && !flags.quiet) io.out(`${counter} ${input} → ${path.relative(process.cwd(), outcome.output!) || outcome.output}  OK (${summary})`);
      else if (flags.dryRun) io.out(`  Would make ${summary}.`);
    } else {
      io.out(`${counter} ${input}  FAILED: ${outcome.reason}`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const failed = flags.inputs.length - imported;
  const verb = flags.dryRun ? 'Checked' : 'Imported';
  io.out(`${verb} ${imported} of ${plural(flags.inputs.length, 'document')} in ${seconds} s${failed ? ` (${failed} failed)` : ''}.${flags.dryRun ? ' Nothing was written.' : ''}`);
  return failed ? 1 : 0;
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fromNodeError } from '../../shared/api/errors.js';
import { parsePackText } from '../../shared/pack/parse.js';
import type { Pack } from '../../shared/pack/schema.js';
import { PUBLICATION_VERSIONS, type PublicationVersion } from '../../shared/publication/versions.js';
import { DOCX_FILE, PDF_FILE, writeExportFile } from '../export/writeDocx.js';
import { loadBranding } from '../export/cliExport.js';
import { AGENDA_FORMATS, makeAgendaPacks, type AgendaFormat } from './exportAgenda.js';

export const AGENDA_USAGE = `Usage:
  briefing agenda <pack.briefing>… --meeting "Cabinet" --date 2026-12-03 -o <dir>

Makes the meeting's agenda pack: an agenda page listing the items (numbered in the order the
packs are given) with the page each starts on, then every report, with page numbers running
through the whole pack and a bookmark per item. By default four files: the public and the full
version, each as PDF and as Word (only one version when no report has exempt information).

Options:
  --meeting <name>     The meeting, e.g. "Cabinet" (default: the first pack's meeting)
  --date <YYYY-MM-DD>  The meeting date (default: the first pack's meeting date)
  -o, --out-dir <dir>  Folder to write the agenda packs to (created if need be)
  --version <v>        public, full or both (default both)
  --format <f>         pdf, docx or both (default both)
  --branding <file>    House style JSON (as for briefing export)
`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

function parse(argv: string[]) {
  const flags = { inputs: [] as string[], meeting: undefined as string | undefined, date: undefined as string | undefined, outDir: undefined as string | undefined, versions: [...PUBLICATION_VERSIONS] as PublicationVersion[], formats: [...AGENDA_FORMATS] as AgendaFormat[], brandingFile: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    switch (arg) {
      case '--meeting':
        flags.meeting = value();
        break;
      case '--date': {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError('--date must be a date written as YYYY-MM-DD, for example 2026-12-03.');
        flags.date = v;
        break;
      }
      case '-o':
      case '--out':
      case '--out-dir':
        flags.outDir = value();
        break;
      case '--version': {
        const v = value();
        if (v === 'both') flags.versions = [...PUBLICATION_VERSIONS];
        else if ((PUBLICATION_VERSIONS as readonly string[]).includes(v)) flags.versions = [v as PublicationVersion];
        else throw new UsageError('--version must be public, full or both.');
        break;
      }
      case '--format': {
        const v = value();
        if (v === 'both') flags.formats = [...AGENDA_FORMATS];
        else if ((AGENDA_FORMATS as readonly string[]).includes(v)) flags.formats = [v as AgendaFormat];
        else throw new UsageError('--format must be pdf, docx or both.');
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

export async function agendaCommand(argv: string[], io: Io): Promise<number> {
  let flags: ReturnType<typeof parse>;
  try {
    flags = parse(argv);
    if (flags.inputs.length === 0) throw new UsageError('name the packs for the agenda, in agenda order.');
    if (!flags.outDir) throw new UsageError('give the folder to write to with -o <dir>.');
  } catch (err) {
    io.err(`agenda: ${(err as Error).message}\n\n${AGENDA_USAGE}`);
    return 2;
  }
  const started = performance.now();
  const packs: Pack[] = [];
  for (const input of flags.inputs) {
    try {
      packs.push(parsePackText(await fs.readFile(input, 'utf8'), { label: path.basename(input) }));
    } catch (err) {
      io.err(`agenda: ${fromNodeError(err, path.basename(input)).message} No agenda pack was made.`);
      return 1;
    }
  }
  const meeting = flags.meeting ?? packs[0]!.frontSheet.meeting.name;
  const date = flags.date ?? packs[0]!.frontSheet.meeting.date;
  let style;
  try {
    style = await loadBranding(flags.brandingFile);
  } catch (err) {
    io.err(`agenda: ${(err as Error).message}`);
    return 1;
  }
  const outDir = path.resolve(flags.outDir!);
  let engine;
  try {
    await fs.mkdir(outDir, { recursive: true });
    if (flags.formats.includes('pdf')) engine = await (await import('../pdf/engine/choose.js')).openPdfEngine();
    const { files } = await makeAgendaPacks({
      meeting,
      date,
      packs,
      versions: flags.versions,
      formats: flags.formats,
      branding: style.branding,
      authorName: style.author,
      engine,
      onProgress: (done, total, what) => io.out(`[${done + 1}/${total}] ${what}…`),
    });
    for (const file of files) {
      const target = path.join(outDir, file.fileName);
      await writeExportFile(target, file.buffer, file.format === 'pdf' ? PDF_FILE : DOCX_FILE);
      io.out(`Wrote ${target}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Made ${files.length} agenda pack file${files.length === 1 ? '' : 's'} for ${meeting}${date ? ` on ${date}` : ''} (${packs.length} item${packs.length === 1 ? '' : 's'}) in ${seconds} s.`);
    return 0;
  } catch (err) {
    io.err(`agenda: ${err instanceof Error && !(err as NodeJS.ErrnoException).code ? err.message : fromNodeError(err, 'The agenda pack').message}`);
    return 1;
  } finally {
    if (engine?.kind === 'html') await engine.renderer.close();
  }
}

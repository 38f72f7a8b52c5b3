import path from 'node:path';
import { MAX_PACK_BYTES, parsePackBytes } from '../../shared/pack/parse.js';
import { MAX_TEMPLATE_BYTES } from '../../shared/templates/format.js';
import { fromNodeError } from '../../shared/api/errors.js';
import { describeTemplateBytes, isTemplatePath } from '../templates/validateTemplateFile.js';
import { readFileBounded } from '../workspace/boundedRead.js';
import { terminalSafeSink } from './terminalText.js';

/**
 * The `briefing` command line. Each command returns an exit code; output is plain English,
 * one line per file, and never a stack trace.
 */
const USAGE = `Usage: briefing <command> [options]

Commands:
  validate <file…>    Check briefing packs (.briefing) and templates (.briefing-template);
                      prints OK or the problem for each.
  export <pack|folder> Export packs to accessible Word files or PDFs (briefing export --help).
  import <file.docx…> Bring Word documents in as packs (briefing import --help).
  review-back <pack> <reviewed.docx>
                      Bring a reviewed Word copy's comments and tracked changes back into
                      the pack (briefing review-back --help).
  agenda <pack…>      Make a meeting's agenda pack, public and full, PDF and Word
                      (briefing agenda --help).
  team-server         Serve a workspace's packs for live co-editing, and manage its
                      users (briefing team-server --help).
  help                Show this help.
`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function validateFiles(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) {
    io.err('validate: name at least one .briefing file.');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const label = path.basename(file);
    try {
      // Stat, then a bounded read: a 600 MB file is refused from its size, never loaded.
      const template = isTemplatePath(file);
      const bytes = await readFileBounded(file, { maxBytes: template ? MAX_TEMPLATE_BYTES : MAX_PACK_BYTES, label, kind: template ? 'template' : 'briefing pack' });
      if (template) {
        io.out(`OK    ${file}  (${describeTemplateBytes(bytes, label)})`);
        continue;
      }
      const pack = parsePackBytes(bytes, { label });
      io.out(`OK    ${file}  (${pack.frontSheet.title || 'untitled'}, ${pack.sections.length} section${pack.sections.length === 1 ? '' : 's'})`);
    } catch (err) {
      failed++;
      io.out(`FAIL  ${file}: ${fromNodeError(err, label).message}`);
    }
  }
  io.out(`${files.length - failed} of ${files.length} file${files.length === 1 ? '' : 's'} valid.`);
  return failed > 0 ? 1 : 0;
}

export async function runCli(argv: string[], rawIo: CliIo = consoleIo): Promise<number> {
  // Titles, names, file names and reasons come from files: no terminal escape reaches the screen.
  const io = terminalSafeSink(rawIo);
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validateFiles(rest, io);
    case 'export': {
      // Loaded on demand: the Word writer is the bulk of the CLI bundle.
      const { exportCommand, EXPORT_USAGE } = await import('../export/cliExport.js');
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(EXPORT_USAGE);
        return 0;
      }
      return exportCommand(rest, io);
    }
    case 'import': {
      const { importCommand, IMPORT_USAGE } = await import('./importCommand.js');
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(IMPORT_USAGE);
        return 0;
      }
      return importCommand(rest, io);
    }
    case 'review-back': {
      const { reviewBackCommand, REVIEW_BACK_USAGE } = await import('./reviewBackCommand.js');
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(REVIEW_BACK_USAGE);
        return 0;
      }
      return reviewBackCommand(rest, io);
    }
    case 'agenda': {
      const { agendaCommand, AGENDA_USAGE } = await import('../agenda/cliAgenda.js');
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(AGENDA_USAGE);
        return 0;
      }
      return agendaCommand(rest, io);
    }
    case 'team-server': {
      const { teamServerCommand, TEAM_SERVER_USAGE } = await import('./teamServerCommand.js');
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(TEAM_SERVER_USAGE);
        return 0;
      }
      return teamServerCommand(rest, io);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';

/**
 * The owner/lock files Word and LibreOffice leave next to a document they have open. Word
 * names it "~$" plus the name with its first two characters dropped (whole name when short);
 * LibreOffice uses ".~lock.NAME#". Finding one means the target is open elsewhere.
 */
export function lockFileCandidates(target: string): string[] {
  const dir = path.dirname(target);
  const name = path.basename(target);
  const stem = name.slice(0, name.length - path.extname(name).length);
  const names = new Set([`~$${name}`, `.~lock.${name}#`]);
  if (stem.length > 6) names.add(`~$${name.slice(2)}`);
  if (stem.length > 7) names.add(`~$${name.slice(1)}`);
  return [...names].map((n) => path.join(dir, n));
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function lockedError(name: string, program = 'Word'): HostError {
  return new HostError('PERMISSION', `“${name}” is open in ${program} or another program, so it cannot be replaced. Close it there and export again, or choose a different file name.`);
}

/** What is written: a Word file or a PDF (the checks are the same, the words differ). */
export interface ExportFileKind {
  extension: string;
  /** "Word file", "PDF". */
  noun: string;
  /** The program a user most likely has it open in. */
  program: string;
}

export const DOCX_FILE: ExportFileKind = { extension: '.docx', noun: 'Word file', program: 'Word' };
export const PDF_FILE: ExportFileKind = { extension: '.pdf', noun: 'PDF', program: 'a PDF reader' };

/**
 * Write an exported document. Refuses a target that is open in Word or LibreOffice, writes
 * atomically (never a half-written file in the agenda folder) and turns Windows' sharing
 * violations and permission errors into plain English.
 */
export async function writeDocxFile(target: string, data: Uint8Array): Promise<void> {
  return writeExportFile(target, data, DOCX_FILE);
}

export async function writeExportFile(target: string, data: Uint8Array, kind: ExportFileKind): Promise<void> {
  const name = path.basename(target);
  if (!name.toLowerCase().endsWith(kind.extension)) throw new HostError('INVALID_ARGUMENT', `“${name}” is not a ${kind.noun} name: it must end in ${kind.extension}.`);
  for (const lock of lockFileCandidates(target)) {
    if (await exists(lock)) throw lockedError(name, kind.program);
  }
  try {
    const stat = await fs.stat(target);
    if (stat.isDirectory()) throw new HostError('INVALID_ARGUMENT', `“${name}” is a folder. Choose a file name ending in ${kind.extension}.`);
  } catch (err) {
    if (err instanceof HostError) throw err;
  }
  try {
    await writeFileAtomic(target, data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Windows reports a file held open by Word (or a PDF reader) as EBUSY or EPERM on the final rename.
    if (code === 'EBUSY' || (code === 'EPERM' && (await exists(target)))) throw lockedError(name, kind.program);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new HostError('PERMISSION', `The ${kind.noun} cannot be saved in ${path.dirname(target)}: you do not have permission to write there. Choose another folder.`);
    }
    if (code === 'ENOENT') throw new HostError('NOT_FOUND', `The folder ${path.dirname(target)} does not exist. Choose another folder.`);
    throw fromNodeError(err, `Saving “${name}”`);
  }
}

/** `My pack.briefing` → `My pack.docx`. */
export function docxNameFor(fileOrTitle: string): string {
  return exportNameFor(fileOrTitle, '.docx');
}

/**
 * `My pack.briefing` → `My pack (public).pdf`. A report with exempt information names its
 * version, so the full one is never uploaded by mistake for the public one.
 */
export function exportNameFor(fileOrTitle: string, extension: string, version?: { version: 'public' | 'full'; hasExemptInformation: boolean }): string {
  const base = path.basename(fileOrTitle).replace(/\.briefing$/i, '').replace(/[\\/:*?"<>|\0]/g, '-').trim() || 'Briefing pack';
  const suffix = version?.hasExemptInformation ? (version.version === 'public' ? ' (public)' : ' (full - not for publication)') : '';
  return `${base.slice(0, 200)}${suffix}${extension}`;
}

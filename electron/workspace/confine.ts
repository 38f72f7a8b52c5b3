import path from 'node:path';
import { lstatSync, realpathSync } from 'node:fs';
import { HostError } from '../../shared/api/errors.js';
import type { GrantedPaths } from './grantedPaths.js';

/**
 * Path confinement for everything the renderer asks for by name. The renderer may reach:
 *  - a plain file name inside the workspace folder (not a link that leads out of it), or
 *  - an absolute path the user picked themselves during this run (see GrantedPaths).
 * Anything else is refused with a typed HostError before any file is touched.
 *
 * Checks are deliberately stricter than any one OS needs, so a name that is safe here is safe
 * on Windows, macOS and Linux alike (a workspace may live on a shared network drive).
 */

export interface ConfineOptions {
  workspaceDir: string;
  /** The file extension the name must carry, e.g. ".briefing". */
  extension: string;
  granted?: GrantedPaths;
}

/** Longest file name most file systems accept (bytes of UTF-8). */
export const MAX_NAME_BYTES = 255;
/** Longest absolute path accepted for a granted file. */
export const MAX_PATH_LENGTH = 4096;

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;
/** Characters Windows refuses, or that change meaning there (":" = drive or data stream). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** Percent-encoded dot, slash, backslash, percent or NUL: encoded traversal attempts. */
const ENCODED_TRAVERSAL = /%(2e|2f|5c|25|00)/i;

/** Why a workspace-relative name is not acceptable, or null when it is. Pure string rules. */
export function plainNameProblem(name: string, extension: string): string | null {
  if (name.length === 0) return 'it is empty';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it contains control characters';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `it is longer than ${MAX_NAME_BYTES} bytes`;
  // NFKC folds look-alikes such as the full-width "．" and "／" that some Windows APIs map
  // to "." and "/" ("best fit"), so they are checked in both forms.
  for (const form of [name, name.normalize('NFKC')]) {
    if (/[\\/]/.test(form)) return 'it contains a folder separator';
    // Without separators, ".." inside a name ("Wait... what.briefing") is harmless.
    if (form === '.' || form === '..') return 'it refers to a parent folder';
  }
  if (ENCODED_TRAVERSAL.test(name)) return 'it contains an encoded path character';
  if (name.startsWith('.')) return 'it is a hidden or internal file';
  if (WINDOWS_FORBIDDEN.test(name)) return 'it contains a character Windows does not allow (< > : " | ? *)';
  if (/[. ]$/.test(name)) return 'it ends with a dot or a space';
  if (WINDOWS_DEVICE.test(name.split('.')[0]!.trim())) return 'it is a reserved device name';
  if (!name.toLowerCase().endsWith(extension)) return `it is not a ${extension} file`;
  if (name.length === extension.length) return 'it has no name before the extension';
  return null;
}

/** Does this look like a path rather than a plain name (on any OS)? */
function looksLikePath(ref: string): boolean {
  return path.posix.isAbsolute(ref) || path.win32.isAbsolute(ref) || /[\\/]/.test(ref) || /^[a-z]:/i.test(ref);
}

/**
 * The absolute path for `ref`, or a HostError: INVALID_ARGUMENT for a malformed name,
 * PERMISSION for anything that would reach outside the workspace.
 */
export function confinePath(ref: unknown, options: ConfineOptions): string {
  if (typeof ref !== 'string') throw new HostError('INVALID_ARGUMENT', 'A file name must be text.');
  const shown = describe(ref);
  if (ref.includes('\0')) throw new HostError('INVALID_ARGUMENT', `${shown} is not a valid file name: it contains a NUL character.`);
  if (ref.length > MAX_PATH_LENGTH) throw new HostError('INVALID_ARGUMENT', `That file name is too long (${ref.length} characters).`);

  if (looksLikePath(ref)) {
    if (options.granted && path.isAbsolute(ref) && options.granted.allows(ref)) {
      if (!ref.toLowerCase().endsWith(options.extension)) {
        throw new HostError('INVALID_ARGUMENT', `${shown} is not a ${options.extension} file.`);
      }
      return path.resolve(ref);
    }
    throw new HostError(
      'PERMISSION',
      `${shown} is outside your workspace folder. Briefing Studio only opens packs in the workspace, or files you choose yourself with File › Open.`,
    );
  }

  const problem = plainNameProblem(ref, options.extension);
  if (problem) throw new HostError('INVALID_ARGUMENT', `${shown} is not a file name Briefing Studio can use: ${problem}.`);

  const workspace = path.resolve(options.workspaceDir);
  const full = path.join(workspace, ref);
  if (path.dirname(full) !== workspace) {
    throw new HostError('PERMISSION', `${shown} is outside your workspace folder.`);
  }
  assertNoEscapingLink(full, workspace, shown);
  return full;
}

/**
 * A file in the workspace that is a link (symlink, junction) to somewhere else would let the
 * renderer read or overwrite that other place. Refuse it unless it resolves back inside.
 * A hard link (a file with more than one name) is the same danger without a link to see: its
 * other name may be anywhere on the volume (a file outside the workspace, another user's
 * file), so it is refused the same way.
 */
function assertNoEscapingLink(full: string, workspace: string, shown: string): void {
  let stat;
  try {
    stat = lstatSync(full);
  } catch {
    return; // does not exist yet: a new file will be created in the workspace itself
  }
  if (stat.isFile() && stat.nlink > 1) {
    throw new HostError(
      'PERMISSION',
      `${shown} is a hard link: the same file also has another name, which may be outside your workspace folder, so Briefing Studio will not open or change it. Put a copy of the file in the workspace instead.`,
    );
  }
  if (!stat.isSymbolicLink()) return;
  let real: string;
  let realWorkspace: string;
  try {
    real = realpathSync.native(full);
    realWorkspace = realpathSync.native(workspace);
  } catch {
    throw new HostError('PERMISSION', `${shown} is a link to a file that does not exist or cannot be reached.`);
  }
  if (path.dirname(real) !== realWorkspace) {
    throw new HostError('PERMISSION', `${shown} is a link to a file outside your workspace folder, so Briefing Studio will not follow it.`);
  }
}

/** Quote a name for an error message without echoing control characters or huge strings. */
function describe(ref: string): string {
  const clean = ref.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `"${clean.length > 80 ? `${clean.slice(0, 77)}…` : clean}"`;
}

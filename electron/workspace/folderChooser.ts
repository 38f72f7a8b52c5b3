import { constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import type { FolderEntry, FolderListing, FolderPurpose, FolderRoot } from '../../shared/api/folders.js';

/**
 * Which folders the browser host lets the workspace and the shared templates folder point at,
 * and the folder chooser that browses them. Whoever holds the browser host's token could
 * otherwise aim the app at any folder the account can reach (/etc, another user's files) and
 * then list, read and write packs and templates there. The rule: a folder under the user's
 * home folder or under a folder given on the command line with --allow-folder, reached
 * without leaving them through a link, and not inside a hidden folder (~/.ssh). A folder that
 * does not exist or cannot be read is refused when it is chosen, not discovered later.
 */
export const MAX_LISTED_FOLDERS = 1000;

const caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';
const keyOf = (p: string) => (caseInsensitive ? p.toLowerCase() : p);

export class FolderRoots {
  /** Real paths of the roots, in the order given (home first). */
  private constructor(private readonly roots: FolderRoot[]) {}

  /** Home and the --allow-folder folders that exist; the others are skipped (and reported). */
  static async create(allowFolders: readonly string[], home = os.homedir()): Promise<{ roots: FolderRoots; skipped: string[] }> {
    const roots: FolderRoot[] = [];
    const skipped: string[] = [];
    for (const [i, folder] of [home, ...allowFolders].entries()) {
      try {
        const real = await fs.realpath(path.resolve(folder));
        if (!(await fs.stat(real)).isDirectory()) throw new Error('not a folder');
        if (!roots.some((r) => keyOf(r.path) === keyOf(real))) roots.push({ label: i === 0 ? 'Home' : real, path: real });
      } catch {
        skipped.push(folder);
      }
    }
    return { roots: new FolderRoots(roots), skipped };
  }

  list(): FolderRoot[] {
    return this.roots.map((r) => ({ ...r }));
  }

  /** The root a real path is inside (or is), or undefined. */
  rootOf(real: string): FolderRoot | undefined {
    const key = keyOf(real);
    return this.roots.find((r) => {
      const root = keyOf(r.path);
      return key === root || key.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    });
  }

  private where(): string {
    const [home, ...others] = this.roots;
    const homeText = home ? `your home folder (${home.path})` : 'your home folder';
    return others.length ? `${homeText} or ${others.map((r) => r.path).join(', ')}` : homeText;
  }

  /**
   * The real path of a folder the user may use, or a HostError saying why not. `input` is
   * what was typed or picked; it must be a full path.
   */
  async resolve(input: string, action: 'use' | 'browse'): Promise<string> {
    const shown = input.length > 200 ? `${input.slice(0, 197)}…` : input;
    if (input.includes('\0') || /[\u0000-\u001f]/.test(input)) throw new HostError('INVALID_ARGUMENT', 'That folder name contains control characters.');
    if (!path.isAbsolute(input)) {
      throw new HostError('INVALID_ARGUMENT', `“${shown}” is not a full path. Choose the folder with “Choose folder…”, or type its full path (for example ${path.join(os.homedir(), 'Briefing Packs')}).`);
    }
    let real: string;
    try {
      real = await fs.realpath(path.resolve(input));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') {
        throw new HostError('NOT_FOUND', `The folder ${shown} does not exist. Choose a folder that is there, or make one with “New folder” in the folder chooser.`);
      }
      throw fromNodeError(err, `The folder ${shown}`);
    }
    const root = this.rootOf(real);
    if (!root) {
      const via = keyOf(real) !== keyOf(path.resolve(input)) ? ` (it leads to ${real})` : '';
      throw new HostError(
        'PERMISSION',
        `${shown}${via} is outside the folders Briefing Studio may ${action}. In the browser version you can choose folders inside ${this.where()}. To use another folder, start Briefing Studio with --allow-folder followed by that folder.`,
      );
    }
    const hidden = path
      .relative(root.path, real)
      .split(path.sep)
      .find((part) => part.startsWith('.'));
    if (hidden) throw new HostError('PERMISSION', `${shown} is inside a hidden folder (“${hidden}”), which Briefing Studio does not use for packs or templates.`);
    const stat = await fs.stat(real);
    if (!stat.isDirectory()) throw new HostError('INVALID_ARGUMENT', `${shown} is a file, not a folder.`);
    return real;
  }
}

/** Can this account read (and, for a workspace, write) the folder? Said in plain English if not. */
export async function checkFolderUsable(real: string, purpose: FolderPurpose): Promise<void> {
  try {
    await fs.access(real, constants.R_OK | constants.X_OK);
    const handle = await fs.opendir(real);
    await handle.close();
  } catch {
    throw new HostError('PERMISSION', `Briefing Studio cannot read the folder ${real}: you do not have permission to open it.`);
  }
  if (purpose === 'workspace') {
    try {
      await fs.access(real, constants.W_OK);
    } catch {
      throw new HostError('PERMISSION', `Briefing Studio cannot save packs in ${real}: you do not have permission to change that folder. Choose one you can write to.`);
    }
  }
}

/** The folders inside `input` (or the roots, with no input) for the chooser. */
export async function browseFolders(roots: FolderRoots, input: string | undefined): Promise<FolderListing> {
  const rootList = roots.list();
  if (input === undefined) {
    return { path: null, parent: null, roots: rootList, folders: rootList.map((r) => ({ name: r.label, path: r.path })), truncated: false, writable: false };
  }
  const real = await roots.resolve(input, 'browse');
  let entries;
  try {
    entries = await fs.readdir(real, { withFileTypes: true });
  } catch (err) {
    throw fromNodeError(err, `The folder ${real}`);
  }
  const folders: FolderEntry[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(real, entry.name);
    if (entry.isDirectory()) folders.push({ name: entry.name, path: full });
    else if (entry.isSymbolicLink()) {
      // A link is listed only when it leads to a folder inside the roots.
      const target = await fs.realpath(full).catch(() => null);
      if (target && roots.rootOf(target) && (await fs.stat(target).then((s) => s.isDirectory(), () => false))) folders.push({ name: entry.name, path: full });
    }
  }
  folders.sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true, sensitivity: 'base' }));
  const isRoot = rootList.some((r) => keyOf(r.path) === keyOf(real));
  const writable = await fs.access(real, constants.W_OK).then(
    () => true,
    () => false,
  );
  return { path: real, parent: isRoot ? null : path.dirname(real), roots: rootList, folders: folders.slice(0, MAX_LISTED_FOLDERS), truncated: folders.length > MAX_LISTED_FOLDERS, writable };
}

const FORBIDDEN_IN_NAME = /[<>:"/\\|?*\u0000-\u001f\u007f]/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Why `name` cannot be a new folder's name (on any of Windows, macOS, Linux), or null. */
export function folderNameProblem(name: string): string | null {
  if (!name) return 'Enter a name for the new folder.';
  if (FORBIDDEN_IN_NAME.test(name)) return 'A folder name cannot contain any of < > : " / \\ | ? * or control characters.';
  if (name === '.' || name === '..' || name.startsWith('.')) return 'A folder name cannot start with a dot (such folders are hidden).';
  if (/[. ]$/.test(name)) return 'A folder name cannot end with a dot or a space.';
  if (WINDOWS_DEVICE.test(name.split('.')[0]!)) return `“${name}” is a name Windows keeps for devices. Choose another.`;
  if (Buffer.byteLength(name, 'utf8') > 255) return 'That folder name is too long.';
  return null;
}

/** Make a new folder `name` inside `parent` (a folder the user may use). */
export async function createFolder(roots: FolderRoots, parent: string, rawName: string): Promise<{ path: string }> {
  const real = await roots.resolve(parent, 'use');
  const name = rawName.trim();
  const problem = folderNameProblem(name);
  if (problem) throw new HostError('INVALID_ARGUMENT', problem);
  const full = path.join(real, name);
  try {
    await fs.mkdir(full);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new HostError('ALREADY_EXISTS', `There is already a folder or file called “${name}” in ${real}.`);
    if ((err as NodeJS.ErrnoException).code === 'EACCES' || (err as NodeJS.ErrnoException).code === 'EPERM') {
      throw new HostError('PERMISSION', `A folder cannot be made in ${real}: you do not have permission to change it.`);
    }
    throw fromNodeError(err, `Making the folder “${name}”`);
  }
  return { path: full };
}

import path from 'node:path';
import { realpathSync } from 'node:fs';

/**
 * Files outside the workspace that the user chose themselves during this run of the app: in
 * a native Open dialog, from the OS (double-click, `open-file`, a file argument) or from the
 * Recent menu. Only the Electron shell grants paths; the browser host has no native dialog,
 * so its registry stays empty and every path outside the workspace is refused.
 *
 * Grants live in memory only: a restart forgets them, so a renderer can never widen its own
 * reach by remembering a path.
 */
export class GrantedPaths {
  /** lexical absolute path -> the real path it pointed at when granted */
  private readonly grants = new Map<string, string>();

  /** Record that the user picked this file. Returns the normalised absolute path. */
  grant(file: string): string {
    if (!path.isAbsolute(file) || file.includes('\0')) throw new Error(`Only absolute paths can be granted, not "${file}".`);
    const absolute = path.resolve(file);
    this.grants.set(keyOf(absolute), realOrSelf(absolute));
    return absolute;
  }

  /**
   * Is `file` a granted path, still pointing at the same real file as when granted? A grant
   * whose file was later swapped for a symlink elsewhere no longer counts.
   */
  allows(file: string): boolean {
    if (!path.isAbsolute(file) || file.includes('\0')) return false;
    const absolute = path.resolve(file);
    const grantedReal = this.grants.get(keyOf(absolute));
    if (grantedReal === undefined) return false;
    return realOrSelf(absolute) === grantedReal;
  }

  get size(): number {
    return this.grants.size;
  }

  /** folders the user picked (as a new workspace) in a native folder dialog */
  private readonly folders = new Set<string>();

  grantFolder(dir: string): string {
    if (!path.isAbsolute(dir) || dir.includes('\0')) throw new Error(`Only absolute folders can be granted, not "${dir}".`);
    const absolute = path.resolve(dir);
    this.folders.add(keyOf(absolute));
    return absolute;
  }

  allowsFolder(dir: string): boolean {
    return path.isAbsolute(dir) && !dir.includes('\0') && this.folders.has(keyOf(path.resolve(dir)));
  }
}

/** Windows and macOS file systems are case-insensitive by default. */
function keyOf(absolute: string): string {
  return process.platform === 'linux' ? absolute : absolute.toLowerCase();
}

/** The file's real path, or the path itself when it does not exist yet (Save As targets). */
function realOrSelf(absolute: string): string {
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

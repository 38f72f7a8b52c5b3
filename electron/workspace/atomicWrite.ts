import { promises as realFs } from 'node:fs';
import path from 'node:path';
import { backupTempPathFor, tempPathFor } from './tempFiles.js';

/**
 * The file operations atomic saving needs. Tests pass a version that fails part-way to
 * prove the previous file survives; production uses node:fs/promises.
 */
export interface AtomicFs {
  open: typeof realFs.open;
  rename: typeof realFs.rename;
  copyFile: typeof realFs.copyFile;
  unlink: typeof realFs.unlink;
  mkdir: typeof realFs.mkdir;
}

export interface AtomicWriteOptions {
  /** Copy the file being replaced here first, so the previous version is always kept. */
  backupPath?: string;
  fs?: AtomicFs;
  /**
   * Waits between attempts when Windows reports a transient EPERM/EBUSY (an antivirus
   * scanner, the search indexer or a sync client briefly holding the file). Bounded: after
   * the last wait the error is reported to the user as usual.
   */
  retryDelaysMs?: readonly number[];
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800];

/** Error codes that are often transient on Windows and worth a bounded retry. */
const TRANSIENT_CODES = new Set(['EPERM', 'EBUSY']);

/** Run `op`, retrying on EPERM/EBUSY after each delay in turn; any other error is thrown at once. */
export async function withTransientRetry<T>(op: () => Promise<T>, delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      if (!code || !TRANSIENT_CODES.has(code) || attempt >= delaysMs.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}

/**
 * Write `data` to `target` so that a crash or a failed write at any moment leaves either the
 * old file or the new one, never a mixture: write a temp file in the same folder (same
 * volume, so rename is atomic), fsync it, keep a backup of the old file, rename over the
 * target, then fsync the folder where the platform allows it.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? realFs;
  const retry = <T>(op: () => Promise<T>) => withTransientRetry(op, options.retryDelaysMs);
  const dir = path.dirname(target);
  const temp = tempPathFor(target);
  let handle: Awaited<ReturnType<typeof realFs.open>> | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.backupPath) {
      const backupPath = options.backupPath;
      await retry(() => backupExisting(fs, target, backupPath));
    }
    await retry(() => fs.rename(temp, target));
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

/**
 * Keep the file being replaced as `backupPath`. The copy goes to a temp name first, is
 * synced, and is renamed into place, so a crash while backing up never leaves a half-written
 * backup (the previous backup stays until the new one is complete).
 */
async function backupExisting(fs: AtomicFs, target: string, backupPath: string): Promise<void> {
  await fs.mkdir(path.dirname(backupPath), { recursive: true });
  const temp = backupTempPathFor(backupPath);
  try {
    await fs.copyFile(target, temp);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return; // nothing to back up yet
  }
  try {
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, backupPath);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Make the rename itself durable. Windows cannot open folders for fsync, so skip there. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await realFs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some network file systems refuse fsync on folders; the data itself is already synced.
  }
}

import { randomBytes, createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processIsAlive } from './processAlive.js';

/**
 * Temp files of atomic writes, and tidying up after writes that were killed part-way.
 *
 * Every temp name says which computer and which process wrote it:
 * `.Budget.briefing.<host>-<pid>-<random>.tmp`. So at the next start, a temp file whose
 * writer on this computer is gone is removed at once: nothing can be writing it any more. A
 * temp file of a process that is still running (another window, the CLI) is left alone, and
 * one from another computer (a shared drive) is removed only once it is an hour old, as no
 * process check can reach that computer. Names from before this scheme follow the hour rule.
 */
const HOST_KEY = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6);
const TAGGED = /\.([0-9a-f]{6})-(\d+)-[0-9a-f]{8}\.tmp$/;
const UNTAGGED = /\.[0-9a-f]{12}\.tmp$/;

export const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

function tag(): string {
  return `${HOST_KEY}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** `<dir>/.<name>.<tag>.tmp`: hidden, in the same folder (so the rename is atomic). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag()}.tmp`);
}

/** The temp copy a backup is written to before it is renamed into place. */
export function backupTempPathFor(backupPath: string): string {
  return `${backupPath}.${tag()}.tmp`;
}

export interface SweepOptions {
  now?: () => Date;
  maxAgeMs?: number;
  isProcessAlive?: (pid: number) => boolean;
}

/** Should this temp file go now? */
function isStale(name: string, mtimeMs: number, options: SweepOptions): boolean {
  const age = (options.now?.() ?? new Date()).getTime() - mtimeMs;
  const old = age > (options.maxAgeMs ?? STALE_TEMP_AGE_MS);
  const tagged = TAGGED.exec(name);
  if (!tagged) return UNTAGGED.test(name) && old;
  if (tagged[1] !== HOST_KEY) return old;
  const pid = Number(tagged[2]);
  if (pid === process.pid) return false; // a write of this very process, in flight
  // Its writer gone: nothing holds it. Still running: leave it, unless it is very old (the
  // process id has been reused by another program, or the writer hangs).
  return !(options.isProcessAlive ?? processIsAlive)(pid) || old;
}

/** Remove the stale temp files in `dirs` (not recursive); returns how many went. */
export async function sweepTempFiles(dirs: readonly string[], options: SweepOptions = {}): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.tmp') || !(TAGGED.test(name) || UNTAGGED.test(name))) continue;
      const full = path.join(dir, name);
      try {
        const stat = await fs.lstat(full);
        if (!stat.isFile() || !isStale(name, stat.mtimeMs, options)) continue;
        await fs.unlink(full);
        removed++;
      } catch {
        // gone already, or not ours to remove
      }
    }
  }
  return removed;
}

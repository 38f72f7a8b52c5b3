import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import type { LockHolder, LockResult } from '../../shared/api/contract.js';
import { OWN_FILE_LIMITS, readTextFileBounded } from './boundedRead.js';
import { processIsAlive } from './processAlive.js';

/**
 * Advisory locks for packs on shared drives: `<pack>.lock` beside the pack says who is
 * editing it (user, machine, process, time). Another person opening the pack is told who has
 * it and can open it read-only or as a copy. A lock is stale when its owner crashed (same
 * machine, process gone) or it has not been refreshed for `staleAfterMs` (the owner refreshes
 * it every minute while the pack is open); stale locks can be taken over.
 */
export const LOCK_SUFFIX = '.lock';
export const DEFAULT_LOCK_STALE_MS = 15 * 60 * 1000;

const lockFileSchema = z.object({
  app: z.literal('briefing-studio'),
  user: z.string().max(200),
  machine: z.string().max(300),
  pid: z.number().int(),
  session: z.string().max(100),
  time: z.string().max(40),
});
type LockFile = z.infer<typeof lockFileSchema>;

export interface PackLocksOptions {
  workspaceDir: string;
  /** Absolute path of a pack (the store's confinement rules); default: inside workspaceDir. */
  resolve?: (file: string) => string;
  /** One id per running host: locks written by this host are "mine". */
  session: string;
  user: () => Promise<string>;
  machine: string;
  pid?: number;
  now?: () => Date;
  staleAfterMs?: number;
  /** Whether a process on this machine is still running (injected in tests). */
  isProcessAlive?: (pid: number) => boolean;
}

export { processIsAlive };

export class PackLocks {
  private readonly held = new Set<string>();
  constructor(private readonly options: PackLocksOptions) {}

  lockPathOf(file: string): string {
    const full = this.options.resolve?.(file) ?? path.join(this.options.workspaceDir, path.basename(file));
    return full + LOCK_SUFFIX;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async mine(): Promise<LockFile> {
    return {
      app: 'briefing-studio',
      user: (await this.options.user()) || 'Someone',
      machine: this.options.machine,
      pid: this.options.pid ?? process.pid,
      session: this.options.session,
      time: this.now().toISOString(),
    };
  }

  /** Read a lock file; a damaged or foreign lock file counts as held by "someone", stale. */
  private async read(file: string): Promise<LockFile | 'damaged' | null> {
    let text: string;
    try {
      text = await readTextFileBounded(this.lockPathOf(file), { maxBytes: OWN_FILE_LIMITS.small, label: 'The lock file', kind: 'lock file' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      if (err instanceof HostError && err.code === 'INVALID_FILE') return 'damaged'; // too large, a folder, not UTF-8
      throw fromNodeError(err, `Reading the lock of "${file}"`);
    }
    try {
      return lockFileSchema.parse(JSON.parse(text));
    } catch {
      return 'damaged';
    }
  }

  private staleReason(lock: LockFile): string | undefined {
    if (lock.machine === this.options.machine && lock.session !== this.options.session) {
      const alive = (this.options.isProcessAlive ?? processIsAlive)(lock.pid);
      if (!alive) return 'Briefing Studio on that computer closed without releasing it (it may have crashed).';
    }
    const age = this.now().getTime() - Date.parse(lock.time);
    const limit = this.options.staleAfterMs ?? DEFAULT_LOCK_STALE_MS;
    if (!Number.isFinite(age) || age > limit) return `It has not been refreshed for over ${Math.round(limit / 60000)} minutes.`;
    return undefined;
  }

  private holderOf(lock: LockFile | 'damaged'): LockHolder {
    if (lock === 'damaged') return { user: 'Unknown', machine: 'unknown computer', since: '', stale: true, staleReason: 'The lock file is damaged.' };
    const reason = this.staleReason(lock);
    return { user: lock.user, machine: lock.machine, since: lock.time, stale: reason !== undefined, ...(reason ? { staleReason: reason } : {}) };
  }

  /**
   * Take the lock for editing. Refreshes our own lock; takes over a stale lock when the
   * owner's process is gone on this machine (nobody can be using it) or when asked.
   */
  async acquire(file: string, takeOver = false): Promise<LockResult> {
    const me = await this.mine();
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await fs.writeFile(this.lockPathOf(file), JSON.stringify(me, null, 2) + '\n', { flag: 'wx' });
        this.held.add(file);
        return { status: 'acquired' };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
          // A read-only folder cannot hold a lock; saving will fail there anyway and say so.
          return { status: 'unavailable', message: fromNodeError(err, `The folder of "${file}"`).message };
        }
        if (code !== 'EEXIST') throw fromNodeError(err, `Locking "${file}"`);
      }
      const existing = await this.read(file);
      if (existing === null) continue; // released between our write and read: try again
      if (existing !== 'damaged' && existing.session === this.options.session) {
        await this.writeMine(file, me);
        return { status: 'acquired' };
      }
      const holder = this.holderOf(existing);
      const crashedHere = existing !== 'damaged' && holder.stale && existing.machine === this.options.machine && !(this.options.isProcessAlive ?? processIsAlive)(existing.pid);
      if ((takeOver && holder.stale) || crashedHere) {
        await this.writeMine(file, me);
        // Our own earlier session that crashed is not worth a notice; anyone else's is.
        const wasMe = existing !== 'damaged' && existing.user === me.user && existing.machine === me.machine;
        return wasMe ? { status: 'acquired' } : { status: 'acquired', tookOverFrom: holder };
      }
      if (takeOver) throw new HostError('CONFLICT', `${holder.user} on ${holder.machine} is still editing "${file}", so their lock cannot be taken over.`);
      return { status: 'held', holder };
    }
    throw new HostError('UNKNOWN', `Could not lock "${file}": the lock file keeps changing.`);
  }

  private async writeMine(file: string, me: LockFile): Promise<void> {
    try {
      await fs.writeFile(this.lockPathOf(file), JSON.stringify(me, null, 2) + '\n');
      this.held.add(file);
    } catch (err) {
      throw fromNodeError(err, `Locking "${file}"`);
    }
  }

  /** Who holds the lock of a pack, if anyone else. */
  async inspect(file: string): Promise<LockHolder | null> {
    const existing = await this.read(file);
    if (existing === null) return null;
    if (existing !== 'damaged' && existing.session === this.options.session) return null;
    return this.holderOf(existing);
  }

  /** Remove our lock; somebody else's lock is never removed. */
  async release(file: string): Promise<void> {
    this.held.delete(file);
    const existing = await this.read(file).catch(() => null);
    if (existing === null || existing === 'damaged' || existing.session !== this.options.session) return;
    await fs.unlink(this.lockPathOf(file)).catch(() => undefined);
  }

  /** On process exit: remove every lock this host still holds (synchronously, as exit requires). */
  releaseAllSync(): void {
    for (const file of this.held) {
      try {
        const lock = JSON.parse(readFileSync(this.lockPathOf(file), 'utf8')) as { session?: string };
        if (lock.session === this.options.session) unlinkSync(this.lockPathOf(file));
      } catch {
        // already gone
      }
    }
    this.held.clear();
  }
}

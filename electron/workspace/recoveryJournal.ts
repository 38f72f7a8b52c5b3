import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fromNodeError } from '../../shared/api/errors.js';
import { packSchema, type Pack } from '../../shared/pack/schema.js';
import type { RecoverablePack, RecoveredPack } from '../../shared/api/contract.js';
import { writeFileAtomic } from './atomicWrite.js';
import { SerialQueue } from './serialQueue.js';
import { OWN_FILE_LIMITS, readTextFileBounded } from './boundedRead.js';
import { packWordCount } from './history.js';

/**
 * The recovery journal: while a pack has unsaved edits, the renderer sends its latest state
 * here at least every 2 seconds. Entries live in the app's data folder (not beside the pack,
 * which may be on a vanished network drive), one file per workspace + pack. A clean save
 * clears the entry; after a crash the next start lists what is left and offers Restore or
 * Discard. Discarded entries are moved to `discarded/` rather than deleted outright.
 */
export const RECOVERY_FOLDER = 'recovery';

const entrySchema = z.object({
  workspaceDir: z.string(),
  file: z.string(),
  journaledAt: z.string(),
  baseRevision: z.string().nullable(),
  session: z.string(),
  seq: z.number().int(),
  pack: packSchema,
});
type Entry = z.infer<typeof entrySchema>;

export interface JournalWrite {
  file: string;
  pack: Pack;
  baseRevision: string | null;
  /** One id per open editor; with `seq` (its edit count) orders writes and clears. */
  session: string;
  seq: number;
}

export class RecoveryJournal {
  readonly dir: string;
  private readonly queue = new SerialQueue();
  /** Highest edit count already saved cleanly, per editor session and pack. */
  private readonly cleared = new Map<string, number>();

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.dir = path.join(dataDir, RECOVERY_FOLDER);
  }

  private entryPath(workspaceDir: string, file: string): string {
    const key = createHash('sha256').update(`${path.resolve(workspaceDir)}\0${file}`).digest('hex').slice(0, 32);
    return path.join(this.dir, `${key}.json`);
  }

  private async readEntry(full: string): Promise<Entry | null> {
    try {
      const text = await readTextFileBounded(full, { maxBytes: OWN_FILE_LIMITS.journal, label: 'A recovery copy', kind: 'recovery copy' });
      return entrySchema.parse(JSON.parse(text));
    } catch {
      return null; // missing or damaged: nothing recoverable there
    }
  }

  /** Record the latest unsaved state. Older writes arriving late never replace newer ones. */
  async write(workspaceDir: string, entry: JournalWrite): Promise<{ journaledAt: string; written: boolean }> {
    const full = this.entryPath(workspaceDir, entry.file);
    const journaledAt = this.now().toISOString();
    return this.queue.run(full, async () => {
      if ((this.cleared.get(`${entry.session}\0${full}`) ?? -1) >= entry.seq) return { journaledAt, written: false };
      const existing = await this.readEntry(full);
      if (existing && existing.session === entry.session && existing.seq > entry.seq) return { journaledAt, written: false };
      const data: Entry = { workspaceDir: path.resolve(workspaceDir), journaledAt, ...entry };
      try {
        await fs.mkdir(this.dir, { recursive: true });
        await writeFileAtomic(full, JSON.stringify(data));
      } catch (err) {
        throw fromNodeError(err, 'Keeping a recovery copy of your unsaved changes');
      }
      return { journaledAt, written: true };
    });
  }

  /** A save of edit `seq` succeeded: drop the entry unless it holds later edits. */
  async clear(workspaceDir: string, file: string, session: string, seq: number): Promise<void> {
    const full = this.entryPath(workspaceDir, file);
    const key = `${session}\0${full}`;
    this.cleared.set(key, Math.max(seq, this.cleared.get(key) ?? -1));
    await this.queue.run(full, async () => {
      const existing = await this.readEntry(full);
      if (existing && existing.session === session && existing.seq <= seq) await fs.unlink(full).catch(() => undefined);
    });
  }

  /** Every journaled pack of this workspace, newest first. */
  async list(workspaceDir: string, revisionOnDisk: (file: string) => Promise<string | null>): Promise<RecoverablePack[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const resolved = path.resolve(workspaceDir);
    const result: RecoverablePack[] = [];
    for (const name of names) {
      const entry = await this.readEntry(path.join(this.dir, name));
      if (!entry || entry.workspaceDir !== resolved) continue;
      const onDisk = await revisionOnDisk(entry.file).catch(() => null);
      result.push({
        file: entry.file,
        title: entry.pack.frontSheet.title,
        journaledAt: entry.journaledAt,
        words: packWordCount(entry.pack),
        fileExists: onDisk !== null,
        changedOnDiskSince: onDisk !== null && onDisk !== entry.baseRevision,
      });
    }
    return result.sort((a, b) => b.journaledAt.localeCompare(a.journaledAt));
  }

  async read(workspaceDir: string, file: string): Promise<RecoveredPack | null> {
    const entry = await this.readEntry(this.entryPath(workspaceDir, file));
    if (!entry) return null;
    return { file: entry.file, pack: entry.pack, baseRevision: entry.baseRevision, journaledAt: entry.journaledAt, session: entry.session };
  }

  /**
   * The user chose Discard: move the entry aside (kept until the next discard of that pack).
   * Returns what was discarded, so the caller can keep it as a version in the history.
   */
  async discard(workspaceDir: string, file: string): Promise<RecoveredPack | null> {
    const full = this.entryPath(workspaceDir, file);
    return this.queue.run(full, async () => {
      const entry = await this.readEntry(full);
      const aside = path.join(this.dir, 'discarded', path.basename(full));
      try {
        await fs.mkdir(path.dirname(aside), { recursive: true });
        await fs.rename(full, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fromNodeError(err, 'Discarding the recovered changes');
      }
      return entry && { file: entry.file, pack: entry.pack, baseRevision: entry.baseRevision, journaledAt: entry.journaledAt };
    });
  }
}

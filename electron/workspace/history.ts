import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import { MAX_PACK_BYTES, parsePackBytes, serialisePack } from '../../shared/pack/parse.js';
import type { Pack } from '../../shared/pack/schema.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';
import type { SnapshotInfo, SnapshotReason } from '../../shared/api/contract.js';
import { writeFileAtomic } from './atomicWrite.js';
import { SerialQueue } from './serialQueue.js';
import { OWN_FILE_LIMITS, readFileBounded, readTextFileBounded } from './boundedRead.js';

/**
 * Version history: whole-pack snapshots kept beside the workspace in
 * `<workspace>/.history/<pack key>/`, never inside the pack file. Keyed by the pack's id so
 * renaming a pack keeps its history. Each snapshot is `<id>.briefing` plus `<id>.json`
 * (time, words, reason, optional name, file name at the time).
 */
export const HISTORY_FOLDER = '.history';
/** Editing keeps at most one automatic snapshot per this interval. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;

export interface Retention {
  /** Keep every snapshot younger than this. */
  keepAllHours: number;
  /** Then keep the newest snapshot of each day for this many days. Named ones are always kept. */
  keepDailyDays: number;
  /** And never more than this many unnamed snapshots of one pack: the oldest go first. */
  maxVersions?: number;
}
/**
 * Recovered changes the user discarded are kept as a version this long whatever the other
 * retention rules say (issue 13: no single key press loses words).
 */
export const DISCARDED_KEEP_DAYS = 30;
export const DEFAULT_RETENTION: Retention = { keepAllHours: 24, keepDailyDays: 30, maxVersions: 200 };

const metaSchema = z.object({
  id: z.string(),
  packId: z.string(),
  file: z.string(),
  title: z.string(),
  at: z.string(),
  words: z.number(),
  reason: z.string(),
  name: z.string().optional(),
  contentHash: z.string().optional(),
  by: z.string().max(200).optional(),
});

/** Same words, same hash: updatedAt alone does not make a new version. */
function contentHashOf(pack: Pack): string {
  return createHash('sha256').update(serialisePack({ ...pack, updatedAt: pack.createdAt })).digest('hex').slice(0, 32);
}

export function packWordCount(pack: Pack): number {
  return pack.sections.reduce((sum, section) => sum + wordCountOf(section.content), 0);
}

const SNAPSHOT_ID = /^[0-9TZ-]+-[0-9a-f]{8}$/;

/** A version's description: a small JSON file, read within a small bound. */
function readMeta(file: string): Promise<string> {
  return readTextFileBounded(file, { maxBytes: OWN_FILE_LIMITS.small, label: 'A version’s description', kind: 'version description' });
}

export class PackHistory {
  readonly root: string;
  private readonly queue = new SerialQueue();

  constructor(workspaceDir: string, private readonly now: () => Date = () => new Date()) {
    this.root = path.join(workspaceDir, HISTORY_FOLDER);
  }

  /** Pack ids are free text in the file; hash them into a safe folder name. */
  private folderOf(packId: string): string {
    return path.join(this.root, createHash('sha256').update(packId).digest('hex').slice(0, 24));
  }

  private checkId(id: string): void {
    if (!SNAPSHOT_ID.test(id)) throw new HostError('INVALID_ARGUMENT', 'That is not a version from this pack’s history.');
  }

  async list(packId: string): Promise<SnapshotInfo[]> {
    return (await this.readMetas(this.folderOf(packId))).sort((a, b) => b.at.localeCompare(a.at));
  }

  private async readMetas(folder: string): Promise<SnapshotInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return [];
    }
    const metas: SnapshotInfo[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        const meta = metaSchema.parse(JSON.parse(await readMeta(path.join(folder, name))));
        metas.push({ ...meta, reason: meta.reason as SnapshotReason });
      } catch {
        // A damaged description: the snapshot itself is still on disk for manual recovery.
      }
    }
    return metas;
  }

  /**
   * Take a snapshot. `auto` snapshots are skipped when the newest snapshot is younger than
   * AUTO_SNAPSHOT_INTERVAL_MS; every other reason always snapshots. Returns null if skipped.
   */
  async snapshot(file: string, pack: Pack, reason: SnapshotReason, retention: Retention = DEFAULT_RETENTION, by = ''): Promise<SnapshotInfo | null> {
    const folder = this.folderOf(pack.id);
    return this.queue.run(folder, async () => {
      const now = this.now();
      const metas = await this.readMetas(folder);
      const newest = metas.reduce<SnapshotInfo | null>((best, m) => (!best || m.at > best.at ? m : best), null);
      if (reason === 'auto' && newest && now.getTime() - Date.parse(newest.at) < AUTO_SNAPSHOT_INTERVAL_MS) return null;
      // Pressing Save again without changes keeps no duplicate: the newest version stands.
      const contentHash = contentHashOf(pack);
      if (newest && newest.contentHash === contentHash) return newest;
      const id = `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
      const info: SnapshotInfo = { id, packId: pack.id, file, title: pack.frontSheet.title, at: now.toISOString(), words: packWordCount(pack), reason, contentHash };
      // Who kept it (the name in settings), shown in the history list.
      if (by.trim()) info.by = by.trim().slice(0, 200);
      try {
        await fs.mkdir(folder, { recursive: true });
        await writeFileAtomic(path.join(folder, `${id}.briefing`), serialisePack(pack));
        await writeFileAtomic(path.join(folder, `${id}.json`), JSON.stringify(info, null, 2) + '\n');
      } catch (err) {
        throw fromNodeError(err, 'Keeping a version in the history');
      }
      await this.pruneFolder(folder, retention).catch(() => undefined);
      return info;
    });
  }

  async read(packId: string, id: string): Promise<Pack> {
    this.checkId(id);
    const full = path.join(this.folderOf(packId), `${id}.briefing`);
    let bytes: Buffer;
    try {
      bytes = await readFileBounded(full, { maxBytes: MAX_PACK_BYTES, label: 'That version', kind: 'briefing pack' });
    } catch (err) {
      throw fromNodeError(err, 'That version');
    }
    return parsePackBytes(bytes, { label: 'That version' });
  }

  async rename(packId: string, id: string, name: string): Promise<SnapshotInfo> {
    this.checkId(id);
    const folder = this.folderOf(packId);
    return this.queue.run(folder, async () => {
      const metaPath = path.join(folder, `${id}.json`);
      let meta: SnapshotInfo;
      try {
        meta = metaSchema.parse(JSON.parse(await readMeta(metaPath))) as SnapshotInfo;
      } catch (err) {
        throw fromNodeError(err, 'That version');
      }
      const next: SnapshotInfo = { ...meta };
      if (name.trim()) next.name = name.trim();
      else delete next.name;
      try {
        await writeFileAtomic(metaPath, JSON.stringify(next, null, 2) + '\n');
      } catch (err) {
        throw fromNodeError(err, 'Naming that version');
      }
      return next;
    });
  }

  /** Snapshots of whatever pack was stored under `file`, newest first (for damaged files). */
  async findByFile(file: string): Promise<SnapshotInfo[]> {
    let folders: string[];
    try {
      folders = await fs.readdir(this.root);
    } catch {
      return [];
    }
    const all: SnapshotInfo[] = [];
    for (const folder of folders) all.push(...(await this.readMetas(path.join(this.root, folder))).filter((m) => m.file === file));
    return all.sort((a, b) => b.at.localeCompare(a.at));
  }

  private async pruneFolder(folder: string, retention: Retention): Promise<void> {
    const metas = await this.readMetas(folder);
    for (const id of snapshotsToDrop(metas, this.now(), retention)) {
      await fs.unlink(path.join(folder, `${id}.briefing`)).catch(() => undefined);
      await fs.unlink(path.join(folder, `${id}.json`)).catch(() => undefined);
    }
  }
}

/**
 * Retention: keep named snapshots always, every snapshot of the last `keepAllHours`, then the
 * newest of each calendar day (UTC) for `keepDailyDays`; drop the rest. Discarded recovered
 * changes stay for DISCARDED_KEEP_DAYS.
 */
export function snapshotsToDrop(metas: readonly (Pick<SnapshotInfo, 'id' | 'at' | 'name'> & { reason?: SnapshotInfo['reason'] })[], now: Date, retention: Retention): string[] {
  const discardedSince = now.getTime() - DISCARDED_KEEP_DAYS * 86_400_000;
  const allSince = now.getTime() - retention.keepAllHours * 3600_000;
  const dailySince = now.getTime() - retention.keepDailyDays * 86_400_000;
  const newestOfDay = new Map<string, string>();
  for (const m of [...metas].sort((a, b) => b.at.localeCompare(a.at))) {
    const day = m.at.slice(0, 10);
    if (!newestOfDay.has(day)) newestOfDay.set(day, m.id);
  }
  const drop: string[] = [];
  const kept: Array<Pick<SnapshotInfo, 'id' | 'at'>> = [];
  for (const m of metas) {
    const t = Date.parse(m.at);
    if (m.name) continue;
    // Discarded recovered text: kept its full 30 days, outside the daily thinning and the cap.
    if (m.reason === 'discarded-recovery' && t >= discardedSince) continue;
    if (t >= allSince || (t >= dailySince && newestOfDay.get(m.at.slice(0, 10)) === m.id)) kept.push(m);
    else drop.push(m.id);
  }
  // The count cap: a day of a thousand explicit saves keeps only the newest `maxVersions`.
  const max = retention.maxVersions ?? Infinity;
  if (kept.length > max) drop.push(...kept.sort((a, b) => b.at.localeCompare(a.at)).slice(max).map((m) => m.id));
  return drop;
}

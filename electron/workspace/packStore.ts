import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import type { OpenedPack, PackList, PackListEntry, PackRevision, SavedPack } from '../../shared/api/contract.js';
import { PACK_EXTENSION } from '../../shared/pack/format.js';
import { MAX_PACK_BYTES, parsePackBytes, serialisePack } from '../../shared/pack/parse.js';
import { newId, newPack } from '../../shared/pack/defaults.js';
import type { Pack } from '../../shared/pack/schema.js';
import { writeFileAtomic, type AtomicFs } from './atomicWrite.js';
import { SerialQueue } from './serialQueue.js';
import { uniqueFileName } from './fileNames.js';
import { mapLimit } from './mapLimit.js';
import { confinePath } from './confine.js';
import type { GrantedPaths } from './grantedPaths.js';
import type { FileStamp } from './packReadAhead.js';
import { readFileBounded } from './boundedRead.js';
import { isPackFileName } from './packFileNames.js';
import { STALE_TEMP_AGE_MS, sweepTempFiles } from './tempFiles.js';

export interface PackStoreOptions {
  workspaceDir: string;
  /**
   * Take a deleted pack out of the workspace. The services keep it in the data folder's
   * deleted packs (deletedPacks.ts) and return its id, so it can be restored; tests may pass
   * any other way of removing it.
   */
  trash: (absolutePath: string) => Promise<string | void>;
  /** Injected in tests to make writes fail part-way. */
  fs?: AtomicFs;
  now?: () => Date;
  /** Files outside the workspace the user picked in this run (Electron only). */
  granted?: GrantedPaths;
}

/** Previous versions of each pack, one per file, kept by every save. */
export const BACKUP_FOLDER = '.backups';

export function revisionOf(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

interface CachedEntry {
  mtimeMs: number;
  size: number;
  entry: PackListEntry;
}

/**
 * The packs in one workspace folder. Every method takes a plain file name, resolves it
 * inside the folder, and maps file-system failures to typed, plain-English errors.
 */
export class PackStore {
  readonly workspaceDir: string;
  private readonly queue = new SerialQueue();
  private readonly listCache = new Map<string, CachedEntry>();
  private readonly options: PackStoreOptions;

  constructor(options: PackStoreOptions) {
    this.options = options;
    this.workspaceDir = path.resolve(options.workspaceDir);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * Absolute path of a pack, refusing anything that would land outside the workspace (or a
   * granted file the user picked): see confine.ts.
   */
  pathOf(file: string): string {
    return confinePath(file, { workspaceDir: this.workspaceDir, extension: PACK_EXTENSION, granted: this.options.granted });
  }

  backupPathOf(file: string): string {
    const full = this.pathOf(file);
    if (path.dirname(full) === this.workspaceDir) return path.join(this.workspaceDir, BACKUP_FOLDER, path.basename(full));
    // A granted file elsewhere: keep its previous version in the workspace, under a name
    // that cannot collide with a workspace pack of the same name.
    return path.join(this.workspaceDir, BACKUP_FOLDER, `external-${createHash('sha256').update(full).digest('hex').slice(0, 12)}-${path.basename(full)}`);
  }

  private async ensureWorkspace(): Promise<void> {
    try {
      await fs.mkdir(this.workspaceDir, { recursive: true });
    } catch (err) {
      throw fromNodeError(err, `The workspace folder ${this.workspaceDir}`);
    }
  }

  /** Names ending in .briefing, in any case (Budget.BRIEFING too), folders included: list shows why they cannot open. */
  private async packFileNames(): Promise<string[]> {
    await this.ensureWorkspace();
    try {
      const names = await fs.readdir(this.workspaceDir);
      return names.filter(isPackFileName);
    } catch (err) {
      throw fromNodeError(err, `The workspace folder ${this.workspaceDir}`);
    }
  }

  async list(): Promise<PackList> {
    const names = await this.packFileNames();
    void this.sweepTempFiles();
    const entries = await mapLimit(names, 16, (name) => this.listEntry(name));
    for (const cached of this.listCache.keys()) if (!names.includes(cached)) this.listCache.delete(cached);
    return { workspaceDir: this.workspaceDir, entries: entries.filter((e): e is PackListEntry => e !== null) };
  }

  /** One list row; unchanged files (same mtime and size) come from the cache without reading. */
  private async listEntry(file: string): Promise<PackListEntry | null> {
    let full: string;
    try {
      full = this.pathOf(file); // refuses links that lead out of the workspace
    } catch (err) {
      const error = fromNodeError(err, file);
      const linkStat = await fs.lstat(path.join(this.workspaceDir, file)).catch(() => null);
      return { kind: 'broken', file, error: error.toJSON(), modifiedAt: (linkStat?.mtime ?? new Date(0)).toISOString() };
    }
    let stat;
    try {
      stat = await fs.stat(full);
    } catch {
      return null; // deleted between readdir and stat
    }
    if (!stat.isFile()) {
      const reason = stat.isDirectory() ? `“${file}” is a folder, not a pack file.` : `“${file}” is not an ordinary file, so it is not a pack file.`;
      return { kind: 'broken', file, error: { code: 'INVALID_FILE', message: reason }, modifiedAt: stat.mtime.toISOString() };
    }
    const cached = this.listCache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.entry;
    let entry: PackListEntry;
    try {
      const pack = parsePackBytes(await readPackFile(full, file), { label: file });
      const sheet = pack.frontSheet;
      entry = {
        kind: 'pack',
        file,
        title: sheet.title,
        meetingName: sheet.meeting.name,
        meetingDate: sheet.meeting.date,
        status: sheet.status,
        classification: sheet.classification,
        sectionCount: pack.sections.length,
        updatedAt: pack.updatedAt,
        gamechangerIds: [...new Set(pack.sections.flatMap((s) => (s.gamechangerId ? [s.gamechangerId] : [])))],
        keyDecision: sheet.keyDecision.isKeyDecision,
      };
    } catch (err) {
      const error = fromNodeError(err, file);
      entry = { kind: 'broken', file, error: error.toJSON(), modifiedAt: stat.mtime.toISOString() };
    }
    this.listCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, entry });
    return entry;
  }

  /**
   * Remove temp files left by saves that were killed part-way, here and in the backups: at
   * once when the process that wrote them is gone, else once an hour old (see tempFiles.ts).
   */
  async sweepTempFiles(maxAgeMs = STALE_TEMP_AGE_MS): Promise<number> {
    return sweepTempFiles([this.workspaceDir, path.join(this.workspaceDir, BACKUP_FOLDER)], { maxAgeMs, now: () => this.now() });
  }

  /**
   * A failed write, in words. ENOENT while saving means the folder itself has gone (a
   * network drive disconnected, a USB stick pulled), which deserves its own message.
   */
  private async saveError(err: unknown, file: string): Promise<HostError> {
    if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
      const folderThere = await fs.stat(this.workspaceDir).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (!folderThere) {
        return new HostError(
          'UNAVAILABLE',
          `Saving "${file}": the folder ${this.workspaceDir} is not available any more. If it is on a network or removable drive, reconnect it and try again. Your text is still here.`,
        );
      }
    }
    return fromNodeError(err, `Saving "${file}"`);
  }

  async open(file: string): Promise<OpenedPack> {
    const full = this.pathOf(file);
    let bytes: Buffer;
    try {
      bytes = await readPackFile(full, `"${file}"`);
    } catch (err) {
      throw fromNodeError(err, `The pack "${file}"`);
    }
    return { file, pack: parsePackBytes(bytes, { label: `"${file}"` }), revision: revisionOf(bytes) };
  }

  /** What a stat says of the file now (see PackReadAhead). */
  async stamp(file: string): Promise<FileStamp> {
    const { size, mtimeMs, ctimeMs, ino } = await fs.stat(this.pathOf(file));
    return { size, mtimeMs, ctimeMs, ino };
  }

  /** Whether the file exists and the revision of its bytes now (to notice outside changes). */
  async revision(file: string): Promise<PackRevision> {
    const text = await readIfExists(this.pathOf(file));
    return { exists: text !== null, revision: text === null ? null : revisionOf(text) };
  }

  async create(title?: string): Promise<OpenedPack> {
    const pack = newPack(title?.trim() ? { title: title.trim() } : {}, [], this.now());
    return this.writeNew(pack);
  }

  /** Write a pack under a fresh, unique file name derived from its title. */
  private async writeNew(pack: Pack): Promise<OpenedPack> {
    const file = uniqueFileName(pack.frontSheet.title, await this.packFileNames());
    const text = serialisePack(pack);
    await this.queue.run(file, async () => {
      try {
        await writeFileAtomic(this.pathOf(file), text, { fs: this.options.fs });
      } catch (err) {
        throw await this.saveError(err, file);
      }
    });
    return { file, pack, revision: revisionOf(text) };
  }

  /**
   * Save over an existing pack. `baseRevision` is the revision the editor opened or last
   * saved; if the file on disk is different now, someone else changed it and we refuse
   * with CONFLICT rather than overwrite their work.
   */
  async save(file: string, pack: Pack, baseRevision: string | null): Promise<SavedPack> {
    const full = this.pathOf(file);
    return this.queue.run(file, async () => {
      const onDisk = await readIfExists(full);
      if (onDisk !== null && revisionOf(onDisk) !== baseRevision) {
        throw new HostError('CONFLICT', `"${file}" was changed on disk by someone or something else since you opened it. Your changes have not been written over theirs.`);
      }
      // A file that vanished while open (onDisk === null) is simply written again: no loss.
      const savedAt = this.now().toISOString();
      const text = serialisePack({ ...pack, updatedAt: savedAt });
      try {
        await writeFileAtomic(full, text, { backupPath: this.backupPathOf(file), fs: this.options.fs });
      } catch (err) {
        throw await this.saveError(err, file);
      }
      return { file, revision: revisionOf(text), savedAt };
    });
  }

  async saveAs(pack: Pack, title: string): Promise<OpenedPack> {
    const stamp = this.now().toISOString();
    return this.writeNew({ ...pack, id: newId(), createdAt: stamp, updatedAt: stamp, frontSheet: { ...pack.frontSheet, title } });
  }

  async duplicate(file: string): Promise<OpenedPack> {
    const { pack } = await this.open(file);
    return this.saveAs(pack, `Copy of ${pack.frontSheet.title}`.slice(0, 300));
  }

  /** Retitle a pack and give its file the matching name (the old file is removed after). */
  async rename(file: string, title: string): Promise<OpenedPack> {
    const opened = await this.open(file);
    const renamed: Pack = { ...opened.pack, updatedAt: this.now().toISOString(), frontSheet: { ...opened.pack.frontSheet, title } };
    const others = (await this.packFileNames()).filter((n) => n !== file);
    const target = uniqueFileName(title, others);
    const text = serialisePack(renamed);
    await this.queue.run(file, async () => {
      try {
        await writeFileAtomic(this.pathOf(target), text, { backupPath: this.backupPathOf(file), fs: this.options.fs });
        if (target !== file) {
          await fs.unlink(this.pathOf(file));
          // Its backup goes with it, so the backups stay one per pack (none left under the old name).
          await fs.rename(this.backupPathOf(file), this.backupPathOf(target)).catch(() => undefined);
        }
      } catch (err) {
        throw fromNodeError(err, `Renaming "${file}"`);
      }
    });
    return { file: target, pack: renamed, revision: revisionOf(text) };
  }

  async delete(file: string): Promise<{ file: string; deletedId?: string }> {
    const full = this.pathOf(file);
    const deletedId = await this.queue.run(file, async () => {
      try {
        await fs.access(full);
        return await this.options.trash(full);
      } catch (err) {
        throw fromNodeError(err, `Deleting "${file}"`);
      }
    });
    this.listCache.delete(file);
    return deletedId ? { file, deletedId } : { file };
  }

  /**
   * Bring a deleted pack back: under `preferred` when that name is free (case-insensitive),
   * otherwise a free name from its title. `move` puts the file at the path given.
   */
  async restoreDeleted(preferred: string, title: string, move: (target: string) => Promise<void>): Promise<string> {
    const taken = await this.packFileNames();
    const free = !taken.some((n) => n.toLowerCase() === preferred.toLowerCase()) && isPackFileName(preferred);
    const target = free ? preferred : uniqueFileName(title || preferred.replace(/\.briefing$/i, ''), taken);
    await this.queue.run(target, async () => {
      try {
        await move(this.pathOf(target));
      } catch (err) {
        throw fromNodeError(err, `Restoring "${target}"`);
      }
    });
    this.listCache.delete(target);
    return target;
  }
}

/** A pack file's bytes, refused from its size alone when over the pack limit (see boundedRead.ts). */
export function readPackFile(full: string, label: string): Promise<Buffer> {
  return readFileBounded(full, { maxBytes: MAX_PACK_BYTES, label, kind: 'briefing pack' });
}

async function readIfExists(full: string): Promise<Buffer | null> {
  try {
    return await readPackFile(full, `"${path.basename(full)}"`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fromNodeError(err, `Reading "${path.basename(full)}"`);
  }
}

import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import type { DeletedPack } from '../../shared/api/contract.js';
import { parsePackBytes } from '../../shared/pack/parse.js';
import { writeFileAtomic } from './atomicWrite.js';
import { OWN_FILE_LIMITS, readTextFileBounded } from './boundedRead.js';
import { readPackFile } from './packStore.js';

/**
 * Deleted packs, in both hosts: a deleted pack is moved to `<data folder>/deleted-packs/<id>/`
 * with a small description (which workspace, file name, title, when), so it leaves the
 * library at once but Undo and the library's "Deleted packs" view can put it back for
 * DELETED_KEEP_DAYS. Kept in the app's data folder, not the workspace, so it never shows in
 * the workspace listing or on a shared drive; entries older than that are removed when the
 * list is read or another pack is deleted.
 */
export const DELETED_FOLDER = 'deleted-packs';
export const DELETED_KEEP_DAYS = 30;

const metaSchema = z.object({
  id: z.string(),
  workspaceDir: z.string(),
  file: z.string(),
  title: z.string(),
  deletedAt: z.string(),
});
type Meta = z.infer<typeof metaSchema>;

const ID = /^[0-9TZ-]+-[0-9a-f]{8}$/;
const META = 'deleted.json';

export class DeletedPacks {
  readonly dir: string;

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.dir = path.join(dataDir, DELETED_FOLDER);
  }

  /** Move a pack file out of the workspace into the deleted packs; returns its id. */
  async keep(workspaceDir: string, absolutePath: string): Promise<string> {
    void this.purge();
    const file = path.basename(absolutePath);
    let title = file.replace(/\.briefing$/i, '');
    try {
      title = parsePackBytes(await readPackFile(absolutePath, `"${file}"`), { label: `"${file}"` }).frontSheet.title || title;
    } catch {
      // A damaged pack can be deleted (and restored) too; it is listed by its file name.
    }
    const at = this.now();
    const id = `${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
    const folder = path.join(this.dir, id);
    const meta: Meta = { id, workspaceDir: path.resolve(workspaceDir), file, title, deletedAt: at.toISOString() };
    try {
      await fs.mkdir(folder, { recursive: true });
      await writeFileAtomic(path.join(folder, META), JSON.stringify(meta, null, 2) + '\n');
      await moveFile(absolutePath, path.join(folder, 'pack.briefing'));
    } catch (err) {
      await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
      throw fromNodeError(err, `Deleting "${file}"`);
    }
    return id;
  }

  /** The deleted packs of this workspace, newest first (older than the limit are removed first). */
  async list(workspaceDir: string): Promise<DeletedPack[]> {
    await this.purge();
    const resolved = path.resolve(workspaceDir);
    const metas = (await this.readAll()).filter((m) => m.workspaceDir === resolved);
    return metas.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)).map((m) => ({ id: m.id, file: m.file, title: m.title, deletedAt: m.deletedAt, keptUntil: this.keptUntil(m) }));
  }

  /**
   * Put a deleted pack back into its workspace: under its old file name, or (when a new pack
   * has taken that name) the name `place` picks; `place` does the move with the given function. Returns the file name used.
   */
  async restore(workspaceDir: string, id: string, place: (file: string, title: string, move: (target: string) => Promise<void>) => Promise<string>): Promise<{ file: string; title: string }> {
    if (!ID.test(id)) throw new HostError('INVALID_ARGUMENT', 'That is not a deleted pack.');
    const folder = path.join(this.dir, id);
    const meta = await this.readMeta(folder);
    if (!meta || meta.workspaceDir !== path.resolve(workspaceDir)) {
      throw new HostError('NOT_FOUND', 'That deleted pack is no longer kept (deleted packs are kept for 30 days), or it belongs to another workspace folder.');
    }
    const source = path.join(folder, 'pack.briefing');
    const file = await place(meta.file, meta.title, (target) => moveFile(source, target));
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
    return { file, title: meta.title };
  }

  private keptUntil(meta: Meta): string {
    return new Date(Date.parse(meta.deletedAt) + DELETED_KEEP_DAYS * 86_400_000).toISOString();
  }

  /** Remove entries past their time (any workspace). Never a reason for anything to fail. */
  private async purge(): Promise<void> {
    const now = this.now().getTime();
    for (const meta of await this.readAll().catch(() => [])) {
      if (Date.parse(this.keptUntil(meta)) < now) await fs.rm(path.join(this.dir, meta.id), { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async readAll(): Promise<Meta[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const metas: Meta[] = [];
    for (const name of names.filter((n) => ID.test(n))) {
      const meta = await this.readMeta(path.join(this.dir, name));
      if (meta && meta.id === name) metas.push(meta);
    }
    return metas;
  }

  private async readMeta(folder: string): Promise<Meta | null> {
    try {
      const text = await readTextFileBounded(path.join(folder, META), { maxBytes: OWN_FILE_LIMITS.small, label: 'A deleted pack’s description', kind: 'deleted pack description' });
      return metaSchema.parse(JSON.parse(text));
    } catch {
      return null;
    }
  }
}

/** Rename, or copy and remove when the data folder is on another drive than the workspace. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
    await fs.unlink(from);
  }
}

import { HostError } from '../../shared/api/errors.js';
import type { OpenedPack } from '../../shared/api/contract.js';
import type { Settings } from '../../shared/api/settings.js';
import type { PackStatus } from '../../shared/pack/vocabulary.js';
import { changeStatus } from '../../shared/pack/status.js';
import type { PackStore } from '../workspace/packStore.js';

/**
 * Change a pack's status on disk (from the library or the command line), recording the
 * author from settings. With `baseRevision`, refuses if the file changed since it was read.
 */
export async function setPackStatus(store: PackStore, settings: Settings, file: string, status: PackStatus, baseRevision?: string | null): Promise<OpenedPack> {
  const opened = await store.open(file);
  if (baseRevision !== undefined && baseRevision !== null && baseRevision !== opened.revision) {
    throw new HostError('CONFLICT', `"${file}" was changed on disk since you opened it, so its status has not been changed. Reopen it and try again.`);
  }
  const next = changeStatus(opened.pack, status, { name: settings.authorName, role: settings.authorRole });
  const saved = await store.save(file, next, opened.revision);
  return { file, pack: { ...next, updatedAt: saved.savedAt }, revision: saved.revision };
}

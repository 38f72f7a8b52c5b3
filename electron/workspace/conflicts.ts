import { HostError } from '../../shared/api/errors.js';
import type { OpenedPack } from '../../shared/api/contract.js';
import type { Pack } from '../../shared/pack/schema.js';
import type { PackStore } from './packStore.js';
import type { PackHistory } from './history.js';

export type ConflictChoice = 'reload' | 'copy' | 'overwrite';

/**
 * What happens after a save was refused with CONFLICT. Whatever the user picks, the version
 * not chosen is kept: "reload theirs" snapshots mine into the history first, "overwrite"
 * snapshots theirs first (and the atomic save keeps it in .backups too), "keep mine as a
 * copy" leaves their file alone and writes mine under a new name.
 */
export async function resolveConflict(store: PackStore, history: PackHistory, args: { file: string; pack: Pack; choice: ConflictChoice }): Promise<OpenedPack> {
  const { file, pack, choice } = args;
  switch (choice) {
    case 'reload': {
      await history.snapshot(file, pack, 'before-reload');
      return store.open(file);
    }
    case 'copy': {
      const title = `${pack.frontSheet.title || 'Untitled briefing'} (my copy)`.slice(0, 300);
      return store.saveAs(pack, title);
    }
    case 'overwrite': {
      const current = await store.revision(file);
      if (current.exists) {
        const theirs = await store.open(file).catch(() => null);
        // Their version is unreadable or readable: either way .backups keeps the bytes.
        if (theirs) await history.snapshot(file, theirs.pack, 'before-overwrite');
      }
      const saved = await store.save(file, pack, current.revision);
      return { file, pack: { ...pack, updatedAt: saved.savedAt }, revision: saved.revision };
    }
    default:
      throw new HostError('INVALID_ARGUMENT', 'Unknown choice.');
  }
}

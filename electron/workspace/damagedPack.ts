import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import type { RecoveredDamagedPack, RecoverySource } from '../../shared/api/contract.js';
import { parsePackBytes } from '../../shared/pack/parse.js';
import { PACK_EXTENSION } from '../../shared/pack/format.js';
import type { Pack } from '../../shared/pack/schema.js';
import { readPackFile, type PackStore } from './packStore.js';
import { packWordCount, type PackHistory } from './history.js';

/** Suffix of a damaged pack moved aside: not `.briefing`, so the library no longer lists it. */
export const DAMAGED_SUFFIX = '.damaged';

async function readBackup(store: PackStore, file: string): Promise<Pack | null> {
  try {
    return parsePackBytes(await readPackFile(store.backupPathOf(file), 'The backup'), { label: 'The backup' });
  } catch {
    return null;
  }
}

/**
 * Earlier versions of a pack that no longer opens: its last backup (the file as it was
 * before the latest save) and its history snapshots, newest first, readable ones only.
 */
export async function damagedPackSources(store: PackStore, history: PackHistory, file: string): Promise<RecoverySource[]> {
  store.pathOf(file);
  const sources: RecoverySource[] = [];
  const backup = await readBackup(store, file);
  if (backup) {
    let at = backup.updatedAt;
    try {
      at = (await fs.stat(store.backupPathOf(file))).mtime.toISOString();
    } catch {
      // keep the pack's own time
    }
    sources.push({ kind: 'backup', title: backup.frontSheet.title, at, words: packWordCount(backup) });
  }
  for (const snap of await history.findByFile(file)) {
    const readable = await history.read(snap.packId, snap.id).then(
      () => true,
      () => false,
    );
    if (readable) sources.push({ kind: 'snapshot', packId: snap.packId, id: snap.id, title: snap.title, at: snap.at, words: snap.words });
  }
  return sources.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Open an earlier version of a damaged pack. By default as a new pack beside it, leaving the
 * damaged file byte-for-byte untouched; only with the user's consent (`moveDamagedAside`) is
 * the damaged file renamed to `<name> (damaged <time>).briefing.damaged` and the earlier
 * version written under the original name.
 */
export async function recoverDamagedPack(
  store: PackStore,
  history: PackHistory,
  args: { file: string; source: { kind: 'backup' | 'snapshot'; packId?: string; id?: string }; moveDamagedAside: boolean },
): Promise<RecoveredDamagedPack> {
  const { file, source } = args;
  const full = store.pathOf(file);
  let pack: Pack | null;
  if (source.kind === 'backup') pack = await readBackup(store, file);
  else {
    if (!source.packId || !source.id) throw new HostError('INVALID_ARGUMENT', 'Choose which version to open.');
    pack = await history.read(source.packId, source.id);
  }
  if (!pack) throw new HostError('NOT_FOUND', `There is no readable backup of "${file}".`);

  if (!args.moveDamagedAside) {
    const copy = await store.saveAs(pack, `${pack.frontSheet.title || 'Untitled briefing'} (recovered)`.slice(0, 300));
    return copy;
  }
  // Never move a file that opens fine: consent was given for a damaged one.
  const healthy = await store.open(file).then(
    () => true,
    () => false,
  );
  if (healthy) throw new HostError('INVALID_ARGUMENT', `"${file}" opens normally now, so it has not been moved.`);
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const aside = path.join(path.dirname(full), `${path.basename(file, PACK_EXTENSION)} (damaged ${stamp})${PACK_EXTENSION}${DAMAGED_SUFFIX}`);
  try {
    await fs.rename(full, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fromNodeError(err, `Moving the damaged "${file}" aside`);
  }
  const saved = await store.save(file, pack, null);
  await history.snapshot(file, { ...pack, updatedAt: saved.savedAt }, 'recovered').catch(() => null);
  return { file, pack: { ...pack, updatedAt: saved.savedAt }, revision: saved.revision, damagedMovedTo: path.basename(aside) };
}

import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { HostHandlers } from '../../shared/api/contract.js';
import type { SettingsStore } from './settingsStore.js';
import type { PackStore } from './packStore.js';
import { RecoveryJournal } from './recoveryJournal.js';
import { PackHistory, type Retention } from './history.js';
import { PackLocks } from './packLock.js';
import { resolveConflict } from './conflicts.js';
import { damagedPackSources, recoverDamagedPack } from './damagedPack.js';

type SafetyMethod =
  | 'savePack'
  | 'journalPack'
  | 'clearJournal'
  | 'listRecoverable'
  | 'getRecovered'
  | 'discardRecovered'
  | 'packRevision'
  | 'resolveConflict'
  | 'lockPack'
  | 'unlockPack'
  | 'listHistory'
  | 'snapshotPack'
  | 'readSnapshot'
  | 'nameSnapshot'
  | 'damagedPackSources'
  | 'recoverDamagedPack';

export interface SafetyContext {
  packs: () => Promise<PackStore>;
  settings: SettingsStore;
  dataDir: string;
  /** Identifies this running host in lock files. */
  session?: string;
  machine?: string;
}

/**
 * The issue-6 half of the host contract: saving with history, the recovery journal, locks,
 * conflict resolution and damaged-file recovery. services.ts spreads these into its table.
 */
/** Lock sets of every live host in this process, released together on a normal exit. */
const liveLocks = new Set<Map<string, PackLocks>>();
let exitHookInstalled = false;
function releaseOnExit(locks: Map<string, PackLocks>): void {
  liveLocks.add(locks);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A crash leaves the locks behind; they are then recognised as stale (process gone).
  process.once('exit', () => {
    for (const set of liveLocks) for (const l of set.values()) l.releaseAllSync();
  });
}

export function createSafetyHandlers(ctx: SafetyContext): Pick<HostHandlers, SafetyMethod> {
  const journal = new RecoveryJournal(ctx.dataDir);
  const session = ctx.session ?? randomUUID();
  const machine = ctx.machine ?? os.hostname();
  const histories = new Map<string, PackHistory>();
  const locks = new Map<string, PackLocks>();
  releaseOnExit(locks);

  const historyOf = (store: PackStore) => {
    let history = histories.get(store.workspaceDir);
    if (!history) histories.set(store.workspaceDir, (history = new PackHistory(store.workspaceDir)));
    return history;
  };
  const locksOf = (store: PackStore) => {
    let found = locks.get(store.workspaceDir);
    if (!found) {
      found = new PackLocks({
        workspaceDir: store.workspaceDir,
        resolve: (file) => store.pathOf(file),
        session,
        machine,
        user: async () => (await ctx.settings.get()).authorName.trim() || safeUserName(),
      });
      locks.set(store.workspaceDir, found);
    }
    return found;
  };
  /** The name in settings, recorded on versions kept in the history. */
  const author = async (): Promise<string> => (await ctx.settings.get()).authorName.trim();
  const retention = async (): Promise<Retention> => {
    const s = await ctx.settings.get();
    return { keepAllHours: s.retainEveryVersionForHours, keepDailyDays: s.retainDailyVersionsForDays, maxVersions: s.retainAtMostVersions };
  };

  return {
    async savePack({ file, pack, baseRevision, snapshot }) {
      const store = await ctx.packs();
      const saved = await store.save(file, pack, baseRevision);
      // History is a safety net, never a reason for a save to fail.
      await historyOf(store)
        .snapshot(file, { ...pack, updatedAt: saved.savedAt }, snapshot ?? 'auto', await retention(), await author())
        .catch(() => null);
      return saved;
    },
    async journalPack({ file, pack, baseRevision, session: editor, seq }) {
      const store = await ctx.packs();
      store.pathOf(file);
      return journal.write(store.workspaceDir, { file, pack, baseRevision, session: editor, seq });
    },
    async clearJournal({ file, session: editor, seq }) {
      await journal.clear((await ctx.packs()).workspaceDir, file, editor, seq);
      return { file };
    },
    async listRecoverable() {
      const store = await ctx.packs();
      return journal.list(store.workspaceDir, async (file) => (await store.revision(file)).revision);
    },
    async getRecovered({ file }) {
      return journal.read((await ctx.packs()).workspaceDir, file);
    },
    async discardRecovered({ file }) {
      const store = await ctx.packs();
      const discarded = await journal.discard(store.workspaceDir, file);
      // Discarding never loses the words: they stay in the pack's history for 30 days
      // (history.ts DISCARDED_KEEP_DAYS), where Preview and Restore can bring them back.
      if (discarded) await historyOf(store).snapshot(file, discarded.pack, 'discarded-recovery', await retention(), await author()).catch(() => null);
      return { file };
    },
    packRevision: async ({ file }) => (await ctx.packs()).revision(file),
    async resolveConflict({ file, pack, choice }) {
      const store = await ctx.packs();
      return resolveConflict(store, historyOf(store), { file, pack, choice });
    },
    lockPack: async ({ file, takeOver }) => {
      const store = await ctx.packs();
      store.pathOf(file);
      return locksOf(store).acquire(file, takeOver ?? false);
    },
    unlockPack: async ({ file }) => {
      const store = await ctx.packs();
      store.pathOf(file);
      await locksOf(store).release(file);
      return { file };
    },
    listHistory: async ({ packId }) => historyOf(await ctx.packs()).list(packId),
    async snapshotPack({ file, pack, reason, name }) {
      const store = await ctx.packs();
      store.pathOf(file);
      const history = historyOf(store);
      const info = await history.snapshot(file, pack, reason, await retention(), await author());
      return info && name?.trim() ? history.rename(pack.id, info.id, name) : info;
    },
    readSnapshot: async ({ packId, id }) => historyOf(await ctx.packs()).read(packId, id),
    nameSnapshot: async ({ packId, id, name }) => historyOf(await ctx.packs()).rename(packId, id, name),
    async damagedPackSources({ file }) {
      const store = await ctx.packs();
      return damagedPackSources(store, historyOf(store), file);
    },
    async recoverDamagedPack({ file, source, moveDamagedAside }) {
      const store = await ctx.packs();
      return recoverDamagedPack(store, historyOf(store), { file, source, moveDamagedAside });
    },
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'Someone';
  }
}

import { useMemo } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import type { PendingRecovery } from './session/types.js';
import type { PackSession } from './session/PackSession.js';
import { usePackSession, useUnloadGuard } from './session/usePackSession.js';
import type { PackSessionState, SaveReason } from './session/types.js';

export type { SaveState, DiskState, LockState, SaveReason } from './session/types.js';
export { AUTOSAVE_DELAY_MS, JOURNAL_INTERVAL_MS, DISK_CHECK_MS, LOCK_REFRESH_MS } from './session/types.js';

const LOADING: PackSessionState = {
  pack: null,
  loadError: null,
  loadErrorCode: null,
  saveState: { kind: 'saved', at: '' },
  conflict: false,
  diskState: 'same',
  lock: { kind: 'pending' },
  pendingRecovery: null,
  replacedCount: 0,
  otherWindow: { kind: 'none' },
  otherWindowNotice: null,
  connection: { kind: 'ok' },
};

/**
 * One open pack for the pack screen: the state of its PackSession (renderer/pack/session) and
 * the session's actions, in the shape the screens use. All behaviour lives in the session and
 * its parts; this only adapts it to React. Before the session exists (the first render) the
 * actions do nothing and report "nothing unsaved".
 */
export function usePackDocument(file: string) {
  const { session, state } = usePackSession(file);
  useUnloadGuard(session);
  const actions = useMemo(() => sessionActions(session), [session]);
  const current = state ?? LOADING;
  return {
    pack: current.pack,
    loadError: current.loadError,
    loadErrorCode: current.loadErrorCode,
    saveState: current.saveState,
    /** Someone else holds the lock, or another window of this browser has the pack. */
    readOnly: current.lock.kind === 'read-only' || current.otherWindow.kind !== 'none',
    lock: current.lock,
    conflict: current.conflict,
    diskState: current.diskState,
    pendingRecovery: current.pendingRecovery,
    otherWindow: current.otherWindow,
    otherWindowNotice: current.otherWindowNotice,
    connection: current.connection,
    replacedCount: current.replacedCount,
    /** The session itself, for hooks that add a part (null for the first render). */
    session,
    ...actions,
  };
}

function sessionActions(session: PackSession | null) {
  if (!session) {
    const nothing = async () => undefined;
    return {
      update: (_change: (pack: Pack) => Pack) => undefined,
      saveNow: async (_reason?: SaveReason) => true,
      hasUnsavedChanges: () => false,
      markDirty: () => undefined,
      registerFlush: (_flush: () => void) => () => undefined,
      flushEditors: () => undefined,
      takeOverLock: nothing,
      resolveConflict: async (_choice: 'reload' | 'copy' | 'overwrite') => null as string | null,
      reloadFromDisk: nothing,
      applyRecovery: (_recovered: PendingRecovery) => undefined,
      discardRecovery: nothing,
      restoreVersion: async (_older: Pack) => undefined,
      openReadOnlyHere: () => undefined,
      switchToOtherWindow: () => undefined,
      takeOverFromOtherWindow: nothing,
      saveAsCopy: async (_title: string): Promise<string> => {
        throw new Error('The pack is not open yet.');
      },
    };
  }
  return {
    update: session.update,
    saveNow: session.saveNow,
    hasUnsavedChanges: session.hasUnsavedChanges,
    markDirty: session.markDirty,
    registerFlush: session.registerFlush,
    flushEditors: session.flushEditors,
    takeOverLock: session.takeOverLock,
    resolveConflict: session.resolveConflict,
    reloadFromDisk: session.reloadFromDisk,
    applyRecovery: session.applyRecovery,
    discardRecovery: session.discardRecovery,
    restoreVersion: session.restoreVersion,
    openReadOnlyHere: session.openReadOnlyHere,
    switchToOtherWindow: session.switchToOtherWindow,
    takeOverFromOtherWindow: session.takeOverFromOtherWindow,
    saveAsCopy: session.saveAsCopy,
  };
}

export type PackDocument = ReturnType<typeof usePackDocument>;

import type { HostApi, LockHolder, OpenedPack, RecoveredPack } from '../../../shared/api/contract.js';
import type { Pack } from '../../../shared/pack/schema.js';
import type { BrowserStash } from '../../recovery/browserStash.js';

/** What the save status shows. */
export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

/** How long typing must pause before an autosave. */
export const AUTOSAVE_DELAY_MS = 800;
/** Unsaved edits reach the recovery journal within this long (the issue asks for ≤ 2 s). */
export const JOURNAL_INTERVAL_MS = 1000;
/** How often the file on disk is checked for changes made by someone else. */
export const DISK_CHECK_MS = 3000;
/** How often our lock beside the pack is refreshed (it goes stale after 15 minutes). */
export const LOCK_REFRESH_MS = 60_000;

/** What the file on disk is doing compared with what we opened or last saved. */
export type DiskState = 'same' | 'changed' | 'deleted';

/** How this session holds the pack: editing, or read-only because someone else has it. */
export type LockState =
  | { kind: 'pending' }
  | { kind: 'editing'; tookOverFrom?: LockHolder }
  | { kind: 'read-only'; holder: LockHolder }
  | { kind: 'no-lock'; message: string };

export type SaveReason = 'explicit' | 'auto';

/**
 * Unsaved changes found when the pack opened: from the host's recovery journal (a session
 * that really ended) or kept in this browser while the host could not be reached.
 */
export type PendingRecovery = RecoveredPack & { source?: 'journal' | 'browser' };

/**
 * Another window or tab of this browser has the same pack (see otherWindows.ts): 'ask' while
 * the user chooses, 'read-only' following it, 'moved' after it took editing over from here,
 * 'holder-closed' once the editing window closed the pack. Anything but 'none' is read-only.
 */
export type OtherWindowState =
  | { kind: 'none' }
  | { kind: 'ask'; holder: string }
  | { kind: 'read-only'; holder: string; switched?: boolean }
  | { kind: 'moved'; holder: string; saved: boolean }
  | { kind: 'holder-closed' };

/** How the browser host answers (renderer/host/hostTransport.ts); Electron's is always reachable. */
export type HostReachability = 'reachable' | 'unreachable' | 'refused';

/** Where the connection to the host stands, for the banner (see reconnection.ts). */
export type ConnectionState =
  | { kind: 'ok' }
  | { kind: 'lost'; keptInBrowser: boolean }
  | { kind: 'refused'; keptInBrowser: boolean }
  | { kind: 'back' };

/** Everything a screen shows about one open pack; a new object whenever any of it changes. */
export interface PackSessionState {
  /** The pack as last rendered (the session's latest copy may be newer, see PackSession.current). */
  pack: Pack | null;
  loadError: string | null;
  loadErrorCode: string | null;
  saveState: SaveState;
  conflict: boolean;
  diskState: DiskState;
  lock: LockState;
  pendingRecovery: PendingRecovery | null;
  /** Bumped whenever the whole pack is replaced (reload, restore), so editors can remount. */
  replacedCount: number;
  otherWindow: OtherWindowState;
  /** A one-off note from the other-window handling ("you were switched here"). */
  otherWindowNotice: string | null;
  connection: ConnectionState;
}

/** The host methods a pack session uses (the real host client, or real services in tests). */
export type SessionHost = Pick<
  HostApi,
  | 'openPack'
  | 'getRecovered'
  | 'savePack'
  | 'savePackAs'
  | 'journalPack'
  | 'clearJournal'
  | 'discardRecovered'
  | 'packRevision'
  | 'resolveConflict'
  | 'lockPack'
  | 'unlockPack'
  | 'snapshotPack'
>;

/** An open of the same pack already under way (the page's first script asks for it early). */
export interface PrefetchedOpen {
  opened: Promise<OpenedPack>;
  recovered: Promise<RecoveredPack | null>;
}

export interface PackSessionOptions {
  host: SessionHost;
  file: string;
  prefetched?: PrefetchedOpen | null;
  /** The library's Restore button asked for the journaled state instead of the file. */
  wantsRestore?: boolean;
  /** Called once the restore request has been honoured (or found to have nothing to restore). */
  onRestoreHandled?: () => void;
  /**
   * Runs the first state change that shows the opened pack. The React hook passes flushSync so
   * the pack screen renders, and its editor is made, in the same task as the pack arrives.
   */
  renderNow?: (apply: () => void) => void;
  /** Whether the host answers (the browser transport); absent: always reachable (Electron, tests). */
  connection?: { current(): HostReachability; subscribe(listener: (state: HostReachability) => void): () => void };
  /** The browser's own storage for unsaved edits while the host cannot be reached. */
  stash?: BrowserStash | null;
}

import type { Pack } from '../../../shared/pack/schema.js';
import type { RecoveredPack, SnapshotReason } from '../../../shared/api/contract.js';
import { isHostError } from '../../../shared/api/errors.js';
import { messageOf } from '../../common/messageOf.js';
import { Store } from './store.js';
import { DiskWatch } from './diskWatch.js';
import { LockKeeper } from './lockKeeper.js';
import { ReviewPart } from './reviewPart.js';
import { OtherWindows } from './otherWindows.js';
import { Reconnection } from './reconnection.js';
import {
  type PendingRecovery,
  AUTOSAVE_DELAY_MS,
  JOURNAL_INTERVAL_MS,
  type PackSessionOptions,
  type PackSessionState,
  type SaveReason,
  type SessionHost,
} from './types.js';

/** A part of a session with a life of its own (timers, subscriptions): started once the pack is open. */
export interface SessionPart {
  start(): void;
  stop(): void;
}

function newSessionId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

const INITIAL_STATE: PackSessionState = {
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
 * One open pack, without React: loads it, holds the latest state, autosaves after a pause and
 * on demand, journals unsaved edits for crash recovery, and resolves conflicts; its parts watch
 * the file on disk (DiskWatch) and hold the editing lock (LockKeeper). Saving never discards
 * the in-memory pack: a failed save leaves every word in place and the status says what went
 * wrong, so the user can retry. Screens read `store`; small hooks (usePackSession.ts) adapt it
 * to React. Later features (reconnection, review, co-editing) add parts rather than grow this.
 */
export class PackSession {
  readonly file: string;
  readonly store = new Store<PackSessionState>(INITIAL_STATE);
  /** This editor's journal session: a clean save clears only entries it wrote. */
  readonly journalSession = newSessionId();
  readonly host: SessionHost;
  readonly lockKeeper: LockKeeper;
  /** Comments and suggested changes (renderer/pack/session/reviewPart.ts). */
  readonly review: ReviewPart;
  readonly otherWindows: OtherWindows;
  readonly reconnection: Reconnection;
  private readonly options: PackSessionOptions;
  private readonly parts: SessionPart[];

  private latest: Pack | null = null;
  private revisionValue: string | null = null;
  private editCount = 0;
  private savedCount = 0;
  private journaledCount = 0;
  private inFlight: Promise<boolean> | null = null;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  private journalTimer: ReturnType<typeof setTimeout> | undefined;
  private conflictOpen = false;
  private started = false;
  private disposed = false;
  // Open section editors hand over their serialised content only when it is needed (save,
  // journal, leaving), never on every keystroke: see renderer/editor/SaveTrackingPlugin.ts.
  private readonly flushers = new Set<() => void>();

  constructor(options: PackSessionOptions) {
    this.options = options;
    this.file = options.file;
    this.host = options.host;
    this.lockKeeper = new LockKeeper(this);
    this.review = new ReviewPart(this);
    this.otherWindows = new OtherWindows(this);
    this.reconnection = new Reconnection(this);
    this.parts = [this.lockKeeper, new DiskWatch(this), this.otherWindows, this.reconnection, this.review];
  }

  get state(): PackSessionState {
    return this.store.get();
  }

  /** The latest in-memory pack (may be newer than the rendered `state.pack`). */
  get current(): Pack | null {
    return this.latest;
  }

  /** The file's revision as last read or written by us. */
  get revision(): string | null {
    return this.revisionValue;
  }

  /** A save of ours is under way (its answer would make a disk check out of date). */
  get saving(): boolean {
    return this.inFlight !== null;
  }

  /**
   * Someone else holds the lock, or another window of ours has the pack: nothing is saved or
   * journaled from this session.
   */
  get readOnly(): boolean {
    return this.lockKeeper.readOnly || this.otherWindows.readOnly;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  hasUnsavedChanges = (): boolean => this.savedCount !== this.editCount;

  /** How many edits so far (parts use it to tell whether they have seen the latest). */
  get editSeq(): number {
    return this.editCount;
  }

  /** The host's reachability and the browser's storage (for the Reconnection part). */
  get connectionOptions(): Pick<PackSessionOptions, 'connection' | 'stash'> {
    return { connection: this.options.connection, stash: this.options.stash };
  }

  /**
   * Offer recovered changes (journal, or kept in this browser): when two are found, the newer
   * is offered; it replaces an older one already on offer.
   */
  offerRecovery(candidate: PendingRecovery): void {
    if (this.disposed) return;
    const pending = this.state.pendingRecovery;
    if (pending && pending.journaledAt >= candidate.journaledAt) return;
    this.store.set({ pendingRecovery: candidate });
  }

  /** Open the pack (or its recovered state), then start the parts. Call once. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { host, file, prefetched, wantsRestore = false } = this.options;
    // Ask the other windows of this browser who has the pack while it is being read.
    this.otherWindows.probe();
    const [opened, recovered, kept] = await Promise.all([
      (prefetched?.opened ?? host.openPack({ file })).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      prefetched?.recovered ?? host.getRecovered({ file }).catch(() => null),
      // Restoring: the copy this browser kept while the host was out of reach counts too.
      wantsRestore ? this.reconnection.keptCopy() : null,
    ]);
    if (this.disposed) return;
    if (wantsRestore) this.options.onRestoreHandled?.();
    // What the user asked to restore is the newest of the host's journal and the browser's copy
    // (newer when typing went on after the host stopped answering), with no second question.
    const packId = recovered?.pack.id ?? (opened.ok ? opened.value.pack.id : null);
    const keptHere = kept && kept.pack.id === packId ? kept : null;
    const restore = wantsRestore ? (keptHere && (!recovered || keptHere.journaledAt > recovered.journaledAt) ? keptHere : recovered) : null;
    if (opened.ok) {
      this.latest = opened.value.pack;
      this.revisionValue = opened.value.revision;
      // The pack screen renders and its effects run (the editor is made with the section's
      // first slice) in this one task, so the first paint of the pack shows the text.
      globalThis.performance?.mark?.('briefing:pack-render'); // read by the editor benchmark
      const show = () => this.store.set({ pack: opened.value.pack, saveState: { kind: 'saved', at: opened.value.pack.updatedAt } });
      if (!restore) (this.options.renderNow ?? ((apply) => apply()))(show);
    }
    if (restore) this.applyRecovery(restore);
    else if (recovered) {
      // Offered only when the editor that wrote it has really gone: not for the journal of a
      // window that still has the pack open (it is told "open in another window" instead).
      void this.otherWindows.isLive(recovered.session).then((live) => {
        if (!live) this.offerRecovery({ ...recovered, source: 'journal' });
      });
    }
    if (!opened.ok && !restore) {
      this.store.set({ loadError: messageOf(opened.error), loadErrorCode: isHostError(opened.error) ? opened.error.code : null });
      return;
    }
    for (const part of this.parts) part.start();
  }

  /** Close: stop every part and timer. Unsaved edits stay in the journal (the caller saves first). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.autosaveTimer);
    clearTimeout(this.journalTimer);
    for (const part of this.parts) part.stop();
  }

  // ---- Editing ----

  /** Change the pack (front sheet, sections, status…): marks it unsaved, journals and autosaves. */
  update = (change: (pack: Pack) => Pack): void => {
    const current = this.latest;
    if (!current || this.readOnly) return;
    const next = change(current);
    this.latest = next;
    this.editCount++;
    this.store.set({ pack: next, saveState: { kind: 'unsaved' } });
    this.afterEdit();
  };

  /** An editor changed something it will hand over at the next flush: journal and autosave. */
  markDirty = (): void => {
    if (this.readOnly) return;
    this.editCount++;
    this.store.set((state) => (state.saveState.kind === 'unsaved' ? {} : { saveState: { kind: 'unsaved' } }));
    this.afterEdit();
  };

  private afterEdit(): void {
    this.scheduleJournal();
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => void this.saveNow(), AUTOSAVE_DELAY_MS);
  }

  /** Register a function that writes an editor's pending content into the pack (via update). */
  registerFlush = (flush: () => void): (() => void) => {
    this.flushers.add(flush);
    return () => void this.flushers.delete(flush);
  };

  /** Bring the in-memory pack up to date with every open editor, without saving. */
  flushEditors = (): void => {
    for (const flush of this.flushers) flush();
  };

  // ---- Saving and the recovery journal ----

  /** Save the latest state; resolves true when everything edited so far is on disk. */
  saveNow = async (reason: SaveReason = 'auto'): Promise<boolean> => {
    clearTimeout(this.autosaveTimer);
    while (this.inFlight) await this.inFlight;
    this.flushEditors();
    const current = this.latest;
    if (!current || this.readOnly) return this.savedCount === this.editCount;
    if (this.savedCount === this.editCount) {
      // Nothing new, but an explicit save still keeps a named point in the history.
      if (reason === 'explicit') void this.host.snapshotPack({ file: this.file, pack: current, reason: 'explicit' }).catch(() => null);
      return true;
    }
    if (this.conflictOpen) return false; // waiting for the user's choice
    const savingCount = this.editCount;
    this.store.set({ saveState: { kind: 'saving' } });
    const attempt = (async () => {
      try {
        const saved = await this.host.savePack({ file: this.file, pack: current, baseRevision: this.revisionValue, snapshot: reason });
        this.revisionValue = saved.revision;
        this.savedCount = savingCount;
        if (this.latest === current) this.latest = { ...current, updatedAt: saved.savedAt };
        void this.host.clearJournal({ file: this.file, session: this.journalSession, seq: savingCount }).catch(() => undefined);
        const clean = this.savedCount === this.editCount;
        if (clean) this.reconnection.saved();
        this.store.set({ diskState: 'same', saveState: clean ? { kind: 'saved', at: saved.savedAt } : { kind: 'unsaved' } });
        return clean;
      } catch (err) {
        if (isHostError(err) && err.code === 'CONFLICT') this.setConflict(true);
        this.store.set({ saveState: { kind: 'error', message: messageOf(err) } });
        // The words stay here and in the journal while the user decides what to do.
        void this.journalNow();
        return false;
      }
    })();
    this.inFlight = attempt;
    const ok = await attempt;
    this.inFlight = null;
    // A failed save stops here (the status shows the error); edits made while a save was
    // running get a save of their own.
    if (!ok) return false;
    return this.savedCount === this.editCount ? true : this.saveNow(reason);
  };

  /** Put the latest unsaved state in the recovery journal (data folder). */
  journalNow = async (): Promise<void> => {
    clearTimeout(this.journalTimer);
    this.journalTimer = undefined;
    this.flushEditors();
    const current = this.latest;
    const seq = this.editCount;
    if (!current || seq === this.savedCount || seq === this.journaledCount) return;
    try {
      await this.host.journalPack({ file: this.file, pack: current, baseRevision: this.revisionValue, session: this.journalSession, seq });
      this.journaledCount = Math.max(this.journaledCount, seq);
    } catch {
      // The host may be gone (crashed, stopped, drive lost): the text is still here, and in the
      // browser's storage when the host cannot be reached; try again soon.
      void this.reconnection.keepIfCut();
      if (!this.journalTimer && !this.disposed) this.journalTimer = setTimeout(() => void this.journalNow(), JOURNAL_INTERVAL_MS);
    }
  };

  private scheduleJournal(): void {
    if (!this.journalTimer) this.journalTimer = setTimeout(() => void this.journalNow(), JOURNAL_INTERVAL_MS);
  }

  /** Everything edited so far is safe elsewhere (a copy): drop this pack's recovery entry. */
  private markAllSafe(): void {
    this.savedCount = this.editCount;
    void this.host.clearJournal({ file: this.file, session: this.journalSession, seq: this.editCount }).catch(() => undefined);
  }

  // ---- Replacing the whole pack: recovery, reload, conflicts, restore ----

  /** Replace the whole in-memory pack (reload, restore); `dirty` marks it unsaved. */
  replacePack(next: Pack, revision: string | null, dirty: boolean): void {
    // Open editors hold the replaced pack's text: they must not write it into the new one
    // (they remount with the new content, see PackScreen's key on replacedCount).
    this.flushers.clear();
    this.latest = next;
    this.revisionValue = revision;
    if (dirty) this.editCount++;
    else this.savedCount = this.editCount;
    this.store.set((state) => ({
      pack: next,
      replacedCount: state.replacedCount + 1,
      saveState: dirty ? { kind: 'unsaved' } : { kind: 'saved', at: next.updatedAt },
      diskState: 'same',
    }));
  }

  /** When the recovered state applied in this session was journaled (null: none applied). */
  get restoredJournaledAt(): string | null {
    return this.restoredAt;
  }
  private restoredAt: string | null = null;

  applyRecovery = (recovered: RecoveredPack): void => {
    this.restoredAt = recovered.journaledAt;
    this.store.set({ pendingRecovery: null, loadError: null, loadErrorCode: null });
    this.replacePack(recovered.pack, recovered.baseRevision, true);
    // Journal at once under this editor's session, so a clean save clears the old entry.
    void this.journalNow();
  };

  discardRecovery = async (): Promise<void> => {
    const pending = this.state.pendingRecovery;
    this.store.set({ pendingRecovery: null });
    // Either way the discarded text is kept in the history for 30 days.
    if (pending?.source === 'browser') await this.reconnection.discardKept(pending);
    else await this.host.discardRecovered({ file: this.file }).catch(() => undefined);
  };

  /** Reload what is on disk now (after it changed there and we have nothing unsaved). */
  reloadFromDisk = async (): Promise<void> => {
    const reopened = await this.host.openPack({ file: this.file });
    this.replacePack(reopened.pack, reopened.revision, false);
  };

  private setConflict(value: boolean): void {
    this.conflictOpen = value;
    this.store.set({ conflict: value });
  }

  /**
   * The user's answer to a conflict. 'copy' returns the new file name (the caller switches
   * to it); the other choices stay on this file.
   */
  resolveConflict = async (choice: 'reload' | 'copy' | 'overwrite'): Promise<string | null> => {
    const current = this.latest;
    if (!current) return null;
    try {
      const result = await this.host.resolveConflict({ file: this.file, pack: current, choice });
      this.setConflict(false);
      if (choice === 'copy') {
        // Mine is safe in the copy; their file stays as it is.
        this.markAllSafe();
        return result.file;
      }
      this.replacePack(result.pack, result.revision, false);
      void this.host.clearJournal({ file: this.file, session: this.journalSession, seq: this.editCount }).catch(() => undefined);
      return null;
    } catch (err) {
      this.store.set({ saveState: { kind: 'error', message: messageOf(err) } });
      return null;
    }
  };

  /**
   * Save the current state as a new pack (when this file cannot be written). The words are
   * then safe in the copy, so this pack's recovery entry is cleared; returns the new file.
   */
  saveAsCopy = async (title: string): Promise<string> => {
    const current = this.latest;
    if (!current) throw new Error('The pack is not open yet.');
    const copy = await this.host.savePackAs({ pack: current, title });
    this.markAllSafe();
    return copy.file;
  };

  /** Restore an older version: the current state is snapshotted first, so this can be undone. */
  restoreVersion = (older: Pack): Promise<void> => this.replaceKeepingVersion(older, 'before-restore');

  /**
   * Replace the whole pack with another made from it (an older version, a reviewed Word copy
   * brought back), keeping the current state as a version first so History can undo it; the
   * editors are rebuilt and the result saved at once.
   */
  replaceKeepingVersion = async (next: Pack, reason: SnapshotReason): Promise<void> => {
    const current = this.latest;
    if (!current || this.readOnly) return;
    await this.host.snapshotPack({ file: this.file, pack: current, reason });
    // Keep this pack's identity: history and file stay attached to it.
    this.update(() => ({ ...next, id: current.id, createdAt: current.createdAt }));
    this.store.set((state) => ({ replacedCount: state.replacedCount + 1 }));
    await this.saveNow('explicit');
  };

  /** The pack is open in another window: the user's choices (see otherWindows.ts). */
  openReadOnlyHere = (): void => this.otherWindows.openReadOnly();
  switchToOtherWindow = (): void => this.otherWindows.switchThere();
  takeOverFromOtherWindow = (): Promise<void> => this.otherWindows.takeOver();

  /** Take over a stale lock (the UI offers this only when the holder's lock is stale). */
  takeOverLock = (): Promise<void> => this.lockKeeper.takeOver();
}

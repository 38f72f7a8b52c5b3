import type { Pack } from '../../../shared/pack/schema.js';
import type { PackSession, SessionPart } from './PackSession.js';
import type { PendingRecovery } from './types.js';
import type { StashedEdits } from '../../recovery/browserStash.js';

/**
 * Reconnection in the browser host (issue 13). When the host stops answering, the session
 * says so, keeps the unsaved edits in the browser's own storage (IndexedDB, see
 * recovery/browserStash.ts) and asks again every few seconds; when the host answers (started
 * again with the same address and token, electron/browserHost/hostIdentity.ts) the edits
 * typed meanwhile are saved. A page opened later (a reload, a new tab) finds what was kept
 * and offers it back like a recovery. The host's own journal cannot help while it is down.
 */
export const RECONNECT_POLL_MS = 2000;

export class Reconnection implements SessionPart {
  /** Whether the browser holds a copy of this pack's edits (written here or found at open). */
  private kept = false;
  private keptSeq = -1;
  private keeping: Promise<void> | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly session: PackSession) {}

  private get options() {
    return this.session.connectionOptions;
  }

  start(): void {
    const connection = this.options.connection;
    if (!connection) return;
    this.unsubscribe = connection.subscribe((state) => this.changed(state));
    if (connection.current() !== 'reachable') this.changed(connection.current());
    void this.offerKept();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    clearInterval(this.poll);
  }

  private get cut(): boolean {
    const current = this.options.connection?.current();
    return current !== undefined && current !== 'reachable';
  }

  private changed(state: 'reachable' | 'unreachable' | 'refused'): void {
    if (this.stopped) return;
    const { session } = this;
    if (state === 'reachable') {
      clearInterval(this.poll);
      this.poll = undefined;
      if (session.state.connection.kind === 'ok') return;
      session.store.set({ connection: { kind: 'back' } });
      // The words typed meanwhile go to the file now (a conflict, if someone saved since, asks).
      if (session.hasUnsavedChanges()) void session.saveNow();
      return;
    }
    session.store.set({ connection: { kind: state === 'refused' ? 'refused' : 'lost', keptInBrowser: this.kept } });
    void this.keepIfCut();
    // Ask again now and then: any answer flips the transport back to reachable.
    this.poll ??= setInterval(() => void session.host.packRevision({ file: session.file }).catch(() => undefined), RECONNECT_POLL_MS);
  }

  /** While the host cannot be reached: keep the latest unsaved state in the browser. */
  async keepIfCut(): Promise<void> {
    const stash = this.options.stash;
    const { session } = this;
    if (!stash || !this.cut || this.stopped) return;
    while (this.keeping) await this.keeping;
    session.flushEditors();
    const pack = session.current;
    const seq = session.editSeq;
    if (!pack || !session.hasUnsavedChanges() || seq === this.keptSeq) return;
    this.keeping = stash
      .put({ file: session.file, packId: pack.id, pack, baseRevision: session.revision, stashedAt: new Date().toISOString(), session: session.journalSession })
      .then(
        () => {
          this.kept = true;
          this.keptSeq = seq;
          const connection = session.state.connection;
          if (connection.kind === 'lost' || connection.kind === 'refused') session.store.set({ connection: { ...connection, keptInBrowser: true } });
        },
        () => undefined, // storage refused (full, private mode): the banner keeps saying "only in this window"
      );
    await this.keeping;
    this.keeping = null;
  }

  /** Everything is saved on disk: the browser's copy is no longer needed. */
  saved(): void {
    if (!this.kept || !this.options.stash) return;
    this.kept = false;
    this.keptSeq = -1;
    void this.options.stash.remove(this.session.file).catch(() => undefined);
  }

  private found: Promise<StashedEdits | null> | null = null;

  /**
   * The copy an earlier page kept for this pack because it could not reach the host, as a
   * recovery (read once per session). Restoring from the library asks for it before the pack
   * is shown, so the newest of it and the host's journal is what comes back, without a second
   * question.
   */
  async keptCopy(): Promise<PendingRecovery | null> {
    const stash = this.options.stash;
    if (!stash) return null;
    this.found ??= stash.get(this.session.file).catch(() => null);
    const found = await this.found;
    if (!found) return null;
    return { file: this.session.file, pack: found.pack, baseRevision: found.baseRevision, journaledAt: found.stashedAt, source: 'browser', session: found.session };
  }

  /** A copy kept by an earlier page that could not reach the host: offer it back (once the pack is open). */
  private async offerKept(): Promise<void> {
    const stash = this.options.stash;
    const { session } = this;
    const current = session.current;
    if (!stash || !current) return;
    const offer = await this.keptCopy();
    // Another pack that has the same file name now (another workspace, say) is not this one's.
    if (!offer || offer.pack.id !== current.id || this.stopped) return;
    // Kept by a window of this browser that still has the pack open (its save failed, say):
    // that window has the words; this one is told "open in another window" instead.
    if (await session.otherWindows.isLive(offer.session)) return;
    if (this.stopped) return;
    if (sameContent(offer.pack, current)) {
      // What is shown is this copy (just restored) or already saved: keep it until the next save.
      if (session.hasUnsavedChanges()) this.kept = true;
      else void stash.remove(session.file).catch(() => undefined);
      return;
    }
    // Restored from the journal, which was newer than this copy: the copy goes to the history,
    // as a discard would.
    if (session.restoredJournaledAt !== null) {
      void this.discardKept(offer);
      return;
    }
    this.kept = true;
    session.offerRecovery(offer);
  }

  /** The user discarded the browser's copy: it goes to the history (30 days), then out of the browser. */
  async discardKept(recovered: PendingRecovery): Promise<void> {
    const { session } = this;
    const kept = await session.host.snapshotPack({ file: session.file, pack: recovered.pack, reason: 'discarded-recovery' }).then(
      () => true,
      () => false,
    );
    // Not in the history (the host failed to keep it): the browser keeps it, offered again next time.
    if (!kept) return;
    this.kept = false;
    await this.options.stash?.remove(session.file).catch(() => undefined);
  }
}

/** The same words and settings, whenever they were saved. */
function sameContent(a: Pack, b: Pack): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });
}

import { messageOf } from '../../common/messageOf.js';
import type { PackSession, SessionPart } from './PackSession.js';
import { LOCK_REFRESH_MS } from './types.js';

/**
 * The editing lock beside the pack file (electron/workspace/packLock.ts): taken once the pack
 * is open, refreshed while it stays open, released when it closes. Someone else's lock makes
 * the session read-only, and a stale one can be taken over.
 */
export class LockKeeper implements SessionPart {
  private held = false;
  private readOnlyValue = false;
  private refresh: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(private readonly session: PackSession) {}

  get readOnly(): boolean {
    return this.readOnlyValue;
  }

  start(): void {
    void this.acquire();
    this.refresh = setInterval(() => {
      if (this.held) void this.session.host.lockPack({ file: this.session.file }).catch(() => undefined);
    }, LOCK_REFRESH_MS);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.refresh);
    // Windows of this browser share the host's lock: one closing while another still edits
    // (it was following read-only, or editing moved away from it) leaves the lock in place.
    const otherWindowEditing = ['ask', 'read-only', 'moved'].includes(this.session.state.otherWindow.kind);
    if (this.held && !otherWindowEditing) {
      this.held = false;
      void this.session.host.unlockPack({ file: this.session.file }).catch(() => undefined);
    }
  }

  private async acquire(): Promise<void> {
    const { session } = this;
    try {
      const result = await session.host.lockPack({ file: session.file });
      if (this.stopped) {
        // Closed while the lock was being taken: give it straight back.
        if (result.status === 'acquired') void session.host.unlockPack({ file: session.file }).catch(() => undefined);
        return;
      }
      if (result.status === 'held') {
        this.readOnlyValue = true;
        session.store.set({ lock: { kind: 'read-only', holder: result.holder } });
      } else if (result.status === 'unavailable') session.store.set({ lock: { kind: 'no-lock', message: result.message } });
      else {
        this.held = true;
        session.store.set({ lock: { kind: 'editing', ...(result.tookOverFrom ? { tookOverFrom: result.tookOverFrom } : {}) } });
      }
    } catch (err) {
      if (!this.stopped) session.store.set({ lock: { kind: 'no-lock', message: messageOf(err) } });
    }
  }

  /** Take (or refresh) the lock again now: editing came back to this window from another one. */
  reacquire(): Promise<void> {
    return this.acquire();
  }

  async takeOver(): Promise<void> {
    const { session } = this;
    const result = await session.host.lockPack({ file: session.file, takeOver: true });
    if (result.status !== 'acquired') return;
    this.readOnlyValue = false;
    this.held = true;
    session.store.set({ lock: { kind: 'editing', ...(result.tookOverFrom ? { tookOverFrom: result.tookOverFrom } : {}) } });
    // Their saves may have changed the file: start from what is on disk now.
    await session.reloadFromDisk();
  }
}

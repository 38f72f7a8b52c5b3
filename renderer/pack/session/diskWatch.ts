import type { PackSession, SessionPart } from './PackSession.js';
import { DISK_CHECK_MS } from './types.js';

/**
 * Notices changes made on disk by someone else while the pack is open: a changed revision
 * shows "changed on disk" (or, for a read-only viewer, simply follows the holder's saves), a
 * missing file shows "deleted".
 */
export class DiskWatch implements SessionPart {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly session: PackSession) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), DISK_CHECK_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<void> {
    const { session } = this;
    if (session.saving || session.isDisposed) return;
    const expected = session.revision;
    try {
      const now = await session.host.packRevision({ file: session.file });
      // A save of ours that started or finished meanwhile makes this answer out of date.
      if (session.saving || session.revision !== expected || session.isDisposed) return;
      if (!now.exists) session.store.set({ diskState: 'deleted' });
      else if (now.revision !== session.revision) {
        if (session.readOnly) await session.reloadFromDisk();
        else session.store.set({ diskState: 'changed' });
      } else session.store.set({ diskState: 'same' });
    } catch {
      // Host or drive unavailable: the save status reports that when it matters.
    }
  }
}

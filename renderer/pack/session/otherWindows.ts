import type { PackSession, SessionPart } from './PackSession.js';
import type { OtherWindowState } from './types.js';

/**
 * One pack, two windows (issue 13). Windows and tabs of the app on the same host talk over a
 * BroadcastChannel (same origin only, nothing leaves the browser): a window opening a pack
 * asks who has it; one already editing it answers, and the newcomer is told "open in another
 * window" with Switch there / Open read-only / Take over instead of both editing, or a false
 * "closed before your changes were saved" prompt about the other window's journal entry.
 * Taking over asks the editing window to save and step back to read-only, then loads what it
 * saved. A window that closes the pack says so, so a read-only one can take it up.
 *
 * The other window's locks and journal belong to the same host session, so these windows
 * must sort it out between themselves: the host cannot tell them apart.
 */
const CHANNEL = 'briefing-open-packs';
/** How long a new window waits for answers before it decides it is the only one. */
export const PROBE_MS = 300;
/** How long a take-over waits for the editing window to save and step back. */
const TAKE_OVER_MS = 15_000;

type Message =
  | { type: 'hello'; file: string; from: string }
  | { type: 'here'; file: string; from: string; to: string }
  | { type: 'take-over'; file: string; from: string; to: string }
  | { type: 'released'; file: string; from: string; to: string; saved: boolean }
  | { type: 'focus'; file: string; from: string; to: string }
  | { type: 'closed'; file: string; from: string };

export class OtherWindows implements SessionPart {
  private channel: BroadcastChannel | null = null;
  private readonly live = new Set<string>();
  private probeDone: Promise<void> = Promise.resolve();
  private pendingTakeOver: { resolve: (saved: boolean) => void } | null = null;
  private stopped = false;

  constructor(private readonly session: PackSession) {}

  private get id(): string {
    return this.session.journalSession;
  }

  /** Editing here is blocked while another window has the pack (or took it over). */
  get readOnly(): boolean {
    return this.session.state.otherWindow.kind !== 'none';
  }

  /**
   * Open the channel and ask who has this pack. Called as the session starts, before the pack
   * has even arrived, so the answers are in by the time a recovery prompt would need them.
   */
  probe(): void {
    if (typeof BroadcastChannel === 'undefined' || this.channel) return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    this.post({ type: 'hello', file: this.session.file, from: this.id });
    this.probeDone = new Promise((resolve) => setTimeout(resolve, PROBE_MS));
  }

  /** Whether an editor session is still open in another window (after the probe has had its answers). */
  async isLive(session: string | undefined): Promise<boolean> {
    await this.probeDone;
    return session !== undefined && this.live.has(session);
  }

  start(): void {
    this.probe();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    // A window that was editing says it has gone, so a read-only one can take over.
    if (!this.readOnly) this.post({ type: 'closed', file: this.session.file, from: this.id });
    this.channel?.close();
    this.channel = null;
  }

  private post(message: Message): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // channel closed: nothing to tell
    }
  }

  private editingHere(): boolean {
    return this.session.current !== null && !this.session.readOnly && !this.session.isDisposed;
  }

  private receive(message: Message): void {
    if (!message || message.file !== this.session.file || message.from === this.id) return;
    const { session } = this;
    switch (message.type) {
      case 'hello':
        if (this.editingHere()) this.post({ type: 'here', file: session.file, from: this.id, to: message.from });
        return;
      case 'here':
        if (message.to !== this.id) return;
        this.live.add(message.from);
        if (session.state.otherWindow.kind === 'none') session.store.set({ otherWindow: { kind: 'ask', holder: message.from } });
        return;
      case 'take-over':
        if (message.to === this.id) void this.stepBack(message.from);
        return;
      case 'released':
        if (message.to === this.id) this.pendingTakeOver?.resolve(message.saved);
        return;
      case 'focus':
        if (message.to !== this.id) return;
        (globalThis as { focus?: () => void }).focus?.(); // browsers may or may not bring the tab forward
        session.store.set({ otherWindowNotice: 'You were switched here from another window, where this pack is open read-only.' });
        return;
      case 'closed': {
        const state = session.state.otherWindow;
        if ((state.kind === 'read-only' || state.kind === 'ask') && state.holder === message.from) session.store.set({ otherWindow: { kind: 'holder-closed' } });
        return;
      }
    }
  }

  /** Another window takes over: save everything here, then step back to read-only. */
  private async stepBack(to: string): Promise<void> {
    const saved = await this.session.saveNow('auto');
    // Not saved (host or drive trouble): the words go to the journal, where the taker finds them.
    if (!saved) await this.session.journalNow();
    this.session.store.set({ otherWindow: { kind: 'moved', holder: to, saved } });
    this.post({ type: 'released', file: this.session.file, from: this.id, to, saved });
  }

  // ---- The user's choices (OtherWindowDialog) ----

  /** Follow the other window read-only (its saves are loaded as they land, see DiskWatch). */
  openReadOnly(): void {
    const state = this.session.state.otherWindow;
    if (state.kind === 'ask') this.session.store.set({ otherWindow: { kind: 'read-only', holder: state.holder } });
  }

  /** Ask the editing window to come to the front; this one stays open read-only. */
  switchThere(): void {
    const state = this.session.state.otherWindow;
    if (state.kind !== 'ask' && state.kind !== 'read-only') return;
    this.post({ type: 'focus', file: this.session.file, from: this.id, to: state.holder });
    this.session.store.set({ otherWindow: { kind: 'read-only', holder: state.holder, switched: true } });
  }

  /**
   * Edit here instead: the other window saves and steps back (or has closed already); then
   * this one loads what is on disk, and whatever that window could not save (its journal).
   */
  async takeOver(): Promise<void> {
    const state: OtherWindowState = this.session.state.otherWindow;
    if (state.kind === 'none') return;
    if (state.kind === 'ask' || state.kind === 'read-only' || state.kind === 'moved') {
      const released = new Promise<boolean>((resolve) => {
        this.pendingTakeOver = { resolve };
        setTimeout(() => resolve(false), TAKE_OVER_MS);
      });
      this.post({ type: 'take-over', file: this.session.file, from: this.id, to: state.holder });
      await released;
      this.pendingTakeOver = null;
    }
    await this.session.reloadFromDisk();
    this.session.store.set({ otherWindow: { kind: 'none' }, otherWindowNotice: null });
    // The window that closed may have released the lock beside the pack: put it back now.
    void this.session.lockKeeper.reacquire();
    // Words the other window could not save are in its journal entry: bring them here. An
    // entry of some other session (one that really ended) is offered as a recovery instead.
    const holder = 'holder' in state ? state.holder : null;
    const left = await this.session.host.getRecovered({ file: this.session.file }).catch(() => null);
    if (!left || left.session === this.id) return;
    if (left.session === holder) this.session.applyRecovery(left);
    else this.session.store.set({ pendingRecovery: { ...left, source: 'journal' } });
  }
}

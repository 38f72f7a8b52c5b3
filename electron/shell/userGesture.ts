import type { InputEvent } from 'electron';

/**
 * Whether the user has just done something in a window, as Chromium's "transient user
 * activation" does: a key press, a click or a tap opens a short window in which the page may
 * do one thing a user must ask for (here: open a link in the system browser). Electron's
 * window-open and navigation events carry no user-gesture flag, so main watches the input
 * events Chromium delivers to the page (webContents 'input-event'); script cannot fake
 * those, unlike a synthetic click in the page.
 */

/** Chromium's transient activation lasts 5 seconds (third_party/blink user_activation_state.cc). */
export const ACTIVATION_LIFESPAN_MS = 5_000;

/** The input events that give a page user activation (keyboard, mouse, touch, pen). */
const ACTIVATING: ReadonlySet<InputEvent['type']> = new Set<InputEvent['type']>(['rawKeyDown', 'keyDown', 'mouseDown', 'pointerDown', 'touchEnd', 'gestureTap']);

export class UserGestureGate {
  private lastActivation = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  /** An input event reached the page. Escape never counts (as in Chromium). */
  note(input: Pick<InputEvent, 'type'> & { keyCode?: string }): void {
    if (!ACTIVATING.has(input.type)) return;
    if (input.keyCode === 'Escape') return;
    this.lastActivation = this.now();
  }

  /** True once per gesture, within its lifespan: the gesture is then used up. */
  consume(): boolean {
    const fresh = this.now() - this.lastActivation <= ACTIVATION_LIFESPAN_MS;
    if (fresh) this.lastActivation = Number.NEGATIVE_INFINITY;
    return fresh;
  }
}

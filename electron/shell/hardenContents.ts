import type { HandlerDetails, InputEvent, WebContentsWillFrameNavigateEventParams, WebContentsWillNavigateEventParams, WebContentsWillRedirectEventParams, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './window.js';
import { isSafeExternalUrl } from '../linkPolicy.js';
import { UserGestureGate } from './userGesture.js';

/**
 * The navigation, window-opening and permission rules for every web contents and session.
 * Written against small structural interfaces (the parts of Electron's WebContents and
 * Session we use, with Electron's own listener types) so the rules can be tested without the
 * Electron runtime; main.ts applies them to the real objects.
 */
export interface PreventableEvent {
  preventDefault(): void;
}

type Details<P extends object> = PreventableEvent & P;

export interface ContentsLike {
  on(event: 'will-frame-navigate', listener: (details: Details<WebContentsWillFrameNavigateEventParams>) => void): unknown;
  on(event: 'will-navigate', listener: (details: Details<WebContentsWillNavigateEventParams>) => void): unknown;
  on(event: 'will-redirect', listener: (details: Details<WebContentsWillRedirectEventParams>) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'input-event', listener: (event: PreventableEvent, input: InputEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void;
  setDevicePermissionHandler?(handler: ((details: unknown) => boolean) | null): void;
}

export interface HardenOptions {
  /** shell.openExternal in the app; only ever called with a URL isSafeExternalUrl accepted. */
  openExternal(url: string): void;
  /** The clock for user gestures (tests pass their own). */
  now?: () => number;
}

/**
 * Navigation stays inside the app; nothing else opens in a window. A safe link (https or
 * mailto) goes to the system browser, but only when the user has just pressed a key or
 * clicked in this window (UserGestureGate), once per gesture: a page script alone can never
 * open a browser tab, let alone a stream of them.
 */
export function hardenWebContents(contents: ContentsLike, options: HardenOptions): void {
  const gestures = new UserGestureGate(options.now);
  const openIfTheUserAsked = (url: string) => {
    if (isSafeExternalUrl(url) && gestures.consume()) options.openExternal(url);
  };
  contents.on('input-event', (_event, input) => gestures.note(input));
  // Any frame (Electron ≥ 25): runs first, and when it prevents, 'will-navigate' never fires.
  contents.on('will-frame-navigate', (details) => {
    if (isAppUrl(details.url)) return;
    details.preventDefault();
    if (details.isMainFrame) openIfTheUserAsked(details.url);
  });
  // The main frame only; kept as a second line should 'will-frame-navigate' ever not fire.
  contents.on('will-navigate', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfTheUserAsked(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, microphone, notifications, location or devices: deny them all. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

import { isAppUrl } from './window.js';
import { isSafeExternalUrl } from '../linkPolicy.js';

/**
 * The navigation, window-opening and permission rules for every web contents and session.
 * Written against small structural interfaces (the parts of Electron's WebContents and
 * Session we use) so the rules can be tested without the Electron runtime; main.ts applies
 * them to the real objects.
 */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void;
  setDevicePermissionHandler?(handler: ((details: unknown) => boolean) | null): void;
}

export interface HardenOptions {
  /** shell.openExternal in the app; only ever called with a URL isSafeExternalUrl accepted. */
  openExternal(url: string): void;
}

/** Navigation stays inside the app; safe links go to the system browser; nothing else opens. */
export function hardenWebContents(contents: ContentsLike, options: HardenOptions): void {
  const keepInApp = (event: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) options.openExternal(url);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) options.openExternal(url);
    return { action: 'deny' };
  });
}

/** The app needs no camera, microphone, notifications, location or devices: deny them all. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

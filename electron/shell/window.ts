import type { BrowserWindowConstructorOptions } from 'electron';

/** The custom scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'briefing';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export interface WindowChoices {
  /** Remembered position and size (see windowState.ts); the defaults otherwise. */
  bounds?: { x?: number; y?: number; width: number; height: number };
  /** The OS is in dark mode: paint the window dark before the page loads (no white flash). */
  dark?: boolean;
  /** Developer tools: on for development builds only. */
  devTools?: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
export const MIN_SIZE = { width: 720, height: 520 } as const;

/**
 * Every BrowserWindow is created from these options, so the security settings live in one
 * place that tests can inspect without launching Electron (tests/unit/security.window.test.ts
 * checks each item of Electron's security checklist against it).
 */
export function secureWindowOptions(preloadPath: string, choices: WindowChoices = {}): BrowserWindowConstructorOptions {
  const bounds = choices.bounds ?? DEFAULT_SIZE;
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Briefing Studio',
    backgroundColor: choices.dark ? '#1b1d21' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise open links in new windows without setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      enableWebSQL: false,
      spellcheck: true,
      safeDialogs: true,
      devTools: choices.devTools ?? false,
    },
  };
}

/** Is this URL part of our app (for sender-frame checks and navigation rules)? */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

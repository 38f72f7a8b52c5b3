import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CallLog } from './callLog.js';
import { ElectronRuleError, ElectronRuleTypeError, type RuleId } from './rules.js';
import type { StandInWebContents } from './webContents.js';

/** How the stand-in is set up for one boot of the app. */
export interface StandInOptions {
  /** app.getPath('userData') (a real folder; tests use a temp one). */
  userData: string;
  /** Other app.getPath names ('documents', 'temp', …); unset ones live under userData. */
  paths?: Record<string, string>;
  /** app.getVersion(). */
  version?: string;
  /** app.isPackaged (false: running from a checkout, as `npm start` does). */
  isPackaged?: boolean;
  /** What app.requestSingleInstanceLock() answers (false: another instance holds it). */
  singleInstanceLock?: boolean;
  /** screen.getAllDisplays() work areas. */
  displays?: Array<{ x: number; y: number; width: number; height: number }>;
  /** nativeTheme.shouldUseDarkColors. */
  darkMode?: boolean;
  /** Who renders the pages: the headless renderer (default) or Chromium (tests/support/electronBridge). */
  renderer?: RendererHost;
}

/**
 * Where a window's pages are shown. The headless renderer fetches the page through the app's
 * protocol handler and runs the preload in a sandbox (headlessRenderer.ts); the Chromium
 * bridge shows it in a real Chromium page (tests/support/electronBridge).
 */
export interface RendererHost {
  /** Called once when the stand-in is made, with what a renderer needs to reach main. */
  attach?(rt: StandInRuntime, ipcMain: import('./ipc.js').StandInIpcMain, protocol: import('./protocol.js').StandInProtocol): void;
  /** Load `url` (the page and its preload); rejects as loadURL does when the page fails. */
  load(contents: StandInWebContents, url: string): Promise<void>;
  /** A main → renderer message (webContents.send), already structured-cloned. */
  deliver(contents: StandInWebContents, channel: string, args: unknown[]): void;
  /**
   * Unload the page (window closing). When the page's beforeunload asks to stay,
   * `onPrevent` runs Electron's 'will-prevent-unload' and says whether to unload anyway.
   * Resolves true when the page unloaded.
   */
  unload(contents: StandInWebContents, onPrevent: () => boolean): Promise<boolean>;
  /** Free what the renderer holds (servers, pages) when the test is done with the app. */
  dispose?(): Promise<void>;
}

/** The shared state of one stand-in: the call log, readiness, and what the app registered. */
export class StandInRuntime {
  readonly log = new CallLog();
  ready = false;
  /** app.enableSandbox() was called: every renderer is sandboxed. */
  sandboxEverywhere = false;
  singleInstanceRequested = false;
  readonly windows = new Set<import('./browserWindow.js').StandInBrowserWindow>();
  readonly paths = new Map<string, string>();
  nextId = 1;
  /** Errors thrown inside listeners and handlers the app registered (Electron logs them). */
  readonly listenerErrors: unknown[] = [];
  private appInstance: import('./app.js').StandInApp | undefined;

  setApp(app: import('./app.js').StandInApp): void {
    this.appInstance = app;
  }

  app(): import('./app.js').StandInApp {
    return this.appInstance!;
  }

  constructor(
    readonly options: StandInOptions,
    readonly renderer: RendererHost,
  ) {
    const base = options.userData;
    const defaults: Record<string, string> = {
      home: os.homedir(),
      appData: path.dirname(base),
      userData: base,
      sessionData: base,
      temp: os.tmpdir(),
      documents: path.join(base, 'Documents'),
      downloads: path.join(base, 'Downloads'),
      desktop: path.join(base, 'Desktop'),
      logs: path.join(base, 'logs'),
      exe: process.execPath,
      module: process.execPath,
    };
    for (const [name, value] of Object.entries({ ...defaults, ...options.paths })) this.paths.set(name, value);
  }

  requireReady(rule: RuleId, type: 'Error' | 'TypeError' = 'Error'): void {
    if (!this.ready) throw type === 'TypeError' ? new ElectronRuleTypeError(rule) : new ElectronRuleError(rule);
  }

  requireNotReady(rule: RuleId): void {
    if (this.ready) throw new ElectronRuleError(rule);
  }

  /** app.setPath's own checks: absolute, and an existing folder. */
  checkSetPath(value: string): void {
    if (!path.isAbsolute(value)) throw new ElectronRuleError('set-path-absolute');
    if (!existsSync(value) || !statSync(value).isDirectory()) throw new ElectronRuleError('set-path-exists');
  }

  /** Run a listener or handler the app registered, keeping what it throws (Electron prints it). */
  guard(run: () => unknown): void {
    try {
      const result = run();
      if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, (err) => this.listenerErrors.push(err));
    } catch (err) {
      this.listenerErrors.push(err);
    }
  }
}

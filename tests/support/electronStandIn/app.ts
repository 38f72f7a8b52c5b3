import path from 'node:path';
import type { App } from 'electron';
import { CheckedEmitter, newEvent } from './callLog.js';
import { ElectronRuleError } from './rules.js';
import type { StandInRuntime } from './runtime.js';

/**
 * Electron's `app`, as far as the shell uses it. Members are typed with Electron's own
 * declarations (`App['setPath']`, …) so a signature change in a new Electron fails the
 * typecheck here. The lifecycle follows shell/browser/browser.cc: `quit()` emits
 * 'before-quit', closes every window (each may cancel, which cancels the quit), then emits
 * 'will-quit' and 'quit'; 'window-all-closed' is not emitted while quitting.
 */
export class StandInApp extends CheckedEmitter implements Pick<App, 'isPackaged'> {
  readonly isPackaged: boolean;
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  private quitting = false;
  /** 'running' until quit finished ('quit') or exit() was called ('exited'). */
  state: 'running' | 'quit' | 'exited' = 'running';
  exitCode: number | undefined;
  readonly recentDocuments: string[] = [];
  private lockHeld = false;
  /** Settles when the quit that is under way finishes or is cancelled. */
  private quitDone: Promise<void> = Promise.resolve();

  constructor(private readonly rt: StandInRuntime) {
    super('App', 'app', rt.log);
    this.isPackaged = rt.options.isPackaged ?? false;
  }

  private record(api: string, args: unknown[]): void {
    this.rt.log.record(`app.${api}`, args);
  }

  readonly whenReady: App['whenReady'] = () => {
    this.record('whenReady', []);
    return this.readyPromise;
  };

  readonly isReady: App['isReady'] = () => {
    this.record('isReady', []);
    return this.rt.ready;
  };

  readonly getVersion: App['getVersion'] = () => {
    this.record('getVersion', []);
    return this.rt.options.version ?? '0.0.0-stand-in';
  };

  readonly getName: App['getName'] = () => {
    this.record('getName', []);
    return 'Briefing Studio';
  };

  readonly getPath: App['getPath'] = (name) => {
    this.record('getPath', [name]);
    const value = this.rt.paths.get(name);
    if (!value) throw new Error(`Failed to get '${name}' path`);
    return value;
  };

  readonly setPath: App['setPath'] = (name, value) => {
    this.record('setPath', [name, value]);
    if (name === 'userData' && this.rt.singleInstanceRequested) throw new ElectronRuleError('user-data-before-lock');
    this.rt.checkSetPath(value);
    this.rt.paths.set(name, path.resolve(value));
    if (name === 'userData' && !this.rt.options.paths?.sessionData) this.rt.paths.set('sessionData', path.resolve(value));
  };

  readonly enableSandbox: App['enableSandbox'] = () => {
    this.record('enableSandbox', []);
    this.rt.requireNotReady('sandbox-before-ready');
    this.rt.sandboxEverywhere = true;
  };

  readonly requestSingleInstanceLock: App['requestSingleInstanceLock'] = (additionalData) => {
    this.record('requestSingleInstanceLock', [additionalData]);
    this.rt.requireNotReady('single-instance-before-ready');
    this.rt.singleInstanceRequested = true;
    this.lockHeld = this.rt.options.singleInstanceLock ?? true;
    return this.lockHeld;
  };

  readonly hasSingleInstanceLock: App['hasSingleInstanceLock'] = () => {
    this.record('hasSingleInstanceLock', []);
    return this.lockHeld;
  };

  readonly releaseSingleInstanceLock: App['releaseSingleInstanceLock'] = () => {
    this.record('releaseSingleInstanceLock', []);
    this.lockHeld = false;
  };

  readonly addRecentDocument: App['addRecentDocument'] = (file) => {
    this.record('addRecentDocument', [file]);
    this.recentDocuments.unshift(file);
  };

  readonly clearRecentDocuments: App['clearRecentDocuments'] = () => {
    this.record('clearRecentDocuments', []);
    this.recentDocuments.length = 0;
  };

  readonly setAboutPanelOptions: App['setAboutPanelOptions'] = (options) => {
    this.record('setAboutPanelOptions', [options]);
  };

  readonly focus: App['focus'] = (options) => {
    this.record('focus', [options]);
  };

  readonly quit: App['quit'] = () => {
    this.record('quit', []);
    if (this.quitting || this.state !== 'running') return;
    const beforeQuit = newEvent();
    this.emitGuarded('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    this.quitDone = this.closeAllThenQuit();
  };

  readonly exit: App['exit'] = (code) => {
    this.record('exit', [code]);
    this.state = 'exited';
    this.exitCode = code ?? 0;
    for (const win of [...this.rt.windows]) win.destroy();
  };

  // ---- driven by the tests (what the OS and Electron's own code would do) ----

  /** Electron finished starting: 'will-finish-launching', then 'ready' and whenReady(). */
  emitReady(): void {
    if (this.rt.ready) return;
    this.emitGuarded('will-finish-launching');
    this.rt.ready = true;
    this.rt.log.markReady();
    this.emitGuarded('ready', newEvent(), {});
    this.readyResolve();
  }

  /** Another launch of the app handed over its command line ('second-instance'). */
  emitSecondInstance(argv: string[], workingDirectory: string, additionalData: unknown = {}): void {
    this.emitGuarded('second-instance', newEvent(), argv, workingDirectory, additionalData);
  }

  /** macOS handed over a file (double-click in Finder, drop on the Dock icon). */
  emitOpenFile(file: string): { prevented: boolean } {
    const event = newEvent();
    this.emitGuarded('open-file', event, file);
    return { prevented: event.defaultPrevented };
  }

  /** The Dock icon was clicked (macOS) with or without windows open. */
  emitActivate(): void {
    this.emitGuarded('activate', newEvent(), this.rt.windows.size > 0);
  }

  /** Settles when the current quit has finished or been cancelled. */
  settled(): Promise<void> {
    return this.quitDone;
  }

  /** A window refused to close outside a quit: nothing else happens (the window stays). */
  closeCancelled(): void {}

  /** The last window closed while not quitting (Electron emits 'window-all-closed' or quits). */
  windowsAllClosed(): void {
    if (this.quitting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emitGuarded('window-all-closed');
    else this.quit();
  }

  emitGuarded(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners(event)) this.rt.guard(() => (listener as (...a: unknown[]) => unknown)(...args));
  }

  private async closeAllThenQuit(): Promise<void> {
    for (const win of [...this.rt.windows]) {
      const closed = await win.closeForQuit();
      if (!closed) {
        this.quitting = false; // Browser::OnWindowCloseCancelled: a window refused, so the quit is off
        return;
      }
    }
    const willQuit = newEvent();
    this.emitGuarded('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.state = 'quit';
    this.exitCode = 0;
    this.emitGuarded('quit', newEvent(), 0);
  }
}

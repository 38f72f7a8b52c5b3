import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { CheckedEmitter, newEvent } from './callLog.js';
import { ElectronRuleTypeError } from './rules.js';
import type { StandInRuntime } from './runtime.js';
import { StandInWebContents } from './webContents.js';

type WindowMember =
  | 'id' | 'loadURL' | 'show' | 'hide' | 'focus' | 'isVisible' | 'isFocused' | 'isMinimized' | 'minimize' | 'restore'
  | 'maximize' | 'isMaximized' | 'getBounds' | 'getNormalBounds' | 'setBackgroundColor' | 'close' | 'destroy' | 'isDestroyed';

/**
 * Electron's BrowserWindow, as far as the shell uses it. It can only be made once the app
 * is ready (shell/browser/api/electron_api_browser_window.cc); making one emits the app's
 * 'web-contents-created' and 'browser-window-created'. Closing follows Electron's order:
 * 'close' (preventable), the page's beforeunload ('will-prevent-unload' when it asks to
 * stay), then 'closed'; a closed window's methods throw "Object has been destroyed".
 */
export class StandInBrowserWindow extends CheckedEmitter implements Pick<BrowserWindow, WindowMember> {
  readonly id: number;
  readonly options: BrowserWindowConstructorOptions;
  private readonly contents: StandInWebContents;
  private bounds: Rectangle;
  private visible = false;
  private focused = false;
  private minimized = false;
  private maximized = false;
  private destroyed = false;
  private closing: Promise<boolean> | null = null;
  backgroundColor: string | undefined;

  /** Made through `admitWindow` (the module's BrowserWindow class), which checks readiness first. */
  constructor(
    private readonly rt: StandInRuntime,
    options: BrowserWindowConstructorOptions,
    id: number,
  ) {
    super('BrowserWindow', `BrowserWindow[${id}]`, rt.log);
    this.id = id;
    this.options = options;
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    this.backgroundColor = options.backgroundColor;
    this.visible = options.show ?? true;
    this.contents = new StandInWebContents(rt, { ...options.webPreferences }, rt.nextId++);
    rt.windows.add(this);
    rt.app().emitGuarded('web-contents-created', newEvent(), this.contents);
    rt.app().emitGuarded('browser-window-created', newEvent(), this);
  }

  private use(api: string, args: unknown[]): void {
    this.rt.log.record(`BrowserWindow.${api}`, args);
    if (this.destroyed) throw new ElectronRuleTypeError('destroyed-object');
  }

  get webContents(): StandInWebContents {
    if (this.destroyed) throw new ElectronRuleTypeError('destroyed-object');
    return this.contents;
  }

  readonly loadURL: BrowserWindow['loadURL'] = async (url, options) => {
    this.use('loadURL', [url, options]);
    await this.contents.loadURL(url, options);
    if (!this.visible) this.emitGuarded('ready-to-show', newEvent());
  };

  readonly show: BrowserWindow['show'] = () => {
    this.use('show', []);
    this.visible = true;
    this.focused = true;
    this.minimized = false;
  };

  readonly hide: BrowserWindow['hide'] = () => {
    this.use('hide', []);
    this.visible = false;
  };

  readonly focus: BrowserWindow['focus'] = () => {
    this.use('focus', []);
    this.focused = true;
  };

  readonly isVisible: BrowserWindow['isVisible'] = () => (this.use('isVisible', []), this.visible);
  readonly isFocused: BrowserWindow['isFocused'] = () => (this.use('isFocused', []), this.focused);
  readonly isMinimized: BrowserWindow['isMinimized'] = () => (this.use('isMinimized', []), this.minimized);
  readonly isMaximized: BrowserWindow['isMaximized'] = () => (this.use('isMaximized', []), this.maximized);

  readonly minimize: BrowserWindow['minimize'] = () => {
    this.use('minimize', []);
    this.minimized = true;
    this.focused = false;
  };

  readonly restore: BrowserWindow['restore'] = () => {
    this.use('restore', []);
    this.minimized = false;
  };

  readonly maximize: BrowserWindow['maximize'] = () => {
    this.use('maximize', []);
    this.maximized = true;
  };

  readonly getBounds: BrowserWindow['getBounds'] = () => (this.use('getBounds', []), { ...this.bounds });
  readonly getNormalBounds: BrowserWindow['getNormalBounds'] = () => (this.use('getNormalBounds', []), { ...this.bounds });

  readonly setBackgroundColor: BrowserWindow['setBackgroundColor'] = (color) => {
    this.use('setBackgroundColor', [color]);
    this.backgroundColor = color;
  };

  readonly isDestroyed: BrowserWindow['isDestroyed'] = () => {
    this.rt.log.record('BrowserWindow.isDestroyed', []);
    return this.destroyed;
  };

  /** win.close(): asynchronous in Electron; the window may refuse (see closeForQuit). */
  readonly close: BrowserWindow['close'] = () => {
    this.use('close', []);
    void this.tryClose().then((closed) => {
      if (!closed) this.rt.app().closeCancelled();
    });
  };

  readonly destroy: BrowserWindow['destroy'] = () => {
    this.rt.log.record('BrowserWindow.destroy', []);
    this.finish();
  };

  /** Close as part of app.quit(); resolves false when the window (or its page) refused. */
  closeForQuit(): Promise<boolean> {
    return this.tryClose();
  }

  /** The user moved or resized the window. */
  setUserBounds(bounds: Rectangle): void {
    this.bounds = { ...bounds };
  }

  emitGuarded(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners(event)) this.rt.guard(() => (listener as (...a: unknown[]) => unknown)(...args));
  }

  private tryClose(): Promise<boolean> {
    if (this.destroyed) return Promise.resolve(true);
    this.closing ??= (async () => {
      const close = newEvent();
      this.emitGuarded('close', close);
      if (close.defaultPrevented) return false;
      const unloaded = await this.rt.renderer.unload(this.contents, () => this.contents.preventUnload());
      if (!unloaded) return false;
      this.finish();
      return true;
    })().finally(() => (this.closing = null));
    return this.closing;
  }

  private finish(): void {
    if (this.destroyed) return;
    this.contents.destroy();
    this.destroyed = true;
    this.rt.windows.delete(this);
    this.emitGuarded('closed');
    if (this.rt.windows.size === 0) this.rt.app().windowsAllClosed();
  }
}

/** `new BrowserWindow(options)` as Electron checks it: only once the app is ready. Returns the new id. */
export function admitWindow(rt: StandInRuntime, options: BrowserWindowConstructorOptions): number {
  rt.log.record('BrowserWindow.constructor', [options]);
  rt.requireReady('window-after-ready');
  return rt.nextId++;
}

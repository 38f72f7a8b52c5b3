import type { HandlerDetails, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import { CheckedEmitter, newEvent } from './callLog.js';
import { ElectronRuleTypeError } from './rules.js';
import type { StandInRuntime } from './runtime.js';
import { cloneForIpc } from './ipc.js';

/** The parts of WebFrameMain the app reads from an IPC event's senderFrame. */
export interface StandInFrame {
  url: string;
  origin: string;
  name: string;
  parent: StandInFrame | null;
  top: StandInFrame | null;
  processId: number;
  routingId: number;
  frameTreeNodeId: number;
}

/** What the app's navigation listeners decided for one navigation. */
export type NavigationOutcome = 'allowed' | 'prevented';

/**
 * Electron's WebContents, as far as the shell uses it, plus the events Electron's browser
 * process would emit (navigate, redirect, window.open, input, webview), with the argument
 * shapes Electron uses: navigation events get one details Event (url, isMainFrame, frame, …)
 * followed by the deprecated positional arguments (shell/browser/api/electron_api_web_contents.cc,
 * EmitNavigationEvent), and 'will-frame-navigate' runs before 'will-navigate', which does not
 * run at all when the first was prevented (shell/browser/electron_navigation_throttle.cc).
 */
export class StandInWebContents extends CheckedEmitter implements Pick<WebContents, 'id'> {
  readonly id: number;
  private url = '';
  private destroyed = false;
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  readonly mainFrame: StandInFrame;
  /** Where the last loadURL got to. */
  loadState: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  /** Messages main sent with webContents.send, in order. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

  constructor(
    private readonly rt: StandInRuntime,
    readonly webPreferences: WebPreferences,
    id: number,
  ) {
    super('WebContents', `webContents[${id}]`, rt.log);
    this.id = id;
    this.mainFrame = { url: '', origin: 'null', name: '', parent: null, top: null, processId: 100 + id, routingId: 1, frameTreeNodeId: id * 1000 };
    this.mainFrame.top = this.mainFrame;
  }

  private use(api: string, args: unknown[]): void {
    this.rt.log.record(`webContents.${api}`, args);
    if (this.destroyed) throw new ElectronRuleTypeError('destroyed-object');
  }

  readonly getURL: WebContents['getURL'] = () => {
    this.use('getURL', []);
    return this.url;
  };

  readonly isDestroyed: WebContents['isDestroyed'] = () => {
    this.rt.log.record('webContents.isDestroyed', []);
    return this.destroyed;
  };

  readonly setWindowOpenHandler: WebContents['setWindowOpenHandler'] = (handler) => {
    this.use('setWindowOpenHandler', [handler]);
    this.openHandler = handler;
  };

  readonly send: WebContents['send'] = (channel, ...args) => {
    this.use('send', [channel, ...args]);
    const cloned = cloneForIpc(args);
    this.sent.push({ channel, args: cloned });
    this.rt.renderer.deliver(this, channel, cloned);
  };

  readonly loadURL: WebContents['loadURL'] = async (url, options) => {
    this.use('loadURL', [url, options]);
    this.url = url;
    this.mainFrame.url = url;
    this.mainFrame.origin = originOf(url);
    this.loadState = 'loading';
    try {
      await this.rt.renderer.load(this, url);
    } catch (err) {
      this.loadState = 'failed';
      const description = err instanceof Error ? err.message : String(err);
      this.emitGuarded('did-fail-load', newEvent(), -2, description, url, true, this.mainFrame.processId, this.mainFrame.routingId);
      throw new Error(`ERR_FAILED (-2) loading '${url}': ${description}`);
    }
    this.loadState = 'loaded';
    this.emitGuarded('dom-ready', newEvent());
    this.emitGuarded('did-finish-load', newEvent());
  };

  // ---- driven by the tests and renderers (what Chromium would report) ----

  /** A renderer-initiated navigation (link click, location change) in the main frame or a subframe. */
  navigate(url: string, options: { isMainFrame?: boolean } = {}): NavigationOutcome {
    const isMainFrame = options.isMainFrame ?? true;
    const frame: StandInFrame = isMainFrame ? this.mainFrame : { ...this.mainFrame, url: 'about:blank', parent: this.mainFrame, top: this.mainFrame, routingId: 2 };
    if (this.emitNavigation('will-frame-navigate', url, isMainFrame, frame)) return 'prevented';
    if (isMainFrame && this.emitNavigation('will-navigate', url, isMainFrame, frame)) return 'prevented';
    return 'allowed';
  }

  /** A server redirect during a navigation. */
  redirect(url: string): NavigationOutcome {
    return this.emitNavigation('will-redirect', url, true, this.mainFrame) ? 'prevented' : 'allowed';
  }

  /** window.open / target=_blank: the app's window-open handler decides (Electron's default is allow). */
  openWindow(url: string, disposition: HandlerDetails['disposition'] = 'foreground-tab'): WindowOpenHandlerResponse {
    const details: HandlerDetails = { url, frameName: '', features: '', disposition, referrer: { url: this.url, policy: 'strict-origin-when-cross-origin' } };
    return this.openHandler ? this.openHandler(details) : { action: 'allow' };
  }

  /** An input event the OS delivered to the page (Electron's 'input-event'). */
  input(type: Electron.InputEvent['type']): void {
    this.emitGuarded('input-event', newEvent(), { type, modifiers: [] });
  }

  /** A <webview> asks to attach; true when the app prevented it. */
  attachWebview(src: string): boolean {
    const event = newEvent();
    this.emitGuarded('will-attach-webview', event, { nodeIntegration: true }, { src });
    return event.defaultPrevented;
  }

  /** The page's beforeunload asks to stay: 'will-prevent-unload'; true means unload anyway. */
  preventUnload(): boolean {
    const event = newEvent();
    this.emitGuarded('will-prevent-unload', event);
    return event.defaultPrevented;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.emitGuarded('destroyed');
    this.destroyed = true;
  }

  get isGone(): boolean {
    return this.destroyed;
  }

  emitGuarded(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners(event)) this.rt.guard(() => (listener as (...a: unknown[]) => unknown)(...args));
  }

  private emitNavigation(name: string, url: string, isMainFrame: boolean, frame: StandInFrame): boolean {
    const details = newEvent({ url, isSameDocument: false, isMainFrame, frame, initiator: this.mainFrame, processId: frame.processId, routingId: frame.routingId });
    this.emitGuarded(name, details, url, false, isMainFrame, frame.processId, frame.routingId);
    return details.defaultPrevented;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

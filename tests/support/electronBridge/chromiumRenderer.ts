import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PRELOAD_BUNDLE } from '../bootShell.js';
import type { StandInIpcMain } from '../electronStandIn/ipc.js';
import type { StandInProtocol } from '../electronStandIn/protocol.js';
import type { RendererHost, StandInRuntime } from '../electronStandIn/runtime.js';
import type { StandInFrame, StandInWebContents } from '../electronStandIn/webContents.js';
import { startAppMirror, type AppMirror } from './appMirror.js';

/**
 * Shows a window of the booted main process in a real Chromium page (Playwright), so the
 * real renderer runs over the Electron transport: the page gets `window.briefing` from the
 * real preload bundle, whose contextBridge and ipcRenderer are bridged to main's real ipcMain
 * handlers in Node through a Playwright binding, with Electron's semantics where they show
 * (the invoke error message, frozen exposed API, only the main frame gets the preload, the
 * sender frame reported for main's guard). The page itself is served by main's app://
 * handler through appMirror.ts.
 *
 * What this cannot reproduce: Electron runs the preload in an isolated world; here it runs in
 * the page's world at document start (Playwright cannot give an init script its own world and
 * a bridge into the main one). The isolation itself is shown by the sandboxed preload tests
 * (tests/unit/shell.preload.test.ts); here the page sees only the preload's two exposed objects.
 */
const BINDING = '__briefingElectronIpc';

export class ChromiumRenderer implements RendererHost {
  private rt!: StandInRuntime;
  private ipcMain!: StandInIpcMain;
  private protocol!: StandInProtocol;
  private mirror: AppMirror | null = null;
  private contents: StandInWebContents | null = null;
  private installed = false;
  private readonly token = randomBytes(12).toString('hex');

  constructor(
    readonly page: Page,
    private readonly preloadFile = PRELOAD_BUNDLE,
  ) {}

  attach(rt: StandInRuntime, ipcMain: StandInIpcMain, protocol: StandInProtocol): void {
    this.rt = rt;
    this.ipcMain = ipcMain;
    this.protocol = protocol;
  }

  /** The mirror the page is served from (started with the first load). */
  get appMirror(): AppMirror {
    if (!this.mirror) throw new Error('no page has been loaded yet');
    return this.mirror;
  }

  async load(contents: StandInWebContents, url: string): Promise<void> {
    if (this.contents && this.contents !== contents) throw new Error('the Chromium bridge shows one window');
    this.contents = contents;
    this.mirror ??= await startAppMirror(this.protocol);
    if (!this.installed) {
      this.installed = true;
      await this.page.exposeBinding(BINDING, async (source, channel: string, args: unknown[]) => {
        const frame = source.frame;
        const parent = frame.parentFrame();
        const info: StandInFrame = {
          ...contents.mainFrame,
          url: this.appMirror.toApp(frame.url()),
          parent: parent ? contents.mainFrame : null,
          routingId: parent ? 9 : contents.mainFrame.routingId,
        };
        return this.ipcMain.dispatchInvoke({ contents, frame: info }, channel, args);
      });
      await this.page.addInitScript({ content: this.initScript() });
      this.page.on('framenavigated', (frame) => {
        if (frame === this.page.mainFrame()) contents.mainFrame.url = this.appMirror.toApp(frame.url());
      });
    }
    const response = await this.page.goto(this.appMirror.toMirror(url), { waitUntil: 'load' });
    if (!response || !response.ok()) throw new Error(`the page answered HTTP ${response?.status() ?? '(no response)'}`);
  }

  deliver(_contents: StandInWebContents, channel: string, args: unknown[]): void {
    const event = `briefing-ipc-${this.token}`;
    void this.page
      .evaluate(([name, detail]) => document.dispatchEvent(new CustomEvent(name, { detail })), [event, { channel, args }] as const)
      .catch((err: unknown) => this.rt.listenerErrors.push(err));
  }

  async unload(_contents: StandInWebContents, onPrevent: () => boolean): Promise<boolean> {
    const page = this.page;
    const closed = new Promise<'closed'>((resolve) => page.once('close', () => resolve('closed')));
    const asked = new Promise<'stayed'>((resolve) => {
      page.once('dialog', async (dialog) => {
        if (dialog.type() !== 'beforeunload') return void (await dialog.dismiss());
        if (onPrevent()) await dialog.accept();
        else {
          await dialog.dismiss();
          resolve('stayed');
        }
      });
    });
    await page.close({ runBeforeUnload: true });
    const outcome = await Promise.race([closed, asked]);
    if (outcome === 'stayed') return false;
    await this.mirror?.close();
    this.mirror = null;
    return true;
  }

  async dispose(): Promise<void> {
    await this.mirror?.close();
    this.mirror = null;
  }

  /**
   * Runs in every frame at document start, before the page's scripts: in the main frame only
   * (as Electron runs a preload), it takes the binding off `window`, builds the two renderer
   * modules the preload uses and runs the real preload bundle with Electron's parameters.
   */
  private initScript(): string {
    const preload = readFileSync(this.preloadFile, 'utf8');
    return `(() => {
  if (window.top !== window) return;
  const ipc = window[${JSON.stringify(BINDING)}];
  delete window[${JSON.stringify(BINDING)}];
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const { error, result } = await ipc(channel, args);
      if (error) throw new Error("Error invoking remote method '" + channel + "': " + error);
      return result;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  document.addEventListener(${JSON.stringify(`briefing-ipc-${this.token}`)}, (event) => {
    const { channel, args } = event.detail;
    for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...args);
  });
  const freeze = (value) => {
    if (value && typeof value === 'object') { Object.values(value).forEach(freeze); Object.freeze(value); }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (Object.prototype.hasOwnProperty.call(window, key)) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, { value: freeze(api), enumerable: true, configurable: false, writable: false });
    },
  };
  const electron = { contextBridge, ipcRenderer };
  const require = (name) => {
    if (name === 'electron' || name === 'electron/renderer') return electron;
    throw new Error('module not found: ' + name);
  };
  const process = { contextIsolated: true, sandboxed: true, type: 'renderer', env: {}, versions: { electron: '45.5.0' } };
  const module = { exports: {} };
  const setImmediate = (fn, ...args) => setTimeout(fn, 0, ...args);
  const clearImmediate = (id) => clearTimeout(id);
  try {
    (function (require, process, exports, module, Buffer, global, setImmediate, clearImmediate) {
${preload}
    })(require, process, module.exports, module, undefined, window, setImmediate, clearImmediate);
  } catch (error) {
    console.error('Unable to load preload script: ' + ${JSON.stringify(this.preloadFile)});
    console.error(error);
  }
})();`;
  }
}

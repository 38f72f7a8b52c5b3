import { existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { StandInIpcMain } from './ipc.js';
import { StandInIpcRenderer } from './ipc.js';
import { runPreload, type PreloadRun } from './preloadSandbox.js';
import type { StandInProtocol } from './protocol.js';
import type { RendererHost, StandInRuntime } from './runtime.js';
import type { StandInFrame, StandInWebContents } from './webContents.js';

/** A page the headless renderer loaded: its response, its preload run and its main world. */
export interface HeadlessPage {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  preload: PreloadRun | null;
  ipcRenderer: StandInIpcRenderer;
  /** Run code in the page's main world (as the page's own scripts would). */
  evaluate<T = unknown>(code: string): T;
  /** The page's main world `window`. */
  window: Record<string, any>;
  /** Set by the test: the page's beforeunload asks to stay (unsaved work). */
  preventsUnload: boolean;
  /** Call main from a subframe of this page (to see the sender-frame check refuse it). */
  invokeFromSubframe(channel: string, args: unknown, frameUrl?: string): Promise<unknown>;
}

/**
 * The default renderer: loading a URL fetches it through the app's own protocol handler
 * (real Request and Response), then runs the window's preload in a sandbox (preloadSandbox.ts)
 * against a fresh page world. No DOM and no page scripts run: the page's side is whatever
 * the test evaluates in its main world.
 */
export class HeadlessRenderer implements RendererHost {
  readonly pages = new Map<number, HeadlessPage>();
  private rt!: StandInRuntime;
  private ipcMain!: StandInIpcMain;
  private protocol!: StandInProtocol;

  attach(rt: StandInRuntime, ipcMain: StandInIpcMain, protocol: StandInProtocol): void {
    this.rt = rt;
    this.ipcMain = ipcMain;
    this.protocol = protocol;
  }

  pageOf(contents: StandInWebContents): HeadlessPage {
    const page = this.pages.get(contents.id);
    if (!page) throw new Error(`webContents ${contents.id} has no page loaded`);
    return page;
  }

  async load(contents: StandInWebContents, url: string): Promise<void> {
    const response = await this.protocol.fetch(url);
    const body = await response.text();
    if (!response.ok) throw new Error(`the page answered HTTP ${response.status}`);
    const prefs = contents.webPreferences;
    const ipcRenderer = new StandInIpcRenderer(this.rt, this.ipcMain, () => ({ contents, frame: contents.mainFrame }));
    let preload: PreloadRun | null = null;
    if (prefs.preload) {
      if (!path.isAbsolute(prefs.preload) || !existsSync(prefs.preload)) throw new Error(`the preload script ${prefs.preload} does not exist (Electron needs an absolute path)`);
      if (!(prefs.sandbox || this.rt.sandboxEverywhere)) throw new Error('the stand-in runs only sandboxed preloads (sandbox: true or app.enableSandbox())');
      preload = runPreload({ file: prefs.preload, contextIsolation: prefs.contextIsolation ?? true, ipcRenderer, log: this.rt.log });
    }
    const mainWorld = preload?.mainWorld ?? vm.createContext({});
    const page: HeadlessPage = {
      url,
      status: response.status,
      headers: response.headers,
      body,
      preload,
      ipcRenderer,
      evaluate: <T>(code: string) => vm.runInContext(code, mainWorld) as T,
      window: vm.runInContext('globalThis', mainWorld) as Record<string, any>,
      preventsUnload: false,
      invokeFromSubframe: async (channel, args, frameUrl = url) => {
        const frame: StandInFrame = { ...contents.mainFrame, url: frameUrl, parent: contents.mainFrame, top: contents.mainFrame, routingId: 7 };
        const sub = new StandInIpcRenderer(this.rt, this.ipcMain, () => ({ contents, frame }));
        return sub.invoke(channel, args);
      },
    };
    this.pages.set(contents.id, page);
  }

  deliver(contents: StandInWebContents, channel: string, args: unknown[]): void {
    this.pages.get(contents.id)?.ipcRenderer.deliver(channel, args);
  }

  async unload(contents: StandInWebContents, onPrevent: () => boolean): Promise<boolean> {
    const page = this.pages.get(contents.id);
    if (page?.preventsUnload && !onPrevent()) return false;
    this.pages.delete(contents.id);
    return true;
  }
}

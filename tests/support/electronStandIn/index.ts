import type { BrowserWindowConstructorOptions } from 'electron';
import { StandInApp } from './app.js';
import { admitWindow, StandInBrowserWindow } from './browserWindow.js';
import { HeadlessRenderer } from './headlessRenderer.js';
import { StandInIpcMain } from './ipc.js';
import { menuModule, type StandInMenu } from './menu.js';
import { DialogScript, dialogModule, screenModule, StandInNativeTheme, StandInShell } from './platformModules.js';
import { sessionModule, StandInProtocol, StandInSession } from './protocol.js';
import { StandInRuntime, type RendererHost, type StandInOptions } from './runtime.js';
import type { StandInWebContents } from './webContents.js';

/**
 * A stand-in for the `electron` module, for tests only: the Electron runtime cannot be
 * downloaded on these machines, so the shell's real main.cjs and preload.cjs run in Node
 * against this instead (tests/support/bootShell.ts puts it in place of `require('electron')`).
 *
 * - Typed against Electron's own electron.d.ts: each member has Electron's declared type
 *   (`App['setPath']`, `Protocol['handle']`, …), so a signature that changes in a new
 *   Electron fails the typecheck here rather than drifting.
 * - Records every call the app makes (`log`), with whether the app was ready then.
 * - Enforces the rules Electron enforces or documents (rules.ts lists each with its source):
 *   registerSchemesAsPrivileged, enableSandbox and the single-instance lock only before
 *   ready; protocol.handle, session, BrowserWindow, Menu and screen only after; listeners
 *   only for events Electron emits (eventNames.ts, from electron.d.ts); one ipcMain.handle per
 *   channel; structured-clone IPC; contextBridge only from a preload with context isolation,
 *   in a sandbox where `require` knows only what Electron's does (preloadSandbox.ts).
 * - Plays the OS and Chromium when the test says so: ready, a second instance, open-file,
 *   navigations, window.open, input, beforeunload, native dialogs (scripted answers).
 */
export interface ElectronStandIn {
  /** What `require('electron')` returns in the main process. */
  module: ReturnType<typeof mainModule>;
  runtime: StandInRuntime;
  app: StandInApp;
  protocol: StandInProtocol;
  session: StandInSession;
  ipcMain: StandInIpcMain;
  dialogs: DialogScript;
  shell: StandInShell;
  nativeTheme: StandInNativeTheme;
  renderer: RendererHost;
  /** The application menu the app set (null before it set one). */
  applicationMenu(): StandInMenu | null;
  windows(): StandInBrowserWindow[];
  contents(): StandInWebContents[];
}

export type { StandInOptions, RendererHost } from './runtime.js';

function mainModule(rt: StandInRuntime, parts: Omit<ElectronStandIn, 'module' | 'runtime' | 'renderer' | 'applicationMenu' | 'windows' | 'contents' | 'dialogs'> & { dialogs: DialogScript }) {
  class BrowserWindow extends StandInBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions = {}) {
      const id = admitWindow(rt, options);
      super(rt, options, id);
    }

    static getAllWindows(): StandInBrowserWindow[] {
      rt.log.record('BrowserWindow.getAllWindows', []);
      return [...rt.windows];
    }

    static getFocusedWindow(): StandInBrowserWindow | null {
      rt.log.record('BrowserWindow.getFocusedWindow', []);
      return [...rt.windows].find((w) => w.isFocused()) ?? null;
    }

    static fromWebContents(contents: StandInWebContents): StandInBrowserWindow | null {
      rt.log.record('BrowserWindow.fromWebContents', []);
      return [...rt.windows].find((w) => w.webContents === contents) ?? null;
    }
  }
  return {
    app: parts.app,
    BrowserWindow,
    dialog: dialogModule(rt, parts.dialogs),
    ipcMain: parts.ipcMain,
    Menu: menuModule(rt),
    nativeTheme: parts.nativeTheme,
    protocol: parts.protocol,
    screen: screenModule(rt),
    session: sessionModule(rt, parts.session),
    shell: parts.shell,
  };
}

export function createElectronStandIn(options: StandInOptions): ElectronStandIn {
  const headless = options.renderer ? null : new HeadlessRenderer();
  const renderer = options.renderer ?? headless!;
  const rt = new StandInRuntime(options, renderer);
  const app = new StandInApp(rt);
  rt.setApp(app);
  const protocol = new StandInProtocol(rt);
  const session = new StandInSession(rt, protocol);
  const ipcMain = new StandInIpcMain(rt);
  const dialogs = new DialogScript();
  const shell = new StandInShell(rt);
  const nativeTheme = new StandInNativeTheme(rt);
  renderer.attach?.(rt, ipcMain, protocol);
  const module = mainModule(rt, { app, protocol, session, ipcMain, dialogs, shell, nativeTheme });
  return {
    module,
    runtime: rt,
    app,
    protocol,
    session,
    ipcMain,
    dialogs,
    shell,
    nativeTheme,
    renderer,
    applicationMenu: () => module.Menu.current(),
    windows: () => [...rt.windows],
    contents: () => [...rt.windows].map((w) => w.webContents),
  };
}

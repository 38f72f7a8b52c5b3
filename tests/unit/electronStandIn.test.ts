import { describe, expect, expectTypeOf, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App, IpcMain, Protocol, WebContents } from 'electron';
import { createElectronStandIn, type ElectronStandIn } from '../support/electronStandIn/index.js';
import { ELECTRON_RULES, ruleOf, type RuleId } from '../support/electronStandIn/rules.js';
import { runPreload } from '../support/electronStandIn/preloadSandbox.js';
import { StandInIpcRenderer } from '../support/electronStandIn/ipc.js';
import { eventNamesOf } from '../support/electronStandIn/eventNames.js';
import { acceleratorProblem } from '../support/electronStandIn/menu.js';
import { useTempDirs } from '../support/tempDir.js';
import { writeFile } from 'node:fs/promises';

/**
 * The electron stand-in's own tests: each rule it enforces (rules.ts) refused for a
 * deliberately wrong call, with Electron's own wording, and allowed for the right one.
 */
const tempDir = useTempDirs();
const fresh = (options: { ready?: boolean } = {}): ElectronStandIn => {
  const standIn = createElectronStandIn({ userData: mkdtempSync(path.join(os.tmpdir(), 'briefing-standin-')) });
  if (options.ready) standIn.app.emitReady();
  return standIn;
};

/** Run `wrong` and return the rule it broke (undefined when it did not throw a rule error). */
async function brokenRule(wrong: () => unknown): Promise<{ rule: RuleId | undefined; message: string }> {
  try {
    await wrong();
  } catch (err) {
    // Errors thrown in a page world come from that world's Error, so not `instanceof Error` here.
    return { rule: ruleOf(err), message: err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err) };
  }
  return { rule: undefined, message: '(no error)' };
}

async function preloadFile(source: string): Promise<string> {
  const file = path.join(await tempDir('preload'), 'preload.cjs');
  await writeFile(file, source);
  return file;
}

function sandboxRun(source: string, contextIsolation = true) {
  return async () => {
    const standIn = fresh({ ready: true });
    const ipcRenderer = new StandInIpcRenderer(standIn.runtime, standIn.ipcMain, () => ({ contents: null as never, frame: { url: 'app://briefing/' } as never }));
    const run = runPreload({ file: await preloadFile(source), contextIsolation, ipcRenderer, log: standIn.runtime.log });
    if (run.errors.length) throw run.errors[0];
    return run;
  };
}

/** One deliberately wrong call per rule; the test below checks every rule has one. */
const WRONG_CALLS: Record<RuleId, () => unknown> = {
  'schemes-before-ready': () => fresh({ ready: true }).module.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]),
  'schemes-once': () => {
    const { module } = fresh();
    module.protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    module.protocol.registerSchemesAsPrivileged([{ scheme: 'other' }]);
  },
  'session-after-ready': () => fresh().module.protocol.handle('app', () => new Response('x')),
  'protocol-handled-once': () => {
    const { module } = fresh({ ready: true });
    module.protocol.handle('app', () => new Response('a'));
    module.protocol.handle('app', () => new Response('b'));
  },
  'protocol-response': async () => {
    const standIn = fresh({ ready: true });
    standIn.module.protocol.handle('app', (() => ({ status: 200, body: 'not a Response' })) as never);
    await standIn.protocol.fetch('app://briefing/index.html');
  },
  'window-after-ready': () => new (fresh().module.BrowserWindow)({}),
  'menu-after-ready': () => fresh().module.Menu.buildFromTemplate([{ label: 'File' }]),
  'screen-after-ready': () => fresh().module.screen.getAllDisplays(),
  'sandbox-before-ready': () => fresh({ ready: true }).module.app.enableSandbox(),
  'single-instance-before-ready': () => fresh({ ready: true }).module.app.requestSingleInstanceLock(),
  'user-data-before-lock': () => {
    const { module } = fresh();
    module.app.requestSingleInstanceLock();
    module.app.setPath('userData', os.tmpdir());
  },
  'set-path-absolute': () => fresh().module.app.setPath('userData', 'relative/profile'),
  'set-path-exists': () => fresh().module.app.setPath('userData', path.join(os.tmpdir(), 'briefing-no-such-folder-', String(Date.now()))),
  'known-event': () => fresh().module.app.on('second_instance', () => undefined),
  'destroyed-object': () => {
    const { module } = fresh({ ready: true });
    const win = new module.BrowserWindow({});
    win.destroy();
    win.show();
  },
  'context-isolation': sandboxRun("require('electron').contextBridge.exposeInMainWorld('api', {});", false),
  'bridge-key-free': sandboxRun("const { contextBridge } = require('electron'); contextBridge.exposeInMainWorld('console', {});"),
  'bridge-depth': async () => {
    const run = await sandboxRun("require('electron').contextBridge.exposeInMainWorld('api', { take: (x) => x });")();
    const { default: vm } = await import('node:vm');
    vm.runInContext('let a = {}; const root = a; for (let i = 0; i < 1500; i++) { a.x = {}; a = a.x; } window.api.take(root);', run.mainWorld);
  },
  'preload-require': sandboxRun("require('fs');"),
  'ipc-handle-once': () => {
    const { module } = fresh();
    module.ipcMain.handle('briefing:getAppInfo', () => 1);
    module.ipcMain.handle('briefing:getAppInfo', () => 2);
  },
  'ipc-handler-function': () => fresh().module.ipcMain.handle('briefing:x', 'not a function' as never),
  'ipc-no-handler': async () => {
    const run = await sandboxRun("const { contextBridge, ipcRenderer } = require('electron'); contextBridge.exposeInMainWorld('api', { call: () => ipcRenderer.invoke('briefing:nobody') });")();
    const { default: vm } = await import('node:vm');
    await vm.runInContext('window.api.call()', run.mainWorld);
  },
  'ipc-clone': () => {
    const { module } = fresh({ ready: true });
    new module.BrowserWindow({}).webContents.send('briefing-event:menuCommand', { command: 'new', callback: () => 1 });
  },
};

describe('the electron stand-in enforces each rule, with Electron’s wording', () => {
  it('has a deliberately wrong call for every rule it lists', () => {
    expect(Object.keys(WRONG_CALLS).sort()).toEqual(Object.keys(ELECTRON_RULES).sort());
    for (const rule of Object.values(ELECTRON_RULES)) expect(rule.where.length).toBeGreaterThan(20);
  });

  for (const [rule, wrong] of Object.entries(WRONG_CALLS) as Array<[RuleId, () => unknown]>) {
    it(`${rule}: ${ELECTRON_RULES[rule].message}`, async () => {
      const outcome = await brokenRule(wrong);
      // ipc-no-handler reaches the page as the rejection Electron's ipcRenderer.invoke gives.
      if (rule === 'ipc-no-handler') expect(outcome.message).toBe("Error invoking remote method 'briefing:nobody': Error: No handler registered for 'briefing:nobody'");
      else if (rule === 'bridge-depth') expect(outcome.message).toBe(ELECTRON_RULES[rule].message);
      else expect(outcome.rule, outcome.message).toBe(rule);
    });
  }

  it('allows the same calls made at the right time', async () => {
    const standIn = fresh();
    const { module } = standIn;
    module.app.setPath('userData', os.tmpdir());
    module.app.enableSandbox();
    module.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(module.app.requestSingleInstanceLock()).toBe(true);
    module.app.on('second-instance', () => undefined);
    standIn.app.emitReady();
    await module.app.whenReady();
    module.protocol.handle('app', () => new Response('page', { headers: { 'content-type': 'text/html' } }));
    module.Menu.setApplicationMenu(module.Menu.buildFromTemplate([{ label: 'File', submenu: [{ role: 'quit' }] }]));
    expect(module.screen.getAllDisplays()).toHaveLength(1);
    expect(module.session.defaultSession).toBe(standIn.session);
    const win = new module.BrowserWindow({ webPreferences: { sandbox: true, contextIsolation: true } });
    win.webContents.on('will-frame-navigate', () => undefined);
    await win.loadURL('app://briefing/index.html');
    expect(win.webContents.loadState).toBe('loaded');
    expect(await (await standIn.protocol.fetch('app://briefing/')).text()).toBe('page');
    expect(module.Menu.getApplicationMenu()!.items[0]!.submenu!.items[0]!.role).toBe('quit');
  });

  it('emits navigation events as Electron does: details first, will-frame-navigate before will-navigate, which a prevention skips', () => {
    const { module } = fresh({ ready: true });
    const contents = new module.BrowserWindow({}).webContents;
    const seen: unknown[][] = [];
    contents.on('will-frame-navigate', (details: { url: string; isMainFrame: boolean; preventDefault(): void }, ...rest: unknown[]) => {
      seen.push(['frame', details.url, details.isMainFrame, ...rest.slice(0, 3)]);
      if (details.url.includes('block')) details.preventDefault();
    });
    contents.on('will-navigate', (details: { url: string }) => seen.push(['main', details.url]));
    expect(contents.navigate('app://briefing/ok')).toBe('allowed');
    expect(contents.navigate('https://block.example/')).toBe('prevented');
    expect(contents.navigate('app://briefing/sub', { isMainFrame: false })).toBe('allowed');
    expect(seen).toEqual([
      ['frame', 'app://briefing/ok', true, 'app://briefing/ok', false, true],
      ['main', 'app://briefing/ok'],
      ['frame', 'https://block.example/', true, 'https://block.example/', false, true],
      ['frame', 'app://briefing/sub', false, 'app://briefing/sub', false, false],
    ]);
  });

  it('knows each object’s events from electron.d.ts', () => {
    for (const event of ['ready', 'second-instance', 'open-file', 'web-contents-created', 'window-all-closed', 'before-quit', 'will-quit', 'quit', 'activate']) expect(eventNamesOf('App').has(event), event).toBe(true);
    for (const event of ['will-frame-navigate', 'will-navigate', 'will-redirect', 'will-attach-webview', 'will-prevent-unload', 'input-event', 'did-finish-load']) expect(eventNamesOf('WebContents').has(event), event).toBe(true);
    for (const event of ['close', 'closed', 'ready-to-show']) expect(eventNamesOf('BrowserWindow').has(event), event).toBe(true);
    expect(eventNamesOf('WebContents').has('new-window')).toBe(false); // removed in Electron 22
  });

  it('checks accelerators against Electron’s grammar', () => {
    for (const ok of ['CmdOrCtrl+S', 'CmdOrCtrl+Shift+N', 'Alt+F4', 'F11', 'CommandOrControl+Plus', 'Ctrl+/', 'Shift+Escape']) expect(acceleratorProblem(ok), ok).toBeNull();
    for (const bad of ['Ctrl+Shift', 'CmdOrCtl+S', 'Ctrl+Ctrl+S', 'Ctrl+F25', 'Ctrl+Enterr']) expect(acceleratorProblem(bad), bad).not.toBeNull();
  });

  it('is typed with Electron’s own declarations (a signature change in electron.d.ts fails the typecheck)', () => {
    const { module } = fresh();
    expectTypeOf(module.app.setPath).toEqualTypeOf<App['setPath']>();
    expectTypeOf(module.app.requestSingleInstanceLock).toEqualTypeOf<App['requestSingleInstanceLock']>();
    expectTypeOf(module.protocol.handle).toEqualTypeOf<Protocol['handle']>();
    expectTypeOf(module.protocol.registerSchemesAsPrivileged).toEqualTypeOf<Protocol['registerSchemesAsPrivileged']>();
    expectTypeOf(module.ipcMain.handle).toEqualTypeOf<IpcMain['handle']>();
    expectTypeOf<ElectronStandIn['contents']>().returns.items.toHaveProperty('setWindowOpenHandler').toEqualTypeOf<WebContents['setWindowOpenHandler']>();
    // @ts-expect-error: Electron's setPath takes (name, path) strings
    expect(() => module.app.setPath(42)).toThrow();
  });
});

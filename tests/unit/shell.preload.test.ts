import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import vm from 'node:vm';
import { HOST_EVENT_NAMES, METHOD_NAMES } from '../../shared/api/contract.js';
import { eventChannel, ipcChannel } from '../../electron/shell/ipcChannel.js';
import { APP_START_URL } from '../../electron/shell/window.js';
import { bootShell, PRELOAD_BUNDLE, type BootedShell } from '../support/bootShell.js';
import { newPageWorld, runPreload } from '../support/electronStandIn/preloadSandbox.js';
import { createElectronStandIn } from '../support/electronStandIn/index.js';
import { StandInIpcMain, StandInIpcRenderer } from '../support/electronStandIn/ipc.js';
import { shellFolders, type ShellFolders } from '../support/shellWorkspace.js';
import type { HeadlessPage } from '../support/electronStandIn/headlessRenderer.js';

/**
 * The built preload (dist/electron/preload.cjs) evaluated the way Electron evaluates a
 * sandboxed preload with context isolation (tests/support/electronStandIn/preloadSandbox.ts),
 * in a window of the booted main process: what the page gets on `window`, and every call
 * crossing to main's real ipcMain handlers and back.
 */
type Envelope = { ok: true; result: any } | { ok: false; error: { code: string; message: string } };

let folders: ShellFolders;
let shell: BootedShell;
let page: HeadlessPage;
beforeEach(async () => {
  folders = await shellFolders();
  shell = await bootShell({ userData: folders.userData, paths: { documents: folders.root } });
  page = await shell.page();
});
afterEach(async () => {
  await shell.dispose();
  await folders.remove();
});

const call = (method: string, args: unknown) => page.evaluate<Promise<Envelope>>(`window.briefing[${JSON.stringify(method)}](${JSON.stringify(args)})`);

describe('the preload, evaluated in a sandbox like Electron’s', () => {
  it('exposes exactly the contract table and the events table, and nothing else reaches the page', () => {
    const before = vm.runInContext('Object.getOwnPropertyNames(globalThis)', newPageWorld()) as string[];
    const after = page.evaluate<string[]>('Object.getOwnPropertyNames(globalThis)');
    expect(after.filter((name) => !before.includes(name)).sort()).toEqual(['briefing', 'briefingEvents']);
    expect(Object.keys(page.window.briefing).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(page.window.briefingEvents).sort()).toEqual([...HOST_EVENT_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof page.window.briefing[name], name).toBe('function');
    expect(page.evaluate('Object.isFrozen(window.briefing) && Object.isFrozen(window.briefingEvents)')).toBe(true);
    expect(page.evaluate('[typeof require, typeof process, typeof ipcRenderer, typeof Buffer, typeof module]')).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    // The exposed functions belong to the page's own world: no way back to the preload's objects.
    expect(page.evaluate('Object.getPrototypeOf(window.briefing.listPacks) === Function.prototype')).toBe(true);
    expect(page.preload!.required).toEqual(['electron']);
    expect(page.preload!.errors).toEqual([]);
  });

  it('every contract method crosses to main’s handler and comes back as main’s envelope', async () => {
    for (const method of METHOD_NAMES) {
      const envelope = await call(method, {});
      expect(typeof envelope.ok, method).toBe('boolean');
      expect(Object.keys(envelope).sort(), method).toEqual(envelope.ok ? ['ok', 'result'] : ['error', 'ok']);
    }
    const info = await call('getAppInfo', {});
    expect(info).toMatchObject({ ok: true, result: { host: 'electron', workspaceDir: folders.workspace, dataDir: folders.userData } });
    // The answer is a copy made in the page's world, like contextBridge's.
    page.window.answer = info;
    expect(page.evaluate('Object.getPrototypeOf(answer) === Object.prototype')).toBe(true);
  });

  it('creates, lists and opens a pack through main (real files in the temp workspace)', async () => {
    const created = await call('createPack', { title: 'Connectivity: the Sefton angle' });
    expect(created.ok).toBe(true);
    const listed = await call('listPacks', {});
    expect(listed.ok && listed.result.entries.map((p: { title: string }) => p.title)).toEqual(['Connectivity: the Sefton angle']);
    const file = listed.ok && listed.result.entries[0].file;
    const opened = await call('openPack', { file });
    expect(opened).toMatchObject({ ok: true, result: { pack: { frontSheet: { title: 'Connectivity: the Sefton angle' } } } });
  });

  it('returns main’s error envelope for bad arguments and for failures, never a rejection', async () => {
    expect(await call('openPack', { file: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call('openPack', { file: 'Not there.briefing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('openPack', { file: '../outside.briefing' })).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    const nested = (levels: number) => `(() => { let a = {}; const root = a; for (let i = 0; i < ${levels}; i++) { a.x = {}; a = a.x; } return window.briefing.updateSettings(root); })()`;
    // Main's own limit (256 levels) answers with an envelope...
    expect(await page.evaluate<Promise<Envelope>>(nested(900))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('nested too deeply') } });
    // ...and past 1000 levels Electron's bridge itself throws in the page, before IPC.
    expect(() => page.evaluate(nested(5000))).toThrow('Electron contextBridge recursion depth exceeded');
  });

  it('main refuses calls from a subframe, from a page that is not the app, and from a window main did not make', async () => {
    const fromFrame = (await page.invokeFromSubframe(ipcChannel('getAppInfo'), {})) as Envelope;
    expect(fromFrame).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringContaining('embedded frames') } });
    const fromElsewhere = (await page.invokeFromSubframe(ipcChannel('getAppInfo'), {}, 'https://evil.example/')) as Envelope;
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    const contents = (await shell.window()).webContents;
    contents.mainFrame.url = 'https://evil.example/phish'; // the page navigated away (main would normally prevent it)
    expect(await call('getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringContaining('outside Briefing Studio') } });
    contents.mainFrame.url = APP_START_URL;
    expect(await call('getAppInfo', {})).toMatchObject({ ok: true });
    // A window the app did not create (say, a popup that slipped through) gets nothing.
    const stray = new shell.standIn.module.BrowserWindow(shell.standIn.windows()[0]!.options);
    await stray.loadURL(APP_START_URL);
    const strayPage = await shell.page(stray);
    const answer = await strayPage.evaluate<Promise<Envelope>>('window.briefing.getAppInfo({})');
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringContaining('unknown windows') } });
  });

  it('events: delivered to every subscriber with only the payload; kept until someone subscribes; bad payloads dropped', async () => {
    const contents = (await shell.window()).webContents;
    contents.send(eventChannel('menuCommand'), { command: 'save' }); // before anyone subscribed
    contents.send(eventChannel('menuCommand'), { command: 'format-disk' }); // not in the contract
    contents.send(eventChannel('menuCommand'), { command: 'open', file: '/x/a.briefing', extra: true });
    page.evaluate('globalThis.seen = []; window.briefingEvents.menuCommand((...args) => seen.push(args)); window.briefingEvents.menuCommand((p) => seen.push(["second", p]));');
    await vi.waitFor(() => expect(page.window.seen).toHaveLength(2));
    contents.send(eventChannel('menuCommand'), { command: 'close' });
    expect(page.window.seen).toEqual([[{ command: 'save' }], ['second', { command: 'save' }], [{ command: 'close' }], ['second', { command: 'close' }]]);
    // The unsubscribe function works, and a non-function listener is ignored.
    page.evaluate('globalThis.off = window.briefingEvents.menuCommand(() => seen.push("late")); off(); window.briefingEvents.menuCommand(42);');
    contents.send(eventChannel('menuCommand'), { command: 'new' });
    expect(page.window.seen.filter((s: unknown) => s === 'late')).toEqual([]);
  });
});

describe('the preload without context isolation', () => {
  it('is refused by contextBridge with Electron’s error, so the page gets nothing', () => {
    const standIn = createElectronStandIn({ userData: folders.userData });
    const ipcMain = new StandInIpcMain(standIn.runtime);
    const run = runPreload({ file: PRELOAD_BUNDLE, contextIsolation: false, ipcRenderer: new StandInIpcRenderer(standIn.runtime, ipcMain, () => ({ contents: null as never, frame: null as never })), log: standIn.runtime.log });
    expect(run.errors.map((e) => (e as Error).message)).toEqual(['contextBridge API can only be used when contextIsolation is enabled']);
    expect(run.exposed).toEqual([]);
    expect(path.basename(PRELOAD_BUNDLE)).toBe('preload.cjs');
  });
});

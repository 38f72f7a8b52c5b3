import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { METHOD_NAMES } from '../../shared/api/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/contentSecurityPolicy.js';
import { ipcChannel, eventChannel } from '../../electron/shell/ipcChannel.js';
import { APP_START_URL, secureWindowOptions } from '../../electron/shell/window.js';
import { bootShell, PRELOAD_BUNDLE, type BootedShell } from '../support/bootShell.js';
import { wiringProblems } from '../support/shellChecks.js';
import { shellFolders, type ShellFolders } from '../support/shellWorkspace.js';

/**
 * The built Electron main process (dist/electron/main.cjs) booted in Node against the
 * electron stand-in and a temp workspace: the wiring that only a real launch used to run.
 * `npm run test:unit` builds nothing; `npm test` builds dist first (tests/unit/globalSetup).
 */
let folders: ShellFolders;
const shells: BootedShell[] = [];
beforeEach(async () => {
  folders = await shellFolders();
});
afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.dispose();
  await folders.remove();
});

async function boot(options: Partial<Parameters<typeof bootShell>[0]> = {}): Promise<BootedShell> {
  const shell = await bootShell({ userData: folders.userData, paths: { documents: folders.root }, ...options });
  shells.push(shell);
  return shell;
}

/** Subscribe in the page to menu commands (as the renderer does) and collect them. */
function collectMenuCommands(page: Awaited<ReturnType<BootedShell['page']>>): unknown[] {
  page.evaluate('globalThis.received = []; window.briefingEvents.menuCommand((payload) => received.push(payload));');
  return page.window.received as unknown[];
}

describe('booting dist/electron/main.cjs against the electron stand-in', () => {
  it('is wired completely: handlers, scheme, window, preload, menu, permissions (checked against the contract)', async () => {
    const shell = await boot();
    await shell.window();
    expect(await wiringProblems(shell)).toEqual([]);
    expect(shell.standIn.ipcMain.channels().sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
  });

  it('makes each Electron call in the order Electron requires', async () => {
    const shell = await boot();
    await shell.window();
    const log = shell.standIn.runtime.log;
    const at = (api: string) => log.first(api)!;
    for (const api of ['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']) expect(at(api).afterReady, api).toBe(false);
    for (const api of ['protocol.handle', 'Menu.buildFromTemplate', 'Menu.setApplicationMenu', 'BrowserWindow.constructor', 'session.defaultSession', 'screen.getAllDisplays']) {
      expect(at(api).afterReady, api).toBe(true);
    }
    // The renderer is served and every handler registered before the window loads the page.
    expect(at('protocol.handle').seq).toBeLessThan(at('webContents.loadURL').seq);
    expect(log.of('ipcMain.handle').at(-1)!.seq).toBeLessThan(at('webContents.loadURL').seq);
    expect(at('webContents.loadURL').args[0]).toBe(APP_START_URL);
  });

  it('creates the window with the secure options and the built preload', async () => {
    const shell = await boot();
    const win = await shell.window();
    const expected = secureWindowOptions(PRELOAD_BUNDLE, { devTools: true }).webPreferences;
    expect(win.options.webPreferences).toEqual(expected);
    expect(win.options.show).toBe(false);
    expect(win.isVisible()).toBe(true); // shown on 'ready-to-show', never before the page painted
  });

  it('serves the built renderer through app:// with real Request and Response objects, confined to it', async () => {
    const shell = await boot();
    await shell.window();
    const get = (url: string) => shell.standIn.protocol.fetch(url);
    const page = await get('app://briefing/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    const script = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await get(`app://briefing/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    // A route of the app (a reload at a pack) gets the page; nothing outside dist/renderer is served.
    expect((await get('app://briefing/library')).status).toBe(200);
    expect(existsSync('package.json')).toBe(true);
    for (const url of ['app://briefing/%2e%2e/%2e%2e/package.json', 'app://briefing/..%2f..%2fpackage.json', 'app://briefing/assets/%2e%2e%5c%2e%2e%5cpackage.json', 'app://other/index.html', 'app://briefing/%00']) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text(), url).not.toContain('briefing-studio');
    }
  });

  it('builds the native menu with its accelerators; a menu click reaches the page', async () => {
    const shell = await boot();
    const page = await shell.page();
    const menu = shell.standIn.applicationMenu()!;
    const file = menu.items.find((item) => item.label === '&File')!;
    const accelerators = Object.fromEntries(file.submenu!.items.filter((i) => i.id).map((i) => [i.id, i.accelerator ?? null]));
    expect(accelerators).toMatchObject({ new: 'CmdOrCtrl+N', open: 'CmdOrCtrl+O', save: 'CmdOrCtrl+S', saveAs: 'CmdOrCtrl+Shift+S', exportWord: 'CmdOrCtrl+E', close: 'CmdOrCtrl+W' });
    expect(menu.items.map((i) => i.label.replace('&', ''))).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
    const received = collectMenuCommands(page);
    menu.getMenuItemById('save')!.click();
    menu.getMenuItemById('exportWord')!.click();
    await vi.waitFor(() => expect(received).toEqual([{ command: 'save' }, { command: 'exportWord' }]));
  });

  it('a second instance focuses the window and hands over its pack, which opens, is granted and becomes recent', async () => {
    const shell = await boot();
    const win = await shell.window();
    const page = await shell.page(win);
    const received = collectMenuCommands(page);
    const file = await folders.pack('Handed over');
    win.minimize();
    shell.standIn.app.emitSecondInstance(['/opt/briefing/briefing-studio', '--some-chromium-switch', path.basename(file)], folders.elsewhere);
    expect(win.isMinimized()).toBe(false);
    expect(win.isFocused()).toBe(true);
    // main grants it, records it as recent, rebuilds the menu, then tells the page.
    await vi.waitFor(() => expect(received).toEqual([{ command: 'open', file }]));
    // The page may open it although it is outside the workspace: the OS handed it over.
    const opened = await page.evaluate<Promise<{ ok: boolean; result?: { pack: { frontSheet: { title: string } } } }>>(`window.briefing.openPack({ file: ${JSON.stringify(file)} })`);
    expect(opened.ok).toBe(true);
    expect(opened.result!.pack.frontSheet.title).toBe('Handed over');
    expect(shell.standIn.app.recentDocuments).toEqual([file]);
    expect(JSON.parse(await readFile(path.join(folders.userData, 'recent.json'), 'utf8'))).toEqual([file]);
    const recent = shell.standIn.applicationMenu()!.getMenuItemById('recent')!.submenu!.items.map((i) => i.label);
    expect(recent[0]).toBe('&1 Handed over.briefing');
    // A file nobody handed over stays out of reach.
    const other = await folders.pack('Never handed over');
    const refused = await page.evaluate<Promise<{ ok: boolean; error?: { code: string } }>>(`window.briefing.openPack({ file: ${JSON.stringify(other)} })`);
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
  });

  it("an 'open-file' before ready, and the packs on the command line, wait for the page and then open", async () => {
    const early = await folders.pack('Opened from Finder');
    const onArgv = await folders.pack('On the command line');
    let prevented: boolean | undefined;
    const shell = await boot({ files: [onArgv], beforeReady: (standIn) => (prevented = standIn.app.emitOpenFile(early).prevented) });
    expect(prevented).toBe(true); // main handles it itself (Electron's docs: call preventDefault)
    const page = await shell.page();
    const received = collectMenuCommands(page); // subscribes after they arrived: the preload kept them
    await vi.waitFor(() =>
      expect(received).toEqual([
        { command: 'open', file: onArgv },
        { command: 'open', file: early },
      ]),
    );
  });

  it('a template handed over by the OS opens as "new pack from this template"', async () => {
    const shell = await boot();
    const page = await shell.page();
    const received = collectMenuCommands(page);
    const template = path.join(folders.elsewhere, 'Cabinet.briefing-template');
    shell.standIn.app.emitOpenFile(template);
    await vi.waitFor(() => expect(received).toEqual([{ command: 'newFromTemplate', templateFile: template }]));
  });

  it('quits cleanly; with unsaved work it asks first, and "Keep Editing" keeps the window and the app', async () => {
    const shell = await boot();
    const win = await shell.window();
    const page = await shell.page(win);
    page.preventsUnload = true; // the renderer's beforeunload: edits not yet on disk
    shell.standIn.dialogs.answerMessageBox(0); // Keep Editing
    shell.standIn.app.quit();
    await shell.standIn.app.settled();
    expect(shell.standIn.app.state).toBe('running');
    expect(win.isDestroyed()).toBe(false);
    const asked = shell.standIn.dialogs.shown.filter((d) => d.kind === 'messageBox');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ withWindow: true, options: { title: 'Unsaved changes', buttons: ['Keep Editing', 'Close Without Saving'], cancelId: 0 } });

    shell.standIn.dialogs.answerMessageBox(1); // Close Without Saving
    shell.standIn.app.quit();
    await shell.standIn.app.settled();
    expect(shell.standIn.app.state).toBe('quit');
    expect(win.isDestroyed()).toBe(true);
    expect(shell.standIn.windows()).toEqual([]);
    expect(JSON.parse(await readFile(path.join(folders.userData, 'window-state.json'), 'utf8'))).toMatchObject({ width: 1280, height: 860, maximized: false });
    expect(await wiringProblems(shell)).toEqual(['0 windows open (expected 1)']);
  });

  it('closing the last window quits the app on Windows and Linux (no dialog when everything is saved)', async () => {
    const shell = await boot();
    const win = await shell.window();
    win.close();
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
    await shell.standIn.app.settled();
    expect(shell.standIn.dialogs.shown).toEqual([]);
    expect(shell.standIn.app.state).toBe(process.platform === 'darwin' ? 'running' : 'quit');
  });

  it('without the single-instance lock it hands over and quits at once: no window, no protocol, no handlers', async () => {
    const shell = await boot({ singleInstanceLock: false });
    await shell.settle();
    await shell.standIn.app.settled();
    expect(shell.standIn.app.state).toBe('quit');
    expect(shell.standIn.windows()).toEqual([]);
    expect(shell.standIn.runtime.log.of('protocol.handle')).toEqual([]);
    expect(shell.standIn.ipcMain.channels()).toEqual([]);
  });

  it('BRIEFING_USER_DATA_DIR moves the profile of a development build, and is refused by an installed one', async () => {
    const profile = path.join(folders.root, 'dev-profile');
    const dev = await boot({ env: { BRIEFING_USER_DATA_DIR: profile } });
    expect(dev.standIn.runtime.log.of('app.setPath').map((c) => c.args)).toEqual([['userData', profile]]);
    expect(dev.standIn.runtime.log.first('app.setPath')!.seq).toBeLessThan(dev.standIn.runtime.log.first('app.requestSingleInstanceLock')!.seq);
    expect(existsSync(profile)).toBe(true);

    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const packaged = await boot({ isPackaged: true, env: { BRIEFING_USER_DATA_DIR: path.join(folders.root, 'elsewhere-profile') } });
      expect(packaged.standIn.runtime.log.of('app.setPath')).toEqual([]);
      await packaged.window();
      const info = await (await packaged.page()).evaluate<Promise<{ result: { dataDir: string } }>>('window.briefing.getAppInfo({})');
      expect(info.result.dataDir).toBe(folders.userData);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).toMatch(/ignored BRIEFING_USER_DATA_DIR[\s\S]*--user-data-dir/);
  });

  it('links: in-app navigation allowed; a safe link goes to the system browser only after a click; permissions denied', async () => {
    const shell = await boot();
    const contents = (await shell.window()).webContents;
    expect(contents.navigate('app://briefing/index.html?pack=x.briefing')).toBe('allowed');
    expect(contents.navigate('https://www.gov.uk/levelling-up')).toBe('prevented');
    expect(shell.standIn.shell.opened).toEqual([]);
    contents.input('mouseDown');
    expect(contents.navigate('https://www.gov.uk/levelling-up')).toBe('prevented');
    contents.input('rawKeyDown');
    expect(contents.openWindow('mailto:democratic.services@sefton.gov.uk')).toEqual({ action: 'deny' });
    expect(shell.standIn.shell.opened).toEqual(['https://www.gov.uk/levelling-up', 'mailto:democratic.services@sefton.gov.uk']);
    expect(contents.attachWebview('https://evil.example/')).toBe(true);
    let granted: boolean | undefined;
    shell.standIn.session.permissionRequest!(contents as never, 'media', (answer) => (granted = answer), {} as never);
    expect(granted).toBe(false);
  });

  it('a menu command is sent to the page on the contract’s event channel, structured-cloned', async () => {
    const shell = await boot();
    const win = await shell.window();
    shell.standIn.applicationMenu()!.getMenuItemById('new')!.click();
    expect(win.webContents.sent).toEqual([{ channel: eventChannel('menuCommand'), args: [{ command: 'new' }] }]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../electron/shell/menu.js';
import { fitToDisplays, loadWindowState, saveWindowState, saveWindowStateSync, WINDOW_STATE_FILE } from '../../electron/shell/windowState.js';
import { RecentDocuments, MAX_RECENT } from '../../electron/shell/recentDocuments.js';
import { filesFromArgv } from '../../electron/shell/launchArgs.js';
import { hostEvents, MENU_COMMANDS } from '../../shared/api/contract.js';

/** Desktop conventions: the menu, remembered window bounds, recent documents, file arguments. */
function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (name) => calls.push(`command:${name}`),
    open: () => calls.push('open'),
    openRecent: (file) => calls.push(`recent:${file}`),
    clearRecent: () => calls.push('clearRecent'),
  };
  return { calls, actions };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item!.click as () => void)();
}

describe('application menu', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    it(`has File, Edit, View and Help with the usual items on ${platform}`, () => {
      const { calls, actions } = recorder();
      const template = buildMenuTemplate({ platform, appName: 'Briefing Studio', recent: [], actions });
      const labels = template.map((m) => (m.label ?? m.role ?? '').replace('&', ''));
      expect(labels).toEqual(platform === 'darwin' ? ['Briefing Studio', 'File', 'Edit', 'View', 'windowMenu', 'Help'] : ['File', 'Edit', 'View', 'Help']);
      const file = submenu(template.find((m) => m.label === '&File'));
      const byId = (id: string) => file.find((i) => i.id === id);
      const expected: Array<[string, string | undefined]> = [
        ['new', 'CmdOrCtrl+N'],
        ['newFromTemplate', 'CmdOrCtrl+Shift+N'],
        ['open', 'CmdOrCtrl+O'],
        ['recent', undefined],
        ['save', 'CmdOrCtrl+S'],
        ['saveAs', 'CmdOrCtrl+Shift+S'],
        ['exportWord', 'CmdOrCtrl+E'],
        ['exportPdf', undefined],
        ['print', 'CmdOrCtrl+P'],
        ['close', 'CmdOrCtrl+W'],
      ];
      for (const [id, accelerator] of expected) expect(byId(id)?.accelerator, id).toBe(accelerator);
      for (const id of ['new', 'newFromTemplate', 'save', 'saveAs', 'exportWord', 'exportPdf', 'print', 'close']) click(byId(id));
      click(byId('open'));
      expect(calls).toEqual(['command:new', 'command:newFromTemplate', 'command:save', 'command:saveAs', 'command:exportWord', 'command:exportPdf', 'command:print', 'command:close', 'open']);
      // Quit lives in the app menu on macOS and at the end of File elsewhere.
      const quitInFile = file.some((i) => i.role === 'quit');
      expect(quitInFile).toBe(platform !== 'darwin');
      const edit = submenu(template.find((m) => m.label === '&Edit')).map((i) => i.role).filter(Boolean);
      expect(edit).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
      const editItems = submenu(template.find((m) => m.label === '&Edit'));
      expect(editItems.filter((i) => i.id).map((i) => [i.id, i.accelerator])).toEqual([
        ['find', 'CmdOrCtrl+F'],
        ['replace', platform === 'darwin' ? 'Cmd+Alt+F' : 'Ctrl+H'],
      ]);
      // The writing area's zoom (the page's), not the window's: View sends it to the page.
      const viewItems = submenu(template.find((m) => m.label === '&View'));
      expect(viewItems.filter((i) => i.id).map((i) => [i.id, i.accelerator])).toEqual([
        ['zoomReset', 'CmdOrCtrl+0'],
        ['zoomIn', 'CmdOrCtrl+='],
        ['zoomOut', 'CmdOrCtrl+-'],
      ]);
      for (const item of [...editItems, ...viewItems]) if (item.id) click(item);
      expect(calls.slice(-5)).toEqual(['command:find', 'command:replace', 'command:zoomReset', 'command:zoomIn', 'command:zoomOut']);
      const view = viewItems.map((i) => i.role).filter(Boolean);
      expect(view).not.toContain('resetZoom');
      expect(view).not.toContain('toggleDevTools');
      expect(submenu(template.find((m) => m.label === '&Help')).map((i) => i.role)).toContain('about');
    });
  }

  it('every command the menu sends is in the contract’s event table', () => {
    const { calls, actions } = recorder();
    const file = submenu(buildMenuTemplate({ platform: 'linux', appName: 'B', recent: [], actions })[0]);
    for (const item of file) if (item.id && item.id !== 'open' && item.click) click(item);
    for (const call of calls) {
      const command = call.replace('command:', '');
      expect(MENU_COMMANDS).toContain(command);
      expect(hostEvents.menuCommand.safeParse({ command }).success).toBe(true);
    }
    expect(hostEvents.menuCommand.safeParse({ command: 'format-disk' }).success).toBe(false);
    expect(hostEvents.menuCommand.safeParse({ command: 'open', file: '/x/y.briefing', extra: 1 }).success).toBe(false);
  });

  it('lists recent packs, escaping & and opening the chosen file', () => {
    const { calls, actions } = recorder();
    const recent = ['/home/a/Budget & Cuts.briefing', '/home/a/Libraries.briefing'];
    const file = submenu(buildMenuTemplate({ platform: 'linux', appName: 'B', recent, actions })[0]);
    const items = submenu(file.find((i) => i.id === 'recent'));
    expect(items[0]!.label).toBe('&1 Budget && Cuts.briefing');
    click(items[1]);
    click(items.find((i) => i.label === 'Clear Recent'));
    expect(calls).toEqual(['recent:/home/a/Libraries.briefing', 'clearRecent']);
    const empty = submenu(submenu(buildMenuTemplate({ platform: 'linux', appName: 'B', recent: [], actions })[0]).find((i) => i.id === 'recent'));
    expect(empty).toEqual([{ label: 'No recent packs', enabled: false }]);
  });

  it('shows reload and developer tools only in development builds', () => {
    const { actions } = recorder();
    const view = submenu(buildMenuTemplate({ platform: 'linux', appName: 'B', recent: [], actions, devTools: true })[2]).map((i) => i.role);
    expect(view).toContain('toggleDevTools');
  });
});

describe('window state', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-winstate-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('round-trips size, position and maximised state', async () => {
    await saveWindowState(dir, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
    saveWindowStateSync(dir, { x: 5, y: 6, width: 800, height: 600, maximized: false });
    expect(await loadWindowState(dir)).toEqual({ x: 5, y: 6, width: 800, height: 600, maximized: false });
    saveWindowStateSync(dir, { x: 5, y: 6, width: 1, height: 1, maximized: false }); // invalid: ignored
    expect(await loadWindowState(dir)).toEqual({ x: 5, y: 6, width: 800, height: 600, maximized: false });
  });

  it('falls back to defaults for a missing or damaged file', async () => {
    expect(await loadWindowState(dir)).toMatchObject({ width: 1280, height: 860, maximized: false });
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"width": "huge"');
    expect(await loadWindowState(dir)).toMatchObject({ width: 1280, height: 860 });
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"width": 10, "height": 10}');
    expect(await loadWindowState(dir)).toMatchObject({ width: 1280, height: 860 });
  });

  it('keeps the window on a display that is still attached', () => {
    const laptop = { x: 0, y: 0, width: 1440, height: 900 };
    const external = { x: 1440, y: 0, width: 2560, height: 1440 };
    const onExternal = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(fitToDisplays(onExternal, [laptop, external])).toEqual(onExternal);
    // external monitor unplugged: position dropped (OS centres it), size shrunk to fit
    expect(fitToDisplays(onExternal, [laptop])).toEqual({ width: 1440, height: 900, maximized: false });
    // title bar just off the top edge
    expect(fitToDisplays({ x: 10, y: -200, width: 800, height: 600, maximized: false }, [laptop]).x).toBeUndefined();
  });
});

describe('recent documents', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-recent-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('keeps the newest first, without duplicates, at most ten, across restarts', async () => {
    const recent = new RecentDocuments(dir);
    for (let i = 0; i < 12; i++) await recent.add(`/packs/p${i}.briefing`);
    await recent.add('/packs/p5.briefing');
    const again = await new RecentDocuments(dir).list();
    expect(again.length).toBe(MAX_RECENT);
    expect(again[0]).toBe(path.resolve('/packs/p5.briefing'));
    expect(new Set(again).size).toBe(again.length);
    await recent.clear();
    expect(await new RecentDocuments(dir).list()).toEqual([]);
  });

  it('ignores a damaged or hostile recent.json', async () => {
    await writeFile(path.join(dir, 'recent.json'), JSON.stringify(['relative.briefing', '/ok.briefing', 42]));
    expect(await new RecentDocuments(dir).list()).toEqual([]);
    await writeFile(path.join(dir, 'recent.json'), JSON.stringify(['relative.briefing', '/ok.briefing']));
    expect(await new RecentDocuments(dir).list()).toEqual(['/ok.briefing']);
    expect(JSON.parse(await readFile(path.join(dir, 'recent.json'), 'utf8'))).toHaveLength(2);
  });
});

describe('file arguments (first launch and second-instance handoff)', () => {
  it('picks pack and template files, resolved against the launching folder', () => {
    const argv = ['/opt/Briefing Studio/briefing-studio', '--no-sandbox', '--inspect=0', 'Budget.briefing', '../shared/Gamechangers.briefing-template', '/abs/Plan.BRIEFING', 'notes.txt', '-psn_0_12345'];
    expect(filesFromArgv(argv, '/home/officer/Documents')).toEqual([
      { kind: 'pack', file: path.resolve('/home/officer/Documents/Budget.briefing') },
      { kind: 'template', file: path.resolve('/home/officer/shared/Gamechangers.briefing-template') },
      { kind: 'pack', file: path.resolve('/abs/Plan.BRIEFING') },
    ]);
  });

  it('accepts file:// URLs from desktops but no other schemes', () => {
    expect(filesFromArgv(['file:///home/a/My%20Pack.briefing'], '/')).toEqual([{ kind: 'pack', file: '/home/a/My Pack.briefing' }]);
    expect(filesFromArgv(['https://evil.example/x.briefing', 'file://server/share/x.briefing', 'smb://s/x.briefing'], '/')).toEqual([]);
  });

  it('ignores NUL bytes, switches and duplicates', () => {
    expect(filesFromArgv(['a\0.briefing', '--open=x.briefing', 'x.briefing', './x.briefing'], '/w')).toEqual([{ kind: 'pack', file: '/w/x.briefing' }]);
  });
});

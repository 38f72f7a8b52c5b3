import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { MenuCommandName } from '../../shared/api/contract.js';

/**
 * The native application menu as a plain template, built without importing Electron at run
 * time so tests can check every item and accelerator; main.ts turns it into a Menu.
 * Accelerators use CmdOrCtrl, which Electron shows as ⌘ on macOS and Ctrl elsewhere.
 */
export interface MenuActions {
  /** Send a command to the renderer (New, Save, Export, …). */
  command(name: MenuCommandName): void;
  /** Show the native Open dialog. */
  open(): void;
  openRecent(file: string): void;
  clearRecent(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  actions: MenuActions;
  devTools?: boolean;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, platform } = options;
  const mac = platform === 'darwin';
  const send = (name: MenuCommandName) => () => actions.command(name);

  const recentItems: MenuItemConstructorOptions[] = options.recent.length
    ? [
        ...options.recent.map((file, index) => ({
          label: `${index < 9 ? `&${index + 1} ` : ''}${path.basename(file).replace(/&/g, '&&')}`,
          toolTip: file,
          click: () => actions.openRecent(file),
        })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent packs', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new', label: '&New Pack', accelerator: 'CmdOrCtrl+N', click: send('new') },
      { id: 'newFromTemplate', label: 'New from &Template…', accelerator: 'CmdOrCtrl+Shift+N', click: send('newFromTemplate') },
      { id: 'importWord', label: '&Import Word Document…', click: send('importWord') },
      { type: 'separator' },
      { id: 'open', label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { id: 'recent', label: mac ? 'Open Recent' : 'Open &Recent', submenu: recentItems },
      { type: 'separator' },
      { id: 'save', label: '&Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
      { id: 'saveAs', label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
      { id: 'exportWord', label: '&Export to Word…', accelerator: 'CmdOrCtrl+E', click: send('exportWord') },
      // No accelerator: Ctrl/Cmd+Shift+E is Suggesting on/off in the editor (Word's Track Changes).
      { id: 'exportPdf', label: 'Export to P&DF…', click: send('exportPdf') },
      { id: 'print', label: '&Print…', accelerator: 'CmdOrCtrl+P', click: send('print') },
      { type: 'separator' },
      { id: 'close', label: '&Close Pack', accelerator: 'CmdOrCtrl+W', click: send('close') },
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: 'E&xit', accelerator: platform === 'win32' ? 'Alt+F4' : 'CmdOrCtrl+Q' }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
      { type: 'separator' },
      // Handled in the page too (the browser host has no menu): find across the whole pack.
      { id: 'find', label: '&Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      // Cmd+H hides the app on macOS, so Replace is Cmd+Alt+F there, as in Word for Mac.
      { id: 'replace', label: '&Replace…', accelerator: mac ? 'Cmd+Alt+F' : 'Ctrl+H', click: send('replace') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // The writing area's zoom (remembered), not the whole window's: the app's own controls
      // stay the size the system's text size makes them, as in Word.
      { id: 'zoomReset', label: '&Actual Size', accelerator: 'CmdOrCtrl+0', click: send('zoomReset') },
      { id: 'zoomIn', label: 'Zoom &In', accelerator: 'CmdOrCtrl+=', click: send('zoomIn') },
      { id: 'zoomOut', label: 'Zoom &Out', accelerator: 'CmdOrCtrl+-', click: send('zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      // F1 is also handled in the page (with Ctrl/Cmd+/), so the help opens in the browser host too.
      { id: 'shortcutHelp', label: '&Keyboard Shortcuts', accelerator: 'F1', click: send('shortcutHelp') },
      { type: 'separator' },
      { role: 'about', label: `&About ${options.appName}` },
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return mac ? [appMenu, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help];
}

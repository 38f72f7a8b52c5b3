import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { METHOD_NAMES, type HostEventPayload } from '../../shared/api/contract.js';
import { createServices, type HostServices } from '../services.js';
import { packInPageUrl } from '../workspace/packReadAhead.js';
import { eventChannel, ipcChannel } from './ipcChannel.js';
import { APP_HOST, APP_SCHEME, APP_START_URL, secureWindowOptions } from './window.js';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy.js';
import { rendererDistDir } from '../appPaths.js';
import { guardedCall } from './ipcGuard.js';
import { hardenSession, hardenWebContents } from './hardenContents.js';
import { lookupStatic, mimeOf } from '../staticFiles.js';
import { buildMenuTemplate } from './menu.js';
import { filesFromArgv, type LaunchFile } from './launchArgs.js';
import { RecentDocuments } from './recentDocuments.js';
import { fitToDisplays, loadWindowState, saveWindowStateSync } from './windowState.js';
import { GrantedPaths } from '../workspace/grantedPaths.js';
import { isSafeExternalUrl } from '../linkPolicy.js';
import { userDataOverride } from './userDataOverride.js';
import { createElectronPdf } from './electronPdf.js';

// Thin Electron glue: every rule lives in a module that does not import electron (window.ts,
// ipcGuard.ts, hardenContents.ts, staticFiles.ts, menu.ts, launchArgs.ts, windowState.ts,
// recentDocuments.ts, workspace/confine.ts) and is tested without the Electron runtime.

const APP_NAME = 'Briefing Studio';

// Development builds may be pointed at their own profile folder (never an installed app: see
// userDataOverride.ts); before the single-instance lock, which is keyed on the userData folder.
const userData = userDataOverride(process.env, app.isPackaged);
if (userData.kind === 'override') {
  mkdirSync(userData.dir, { recursive: true }); // app.setPath refuses a folder that does not exist
  app.setPath('userData', userData.dir);
} else if (userData.kind === 'refused') {
  console.warn(userData.reason);
}

app.enableSandbox();
// codeCache: V8 keeps the compiled app scripts between launches (as it does for http), so
// opening a pack does not recompile ~800 kB of JavaScript each time (Electron ≥ 28).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const granted = new GrantedPaths();
const trustedContents = new Set<number>();
const pendingFiles: LaunchFile[] = [];
let mainWindow: BrowserWindow | null = null;
let rendererReady = false;
let recent: RecentDocuments;
let services: HostServices | undefined;

function serveRenderer(): void {
  const root = rendererDistDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    let found = await lookupStatic(root, url.pathname);
    if (found.kind === 'missing' && found.isRoute) found = await lookupStatic(root, '/');
    if (found.kind !== 'file') return new Response('Not found', { status: 404 });
    // The page reloaded at a pack: start reading it while the page starts (PackReadAhead).
    const file = path.basename(found.file) === 'index.html' ? packInPageUrl(url) : null;
    if (file) services?.readAheadPack(file);
    return new Response(new Uint8Array(found.data), {
      headers: { 'Content-Type': mimeOf(found.file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function registerHandlers(): void {
  const handlers = createServices({
    platform: {
      host: 'electron',
      appVersion: app.getVersion(),
      dataDir: app.getPath('userData'),
      trash: (file) => shell.trashItem(file),
      granted,
      pickFolder: async ({ title, defaultPath }) => {
        const options = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      chooseSavePath: async ({ title, defaultName, filterName, extensions }) => {
        const options = { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: filterName, extensions }] };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      // PDF and Print with the app's own Chromium: nothing more to install.
      pdf: createElectronPdf(BrowserWindow, process.versions.chrome),
    },
  });
  services = handlers;
  const guard = { isTrustedContents: (id: number) => trustedContents.has(id) };
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, args: unknown) => guardedCall(handlers, guard, name, event, args));
  }
}

function sendMenuCommand(payload: HostEventPayload<'menuCommand'>): void {
  mainWindow?.webContents.send(eventChannel('menuCommand'), payload);
}

/**
 * Open a pack or template the user chose (dialog, OS, argv, Recent): grant it, then hand it
 * over. One at a time, in the order they came: two files handed over together (argv plus an
 * early 'open-file') would otherwise race through the recent list, and the one left open
 * would be whichever finished last.
 */
let handOffs: Promise<void> = Promise.resolve();
function openUserFile(item: LaunchFile): Promise<void> {
  handOffs = handOffs.then(() => handOver(item)).catch((err: unknown) => console.error(`Briefing Studio could not open ${item.file}: ${String(err)}`));
  return handOffs;
}

async function handOver(item: LaunchFile): Promise<void> {
  if (!mainWindow || !rendererReady) {
    pendingFiles.push(item);
    return;
  }
  const file = granted.grant(item.file);
  if (item.kind === 'template') {
    sendMenuCommand({ command: 'newFromTemplate', templateFile: file });
    return;
  }
  services?.readAheadPack(file); // the renderer asks for it in a moment (PackReadAhead)
  app.addRecentDocument(file);
  await recent.add(file).catch(() => undefined);
  await refreshMenu();
  sendMenuCommand({ command: 'open', file });
}

async function showOpenDialog(): Promise<void> {
  if (!mainWindow) return;
  const result = await dialog.showOpenDialog(mainWindow, {
    title: 'Open a briefing pack',
    properties: ['openFile'],
    filters: [
      { name: 'Briefing packs', extensions: ['briefing'] },
      { name: 'Briefing templates', extensions: ['briefing-template'] },
    ],
  });
  const [file] = result.filePaths;
  if (result.canceled || !file) return;
  const [item] = filesFromArgv([file], process.cwd());
  if (item) await openUserFile(item);
}

async function refreshMenu(): Promise<void> {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: APP_NAME,
    recent: await recent.list(),
    devTools: !app.isPackaged,
    actions: {
      command: (command) => sendMenuCommand({ command }),
      open: () => void showOpenDialog(),
      openRecent: (file) => void openUserFile({ kind: 'pack', file }),
      clearRecent: () => {
        app.clearRecentDocuments();
        void recent.clear().then(refreshMenu);
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<BrowserWindow> {
  const dataDir = app.getPath('userData');
  const remembered = fitToDisplays(await loadWindowState(dataDir), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow(
    secureWindowOptions(path.join(__dirname, 'preload.cjs'), { bounds: remembered, dark: nativeTheme.shouldUseDarkColors, devTools: !app.isPackaged }),
  );
  mainWindow = win;
  rendererReady = false;
  const contentsId = win.webContents.id;
  trustedContents.add(contentsId);
  if (remembered.maximized) win.maximize();

  // The renderer warns (beforeunload) while edits are not yet on disk: ask the user here.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Keep Editing', 'Close Without Saving'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved changes',
      message: 'Some changes have not been saved yet.',
      detail: 'If you close now, your latest changes will be lost.',
    });
    if (choice === 1) event.preventDefault(); // preventDefault here means "unload anyway"
  });
  win.webContents.on('did-finish-load', () => {
    rendererReady = true;
    for (const item of pendingFiles.splice(0)) void openUserFile(item);
  });
  win.on('close', () => {
    try {
      saveWindowStateSync(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // Not remembering the window position is not worth stopping the app from closing.
    }
  });
  win.on('closed', () => {
    trustedContents.delete(contentsId);
    if (mainWindow === win) mainWindow = null;
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_START_URL).catch((err: unknown) => console.error(`Briefing Studio could not load its window: ${String(err)}`));
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another Briefing Studio is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  pendingFiles.push(...filesFromArgv(process.argv.slice(1), process.cwd()));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    for (const item of filesFromArgv(argv.slice(1), workingDirectory)) void openUserFile(item);
  });
  // macOS delivers double-clicked files this way, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    for (const item of filesFromArgv([file], process.cwd())) void openUserFile(item);
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => void (isSafeExternalUrl(url) && shell.openExternal(url)) });
  });
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    nativeTheme.themeSource = 'system';
    nativeTheme.on('updated', () => mainWindow?.setBackgroundColor(nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff'));
    session.defaultSession.setSpellCheckerLanguages(['en-GB']);
    recent = new RecentDocuments(app.getPath('userData'));
    app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion(), copyright: 'Briefing Studio team' });
    serveRenderer();
    registerHandlers();
    await refreshMenu();
    await createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

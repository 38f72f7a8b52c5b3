import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { METHOD_NAMES } from '../shared/api/contract.js';
import { dispatch } from './dispatch.js';
import { createServices } from './services.js';
import { ipcChannel } from './ipcChannel.js';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, secureWindowOptions } from './window.js';
import { rendererDistDir } from './appPaths.js';

// Thin Electron glue: the logic lives in services.ts and friends, which never import electron.

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

function serveRenderer(): void {
  const root = rendererDistDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = path.resolve(root, relative);
    if (url.host !== APP_HOST || !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    try {
      const data = await fs.readFile(file);
      return new Response(data, { headers: { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function registerHandlers(): void {
  const handlers = createServices({
    platform: {
      host: 'electron',
      appVersion: app.getVersion(),
      dataDir: app.getPath('userData'),
      trash: (file) => shell.trashItem(file),
      chooseSavePath: async ({ title, defaultName, filterName, extensions }) => {
        const win = BrowserWindow.getFocusedWindow();
        const options = { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters: [{ name: filterName, extensions }] };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
  });
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, args: unknown) => {
      // Only our own top-level app page may call the back end.
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return { ok: false, error: { code: 'PERMISSION', message: 'Calls from this page are not allowed.' } };
      }
      const outcome = await dispatch(handlers, name, args);
      return outcome.kind === 'unknown-method' ? { ok: false, error: { code: 'NOT_FOUND', message: `No method ${name}.` } } : outcome.envelope;
    });
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(path.join(__dirname, 'preload.cjs')));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setSpellCheckerLanguages(['en-GB']);
    serveRenderer();
    registerHandlers();
    createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

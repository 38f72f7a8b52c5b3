import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { PRINT_OPTIONS } from '../pdf/engine/types.js';
import type { HostPdf } from '../hostPlatform.js';

/**
 * PDF and printing in the desktop app with nothing more installed: Electron's own Chromium
 * lays out the same HTML the CLI gives a browser (electron/pdf), in a hidden window of its own.
 * webContents.printToPDF with generateTaggedPDF and generateDocumentOutline (Electron ≥ 30)
 * makes the same tagged PDF with bookmarks; webContents.print shows the system print dialog
 * for the same pages. Electron is passed in (main.ts), so this file has no run-time import of
 * it and is tested with a stand-in window.
 */
export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadFile' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'printToPDF' | 'print'>;
};

/** The hidden window: no script, no preload, sandboxed, its own in-memory session. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // In-memory: nothing of a printed report stays in a profile on disk.
      partition: 'briefing-print',
    },
  };
}

/** Electron's printToPDF options for our pages (A4 and margins come from the CSS). */
export function electronPdfOptions() {
  return { ...PRINT_OPTIONS, pageSize: 'A4' as const };
}

export function electronPrintOptions(title: string): WebContentsPrintOptions {
  return { silent: false, printBackground: true, header: title, pageSize: 'A4' };
}

async function withDocument<T>(Window: WindowConstructor, html: string, use: (win: InstanceType<WindowConstructor>) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-print-'));
  const file = path.join(dir, 'document.html');
  const win = new Window(printWindowOptions());
  try {
    await fs.writeFile(file, html, 'utf8');
    await win.loadFile(file);
    return await use(win);
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export function createElectronPdf(Window: WindowConstructor, chromeVersion: string): HostPdf {
  return {
    name: `Briefing Studio (Chromium ${chromeVersion.split('.')[0]})`,
    render: (html) => withDocument(Window, html, async (win) => Buffer.from(await win.webContents.printToPDF(electronPdfOptions()))),
    print: (html, title) =>
      withDocument(
        Window,
        html,
        (win) =>
          new Promise<boolean>((resolve, reject) => {
            win.webContents.print(electronPrintOptions(title), (success, failureReason) => {
              // Cancelling the dialog is not a failure.
              if (success || /cancel/i.test(failureReason ?? '')) resolve(success);
              else reject(new Error(failureReason || 'printing failed'));
            });
          }),
      ),
  };
}

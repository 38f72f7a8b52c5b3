import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createElectronPdf, printWindowOptions, type WindowConstructor } from '../../electron/shell/electronPdf.js';

/**
 * The desktop app's PDF and print, through its pieces (the Electron runtime cannot run here):
 * a stand-in BrowserWindow records what the app asks of Electron's Chromium. The HTML it loads
 * is the same as the CLI's, whose PDF the other tests read back.
 */
function fakeWindowClass(behaviour: { printToPdf?: () => Promise<Buffer>; print?: (cb: (success: boolean, reason: string) => void) => void } = {}) {
  const log: { options: BrowserWindowConstructorOptions[]; loaded: string[]; pdfOptions: unknown[]; destroyed: number; loadedExisted: boolean[] } = { options: [], loaded: [], pdfOptions: [], destroyed: 0, loadedExisted: [] };
  class FakeWindow {
    private gone = false;
    constructor(options: BrowserWindowConstructorOptions) {
      log.options.push(options);
    }
    async loadFile(file: string) {
      log.loaded.push(file);
      log.loadedExisted.push(existsSync(file));
    }
    destroy() {
      this.gone = true;
      log.destroyed++;
    }
    isDestroyed() {
      return this.gone;
    }
    webContents = {
      printToPDF: async (options: unknown) => {
        log.pdfOptions.push(options);
        return behaviour.printToPdf ? behaviour.printToPdf() : Buffer.from('%PDF-1.4 fake');
      },
      print: (_options: unknown, callback: (success: boolean, reason: string) => void) => (behaviour.print ? behaviour.print(callback) : callback(true, '')),
    };
  }
  return { Window: FakeWindow as unknown as WindowConstructor, log };
}

describe('PDF and print in the desktop app (Electron’s own Chromium)', () => {
  it('prints to PDF tagged and with bookmarks, from a hidden, script-less, sandboxed window, and cleans up', async () => {
    const { Window, log } = fakeWindowClass();
    const pdf = createElectronPdf(Window, '140.0.7339.0');
    expect(pdf.name).toBe('Briefing Studio (Chromium 140)');
    const out = await pdf.render('<!DOCTYPE html><title>x</title>');
    expect(out.toString()).toContain('%PDF');
    expect(log.options[0]).toEqual(printWindowOptions());
    expect(log.options[0]!.show).toBe(false);
    expect(log.options[0]!.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(log.options[0]!.webPreferences!.preload).toBeUndefined();
    expect(log.pdfOptions[0]).toMatchObject({ generateTaggedPDF: true, generateDocumentOutline: true, preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
    expect(log.loadedExisted).toEqual([true]);
    expect(existsSync(log.loaded[0]!)).toBe(false);
    expect(log.destroyed).toBe(1);
  });

  it('closes the window and removes the file when printing fails, and passes the failure on', async () => {
    const { Window, log } = fakeWindowClass({ printToPdf: () => Promise.reject(new Error('out of memory')) });
    await expect(createElectronPdf(Window, '140').render('<p>x</p>')).rejects.toThrow('out of memory');
    expect(log.destroyed).toBe(1);
    expect(existsSync(log.loaded[0]!)).toBe(false);
  });

  it('Print shows the system dialog; cancelling is not an error', async () => {
    const printed = fakeWindowClass({ print: (cb) => cb(true, '') });
    await expect(createElectronPdf(printed.Window, '140').print('<p>x</p>', 'Title')).resolves.toBe(true);
    const cancelled = fakeWindowClass({ print: (cb) => cb(false, 'Print job canceled') });
    await expect(createElectronPdf(cancelled.Window, '140').print('<p>x</p>', 'Title')).resolves.toBe(false);
    const failed = fakeWindowClass({ print: (cb) => cb(false, 'Invalid printer settings') });
    await expect(createElectronPdf(failed.Window, '140').print('<p>x</p>', 'Title')).rejects.toThrow('Invalid printer settings');
    expect(failed.log.destroyed).toBe(1);
  });
});

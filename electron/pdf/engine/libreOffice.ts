import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HostError } from '../../../shared/api/errors.js';
import type { DocxPdfConverter } from './types.js';

/**
 * LibreOffice's PDF export of our Word file: tagged (UseTaggedPDF), PDF/UA, bookmarks from the
 * headings, and the Word file's own headers and footers, so the markings and Page X of Y are
 * the ones Word shows. Runs with a profile folder of its own, so an open LibreOffice window on
 * the same laptop is not disturbed.
 */
const FILTER = {
  UseTaggedPDF: { type: 'boolean', value: 'true' },
  PDFUACompliance: { type: 'boolean', value: 'true' },
  ExportBookmarks: { type: 'boolean', value: 'true' },
  ExportNotes: { type: 'boolean', value: 'false' },
  EmbedStandardFonts: { type: 'boolean', value: 'true' },
};

const TIMEOUT_MS = 5 * 60_000;

export class LibreOfficeConverter implements DocxPdfConverter {
  readonly name = 'LibreOffice';
  constructor(private readonly soffice: string) {}

  async convert(docx: Buffer): Promise<Buffer> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-lo-'));
    try {
      const input = path.join(dir, 'document.docx');
      await fs.writeFile(input, docx);
      const args = [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        `pdf:writer_pdf_Export:${JSON.stringify(FILTER)}`,
        '--outdir',
        dir,
        input,
      ];
      await new Promise<void>((resolve, reject) => {
        execFile(this.soffice, args, { timeout: TIMEOUT_MS, windowsHide: true }, (err) => (err ? reject(err) : resolve()));
      }).catch((err: NodeJS.ErrnoException & { killed?: boolean }) => {
        throw new HostError('UNAVAILABLE', err.killed ? 'LibreOffice took too long to make the PDF, so it was stopped.' : `LibreOffice could not make the PDF (${err.code ?? err.message}).`);
      });
      try {
        return await fs.readFile(path.join(dir, 'document.pdf'));
      } catch {
        throw new HostError('UNAVAILABLE', 'LibreOffice ran but did not make a PDF. Close any LibreOffice windows and try again.');
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 }).catch(() => undefined);
    }
  }
}

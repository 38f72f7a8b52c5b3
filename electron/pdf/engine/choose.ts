import { HostError } from '../../../shared/api/errors.js';
import { ChromiumRenderer } from './chromium.js';
import { browserCandidates, firstExisting, libreOfficeCandidates, type Env } from './findPrograms.js';
import { LibreOfficeConverter } from './libreOffice.js';
import type { PdfEngine } from './types.js';

/**
 * The PDF engine outside the desktop app (CLI, browser host): a Chromium-family browser found
 * on the machine first, because it makes a tagged PDF with bookmarks from our own HTML, with
 * the page markings in CSS, in a second or two; LibreOffice second, converting the Word file;
 * otherwise a plain-English message saying what to install. BRIEFING_PDF_ENGINE=chromium or
 * libreoffice picks one (for tests and for IT staff who want one engine everywhere).
 */
export const NO_PDF_ENGINE_MESSAGE =
  'A PDF cannot be made on this computer: it needs Microsoft Edge, Google Chrome or Chromium (version 131 or later), or LibreOffice, and none was found. Install one of them, or use the Briefing Studio desktop app, which makes PDFs by itself. You can still export to Word.';

export interface EngineChoiceOptions {
  platform?: NodeJS.Platform;
  env?: Env;
  exists?: (file: string) => boolean;
}

export function findPdfPrograms(options: EngineChoiceOptions = {}): { browser: string | null; libreOffice: string | null } {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const wanted = env.BRIEFING_PDF_ENGINE?.toLowerCase();
  return {
    browser: wanted === 'libreoffice' ? null : firstExisting(browserCandidates(platform, env), options.exists),
    libreOffice: wanted === 'chromium' ? null : firstExisting(libreOfficeCandidates(platform, env), options.exists),
  };
}

/** Start the best engine there is; the caller closes an HTML renderer when done. */
export async function openPdfEngine(options: EngineChoiceOptions = {}): Promise<PdfEngine> {
  const found = findPdfPrograms(options);
  let browserProblem: HostError | null = null;
  if (found.browser) {
    try {
      return { kind: 'html', renderer: await ChromiumRenderer.launch(found.browser) };
    } catch (err) {
      browserProblem = err instanceof HostError ? err : new HostError('UNAVAILABLE', `The browser for making PDFs could not be started (${(err as Error).message}).`);
    }
  }
  if (found.libreOffice) return { kind: 'docx', converter: new LibreOfficeConverter(found.libreOffice) };
  throw browserProblem ?? new HostError('UNAVAILABLE', NO_PDF_ENGINE_MESSAGE);
}

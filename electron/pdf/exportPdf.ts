import { brandingSchema } from '../../shared/branding/schema.js';
import { exportOptionsSchema, type ExportNotice } from '../../shared/export/types.js';
import { assertReviewModeAllowed, exportPackToDocx, wantsPageNumbers, type ExportInput } from '../export/exportPack.js';
import { assertNoExemptWords } from '../export/publication/leakGuard.js';
import { planPublication, type PublicationPlan } from '../export/publication/plan.js';
import type { WrittenHeading } from './html/reportHtml.js';
import { packHtml } from './packHtml.js';
import { readPdfLayout, type OutlineEntry } from './pdfOutline.js';
import type { HtmlPdfRenderer, PdfEngine } from './engine/types.js';

export interface PdfExportOutput {
  buffer: Buffer;
  notices: ExportNotice[];
  plan: PublicationPlan;
  /** Which engine made it ("Chromium 156", "LibreOffice"). */
  engine: string;
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Match headings to bookmarks in order by their text: the page each heading starts on. Headings
 * with no bookmark of their own (Chromium leaves out none, but a damaged layout might) get none.
 */
export function pagesOfHeadings(headings: readonly WrittenHeading[], outline: readonly OutlineEntry[]): Map<string, number> {
  const pages = new Map<string, number>();
  let at = 0;
  for (const heading of headings) {
    const text = normal(heading.text);
    let i = at;
    while (i < outline.length && normal(outline[i]!.title) !== text) i++;
    if (i === outline.length) continue;
    if (outline[i]!.page > 0) pages.set(heading.id, outline[i]!.page);
    at = i + 1;
  }
  return pages;
}

/** Print HTML to PDF, checking a public version's HTML for exempt words first. */
export async function renderGuarded(renderer: HtmlPdfRenderer, html: string, guard: ((parts: Map<string, string>) => void) | null): Promise<Buffer> {
  guard?.(new Map([['document.html', html]]));
  return renderer.render(html);
}

/**
 * A pack to PDF in the version asked for. With Chromium (the desktop app's own, or a browser
 * on the machine) from our HTML: a first layout, and when the contents page needs page numbers
 * (the same rule as the Word export's contents) a second with them filled in from the first's
 * bookmarks. With LibreOffice, from the Word file.
 */
export async function exportPackToPdf(input: ExportInput & { engine: PdfEngine }): Promise<PdfExportOutput> {
  const options = exportOptionsSchema.parse(input.options ?? {});
  if (input.engine.kind === 'docx') {
    const docx = await exportPackToDocx({ ...input, options: { ...options, review: 'final' } });
    input.onProgress?.('converting', 1, 1);
    return { buffer: await input.engine.converter.convert(docx.buffer), notices: docx.notices, plan: docx.plan, engine: input.engine.converter.name };
  }
  // A PDF is always final: open suggestions are settled first, as for a final Word file.
  assertReviewModeAllowed(input.pack, { ...options, review: 'final' });
  const renderer = input.engine.renderer;
  const branding = brandingSchema.parse(input.branding ?? {});
  const plan = planPublication(input.pack, options.version, branding);
  const guard = plan.version === 'public' && plan.hasExemptInformation ? (parts: Map<string, string>) => assertNoExemptWords(input.pack, parts) : null;
  const first = packHtml(plan, branding, options);
  input.onProgress?.('laying out', 0, 1);
  let buffer = await renderGuarded(renderer, first.html, guard);
  if (first.contents && wantsPageNumbers(plan.pack, options.tocPageNumbers)) {
    const layout = await readPdfLayout(buffer);
    const pageOf = pagesOfHeadings(first.headings, layout.outline);
    if (pageOf.size > 0) buffer = await renderGuarded(renderer, packHtml(plan, branding, options, pageOf).html, guard);
  }
  input.onProgress?.('laying out', 1, 1);
  return { buffer, notices: first.notices, plan, engine: renderer.name };
}

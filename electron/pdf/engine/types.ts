/**
 * A PDF engine that lays out our HTML: Electron's own Chromium in the desktop app, a
 * Chromium-family browser found on the machine from the CLI and the browser host. Both print
 * with Chromium's tagged PDF (headings, lists, tables, figures with alt text, reading order)
 * and its document outline (bookmarks from the headings).
 */
export interface HtmlPdfRenderer {
  /** e.g. "Microsoft Edge 131" or "Electron (Chromium 140)", for messages and the benchmark. */
  readonly name: string;
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** LibreOffice, the second choice: converts the Word file itself (tagged, with bookmarks). */
export interface DocxPdfConverter {
  readonly name: string;
  convert(docx: Buffer): Promise<Buffer>;
}

export type PdfEngine = { kind: 'html'; renderer: HtmlPdfRenderer } | { kind: 'docx'; converter: DocxPdfConverter };

/** Chromium 131 added CSS page margin boxes, which carry the marking and "Page X of Y". */
export const MIN_CHROMIUM_MAJOR = 131;

/** The options every Chromium print uses (Page.printToPDF and Electron's printToPDF alike). */
export const PRINT_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;

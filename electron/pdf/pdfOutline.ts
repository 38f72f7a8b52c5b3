import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/**
 * The bookmarks of a PDF Chromium made (generateDocumentOutline), flattened in document order
 * with the page each points at. Used to number the contents and agenda pages: a first layout
 * says where each heading fell, the second prints those numbers. Read with pdf-lib, so any
 * valid PDF structure (object streams, page trees) is understood.
 */
export interface OutlineEntry {
  title: string;
  depth: number;
  /** 1-based page number, or 0 when the destination could not be resolved. */
  page: number;
}

export interface PdfLayout {
  pages: number;
  outline: OutlineEntry[];
}

function titleOf(dict: PDFDict): string {
  const t = dict.lookup(PDFName.of('Title'));
  return t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
}

export async function readPdfLayout(pdf: Uint8Array): Promise<PdfLayout> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((page, i) => pageIndex.set(page.ref.toString(), i + 1));
  const outline: OutlineEntry[] = [];
  const root = doc.catalog.lookup(PDFName.of('Outlines'));
  if (!(root instanceof PDFDict)) return { pages: pageIndex.size, outline };
  const seen = new Set<string>();
  // Depth-first in document order; guarded against cycles in a damaged outline.
  const walk = (first: unknown, depth: number) => {
    let item = first;
    while (item instanceof PDFRef && !seen.has(item.toString())) {
      seen.add(item.toString());
      const dict = doc.context.lookup(item);
      if (!(dict instanceof PDFDict)) break;
      let dest = dict.lookup(PDFName.of('Dest'));
      if (!dest) {
        const action = dict.lookup(PDFName.of('A'));
        if (action instanceof PDFDict) dest = action.lookup(PDFName.of('D'));
      }
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      outline.push({ title: titleOf(dict), depth, page: target instanceof PDFRef ? (pageIndex.get(target.toString()) ?? 0) : 0 });
      walk(dict.get(PDFName.of('First')), depth + 1);
      item = dict.get(PDFName.of('Next'));
    }
  };
  walk(root.get(PDFName.of('First')), 0);
  return { pages: pageIndex.size, outline };
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/** Reading PDFs back in tests with Debian's tools (poppler, qpdf) and, for the tag tree, pdf-lib. */
const run = promisify(execFile);

export async function tool(command: string, args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(command, args, { maxBuffer: 256 * 1024 * 1024 });
    return { stdout, code: 0 };
  } catch (err) {
    const e = err as { stdout?: string; code?: number };
    return { stdout: e.stdout ?? '', code: typeof e.code === 'number' ? e.code : 1 };
  }
}

/** pdftotext -layout, one string per page. */
export async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  return stdout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

export function lines(page: string): string[] {
  return page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await tool('pdfinfo', ['-enc', 'UTF-8', file]);
  return Object.fromEntries(stdout.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Bookmarks, flattened in order, from qpdf's JSON. */
export async function bookmarks(file: string): Promise<Array<{ title: string; depth: number; page: number }>> {
  const { stdout } = await tool('qpdf', ['--json', '--json-key=outlines', file]);
  const out: Array<{ title: string; depth: number; page: number }> = [];
  const walk = (items: Array<{ title: string; kids: unknown[]; destpageposfrom1: number }>, depth: number) => {
    for (const item of items) {
      out.push({ title: item.title, depth, page: item.destpageposfrom1 });
      walk(item.kids as typeof items, depth + 1);
    }
  };
  walk(JSON.parse(stdout).outlines, 0);
  return out;
}

export interface StructElement {
  tag: string;
  depth: number;
  alt?: string;
  scope?: string;
}

/** The tag tree in reading order (the order of the structure tree's kids). */
export async function structureTree(pdf: Uint8Array): Promise<{ elements: StructElement[]; lang: string; displayDocTitle: boolean }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const elements: StructElement[] = [];
  const str = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);
  const visit = (node: unknown, depth: number) => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i), depth);
      return;
    }
    if (!(value instanceof PDFDict)) return;
    const tag = value.lookup(PDFName.of('S'));
    if (tag instanceof PDFName) {
      // Attributes are one dictionary or an array of them (one per owner, e.g. /Table).
      const attributes = value.lookup(PDFName.of('A'));
      const dicts = attributes instanceof PDFArray ? attributes.asArray().map((a) => (a instanceof PDFRef ? doc.context.lookup(a) : a)) : [attributes];
      const scope = dicts.map((d) => (d instanceof PDFDict ? d.lookup(PDFName.of('Scope')) : undefined)).find((s) => s !== undefined);
      elements.push({ tag: tag.decodeText(), depth, alt: str(value.lookup(PDFName.of('Alt'))), scope: scope instanceof PDFName ? scope.decodeText() : undefined });
    }
    visit(value.get(PDFName.of('K')), depth + 1);
  };
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (root instanceof PDFDict) visit(root.get(PDFName.of('K')), 0);
  const viewer = doc.catalog.lookup(PDFName.of('ViewerPreferences'));
  const display = viewer instanceof PDFDict ? viewer.lookup(PDFName.of('DisplayDocTitle')) : undefined;
  return { elements, lang: str(doc.catalog.lookup(PDFName.of('Lang'))) ?? '', displayDocTitle: String(display) === 'true' };
}

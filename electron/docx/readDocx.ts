import { sniffContainer } from './sniff.js';
import { DocxZip } from './zip.js';
import { DocxPackage, REL } from './package.js';
import { Styles } from './styles.js';
import { Numbering } from './numbering.js';
import { ImageResolver } from './images.js';
import { BODY_TEXT_ELEMENTS, BodyReader } from './body.js';
import { parseXml } from './xml.js';
import { readComments, readHeadersAndFooters, readNotes, readProperties, readerFactory, revisionsFrom } from './annotations.js';
import { refusal } from './errors.js';
import type { DocxBlock, DocxDocument, DocxLimits, ReadDocxOptions } from './types.js';

/**
 * Read a .docx (bytes) into a DocxDocument. See README.md beside this file for the API.
 * Throws a DocxReadError (a HostError with code INVALID_FILE and a plain-English message)
 * for anything that is not a readable Word document: another kind of file, a damaged or
 * truncated zip, a zip bomb, a password-protected or macro-enabled document.
 */
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxXmlPartBytes: 64 * 1024 * 1024,
  maxTotalXmlBytes: 160 * 1024 * 1024,
  maxImageBytes: 5 * 1024 * 1024,
  maxEntries: 10_000,
};

export function readDocx(data: Uint8Array, options: ReadDocxOptions = {}): DocxDocument {
  const limits = { ...DEFAULT_DOCX_LIMITS, ...options.limits };
  const { fileName, onProgress } = options;
  if (data.length > limits.maxFileBytes) throw refusal('too-large', fileName, { size: data.length, limit: limits.maxFileBytes });
  onProgress?.('opening', 0, 1);
  sniffContainer(data, fileName);
  const zip = DocxZip.open(data, limits, fileName);
  const pkg = new DocxPackage(zip, fileName);

  const styles = new Styles(pkg.readPart(pkg.relatedPart(REL.styles)));
  const numbering = new Numbering(pkg.readPart(pkg.relatedPart(REL.numbering)), (styleId) => styles.paragraph(styleId).numbering);
  const images = new ImageResolver(pkg, limits.maxImageBytes, options.loadImages ?? true);
  onProgress?.('opening', 1, 1);

  const body = new BodyReader({ pkg, rels: pkg.mainRels, styles, numbering, images, isBody: true });
  const blocks: DocxBlock[] = [];
  const xml = zip.readText(pkg.mainPart)!;
  parseXml(
    xml,
    { keepText: BODY_TEXT_ELEMENTS, partName: pkg.mainPart, fileName, onProgress: (done, total) => onProgress?.('reading', done, total) },
    'w:body',
    (element) => {
      for (const block of body.blocks(element)) blocks.push(block);
    },
  );
  const paragraphs = body.paragraphs;

  onProgress?.('notes', 0, 1);
  const makeReader = readerFactory({ pkg, styles, numbering, images });
  const notes = readNotes(pkg, makeReader, fileName);
  const comments = readComments(pkg, makeReader, body, paragraphs, fileName);
  const headers = readHeadersAndFooters(pkg, makeReader, fileName);
  const properties = readProperties(pkg);
  onProgress?.('notes', 1, 1);

  return {
    blocks,
    paragraphs,
    comments,
    revisions: revisionsFrom(body.revisions, paragraphs),
    notes,
    headers,
    properties,
    notesOfReader: { contents: body.contents, hiddenText: body.hiddenParagraphs, textBoxes: body.textBoxes, missingParts: [...images.missing] },
  };
}

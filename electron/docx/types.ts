/**
 * What the DOCX reader (readDocx.ts) reports about a Word document: the body as blocks, and
 * beside it everything a reviewer may have added — comments (with replies and resolved state)
 * and tracked changes — each anchored to a place in the text. Plain data only (no functions,
 * no classes), so a result can cross a worker_threads boundary or be written as JSON.
 *
 * Text coordinates: every body paragraph (also those inside table cells) is numbered in
 * reading order (`DocxParagraph.index`, the position in `DocxDocument.paragraphs`). An offset
 * counts UTF-16 code units into that paragraph's `text`, which holds ALL its text: inserted and
 * deleted runs alike, tabs as "\t", line breaks as "\n". The `original` and `accepted` texts
 * are the same paragraph as it read before the tracked changes and with all of them accepted;
 * `viewOffset()` (anchors.ts) converts an offset into either view.
 */

export interface DocxMarks {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  superscript: boolean;
  subscript: boolean;
}

/** Whether a piece of text is part of a tracked change (its id is a DocxRevision id). */
export interface DocxRevisionMark {
  id: string;
  kind: 'insertion' | 'deletion';
}

export interface DocxText {
  kind: 'text';
  text: string;
  marks: DocxMarks;
  revision?: DocxRevisionMark;
  /** Offset of the first character in the paragraph's `text`. */
  offset: number;
}

export interface DocxBreak {
  kind: 'break';
  offset: number;
  revision?: DocxRevisionMark;
}

export interface DocxTab {
  kind: 'tab';
  offset: number;
  revision?: DocxRevisionMark;
}

export interface DocxLink {
  kind: 'link';
  /** The external address (relationship target or HYPERLINK field), or null for a link inside the document. */
  href: string | null;
  /** A bookmark name inside the document (`w:anchor`, `HYPERLINK \l`). */
  anchor: string | null;
  children: DocxInline[];
}

export interface DocxImage {
  kind: 'image';
  offset: number;
  /** Zip part of an embedded picture, e.g. word/media/image1.png; null when linked or missing. */
  part: string | null;
  /** Address of a linked (not embedded) picture: never fetched. */
  linkedTarget: string | null;
  contentType: string | null;
  /** The picture's bytes when embedded, readable and within the size limit. */
  bytes: Uint8Array | null;
  /** Embedded, but larger than the reader's picture limit (bytes were not unpacked). */
  tooLarge: boolean;
  altText: string;
  /** Word's "Mark as decorative". */
  decorative: boolean;
  /** Display size from the document, in CSS pixels (96 per inch); null when not given. */
  width: number | null;
  height: number | null;
  revision?: DocxRevisionMark;
}

export interface DocxNoteReference {
  kind: 'noteReference';
  noteType: 'footnote' | 'endnote';
  id: string;
  offset: number;
}

/** Something in the text the reader does not map (an equation is kept as its text). */
export interface DocxDropped {
  kind: 'dropped';
  what: DroppedKind;
  /** Any text it held (an equation's characters, a chart's title), for the importer to keep or show. */
  text: string;
  /** Its alt text or title, when it has one (to name it in a message). */
  label?: string;
  offset: number;
}

export type DroppedKind = 'equation' | 'chart' | 'smartart' | 'shape' | 'embedded-object' | 'embedded-content' | 'symbol';

export type DocxInline = DocxText | DocxBreak | DocxTab | DocxLink | DocxImage | DocxNoteReference | DocxDropped;

export interface DocxListInfo {
  /** Word's numbering instance (w:numId) and the definition it uses (w:abstractNumId). */
  numId: string;
  abstractNumId: string;
  /** 0 to 8. */
  level: number;
  /** Word's number format at this level: bullet, decimal, lowerLetter, upperRoman, … */
  format: string;
  ordered: boolean;
  /** The number Word shows for this item (counted as Word counts: restarts, start values, overrides). */
  number: number;
}

export interface DocxParagraph {
  kind: 'paragraph';
  /** Position in DocxDocument.paragraphs (reading order); -1 for paragraphs outside the body (notes, comments). */
  index: number;
  styleId: string | null;
  styleName: string | null;
  /** 1–9 for a heading (style or outline level), else null. The Title style is `isTitle`, not a heading. */
  headingLevel: number | null;
  isTitle: boolean;
  isSubtitle: boolean;
  isQuote: boolean;
  list: DocxListInfo | null;
  inlines: DocxInline[];
  /** All of the paragraph's text (inserted and deleted alike). */
  text: string;
  /** As it read before the tracked changes (no insertions). */
  original: string;
  /** With every tracked change accepted (no deletions). */
  accepted: string;
  /** The paragraph mark itself was deleted as a tracked change (it joins the next paragraph once accepted). */
  markDeleted: boolean;
  /** The paragraph mark was inserted as a tracked change. */
  markInserted: boolean;
  /** Inside the result of a table of contents field or content control (generated, not authored). */
  inContents: boolean;
  /** Every character is hidden text (Word's w:vanish). */
  hidden: boolean;
}

export interface DocxTableCell {
  colSpan: number;
  rowSpan: number;
  blocks: DocxBlock[];
}

export interface DocxTableRow {
  /** Marked to repeat as a header row (w:tblHeader). */
  isHeader: boolean;
  /** The row is a tracked deletion / insertion. */
  revision?: DocxRevisionMark;
  cells: DocxTableCell[];
}

export interface DocxTable {
  kind: 'table';
  styleId: string | null;
  rows: DocxTableRow[];
  /** Cells were merged (across columns or rows). */
  hasMergedCells: boolean;
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxTextPoint {
  paragraph: number;
  offset: number;
}

export interface DocxAnchor {
  start: DocxTextPoint;
  end: DocxTextPoint;
  /** The text between start and end (all views), paragraphs joined by "\n". */
  text: string;
  /** Up to ANCHOR_CONTEXT characters before and after, in the ORIGINAL view, to find the place again in a changed text. */
  before: string;
  after: string;
}

export interface DocxComment {
  id: string;
  author: string;
  initials: string;
  /** ISO date as written (Word writes local time without a zone), or ''. */
  date: string;
  /** The comment's own text, paragraphs joined by "\n". */
  text: string;
  /** Word 2013+: the comment this one replies to (its id), from commentsExtended.xml. */
  parentId: string | null;
  /** Marked resolved ("done") in commentsExtended.xml. */
  resolved: boolean;
  /** Word 2016+ durable id (commentsIds.xml), when present. */
  durableId: string | null;
  /** Where the comment is in the body; null when the document has no range or reference for it. */
  anchor: DocxAnchor | null;
}

export type DocxRevisionKind = 'insertion' | 'deletion' | 'move-from' | 'move-to' | 'formatting';

export interface DocxRevision {
  id: string;
  kind: DocxRevisionKind;
  /** What changed: text (runs), a paragraph mark (a paragraph break added or removed), a whole table row, or a paragraph's formatting. */
  scope: 'text' | 'paragraph-mark' | 'table-row' | 'paragraph-format';
  author: string;
  date: string;
  /** The inserted or deleted text (for formatting: the text that was reformatted; for a paragraph mark: "\n"). */
  text: string;
  anchor: DocxAnchor;
}

export interface DocxNote {
  noteType: 'footnote' | 'endnote';
  id: string;
  blocks: DocxBlock[];
  text: string;
}

export interface DocxHeaderFooter {
  kind: 'header' | 'footer';
  part: string;
  text: string;
}

export interface DocxProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  lastModifiedBy: string;
  created: string;
  modified: string;
  /** docProps/custom.xml name → value (text). */
  custom: Record<string, string>;
}

/** What the reader met and could not carry, counted: for an importer's "what will be dropped". */
export interface DocxReaderNotes {
  /** Tables of contents (fields or content controls) whose generated entries were marked inContents. */
  contents: number;
  hiddenText: number;
  /** Text boxes whose paragraphs were read into the body after the paragraph that anchors them. */
  textBoxes: number;
  /** Parts named by the document but missing or unreadable (a picture, a header). */
  missingParts: string[];
}

export interface DocxDocument {
  /** The body, in order. */
  blocks: DocxBlock[];
  /** Every body paragraph in reading order (those in tables too): the coordinate system of anchors. */
  paragraphs: DocxParagraph[];
  comments: DocxComment[];
  revisions: DocxRevision[];
  notes: DocxNote[];
  headers: DocxHeaderFooter[];
  properties: DocxProperties;
  notesOfReader: DocxReaderNotes;
}

export interface DocxLimits {
  /** Largest file accepted at all. */
  maxFileBytes: number;
  /** Largest XML part once unpacked (a zip bomb stops here). */
  maxXmlPartBytes: number;
  /** All XML parts together, unpacked. */
  maxTotalXmlBytes: number;
  /** Largest picture unpacked; larger ones are reported `tooLarge`, never unpacked past this. */
  maxImageBytes: number;
  /** Most entries a zip may list. */
  maxEntries: number;
}

export type DocxProgress = (stage: 'opening' | 'reading' | 'pictures' | 'notes', done: number, total: number) => void;

export interface ReadDocxOptions {
  limits?: Partial<DocxLimits>;
  /** Called now and then while reading (the body is the long part: done/total are bytes). */
  onProgress?: DocxProgress;
  /** Unpack embedded pictures (default true). */
  loadImages?: boolean;
  /** File name for messages. */
  fileName?: string;
}

import type { DocxPackage, Relationships } from './package.js';
import type { Numbering } from './numbering.js';
import { applyRunProperties, type Styles } from './styles.js';
import type { ImageResolver } from './images.js';
import { NO_MARKS, ParagraphBuilder } from './paragraphBuilder.js';
import type { DocxBlock, DocxLink, DocxMarks, DocxParagraph, DocxRevisionKind, DocxRevisionMark, DocxTable, DocxTableCell, DocxTableRow, DocxTextPoint } from './types.js';
import { child, childVal, descendants, isOn, textContent, type XmlElement, type XmlNode } from './xml.js';

/**
 * WordprocessingML blocks (w:p, w:tbl, content controls) to DocxBlocks. One reader walks the
 * whole body in order, because some things span blocks: complex fields (a table of contents
 * runs over many paragraphs), comment ranges and numbering counters. For the body it also
 * numbers paragraphs and records where each tracked change and comment sits; for notes and
 * comments it only reads their text.
 */
export interface BodyContext {
  pkg: DocxPackage;
  rels: Relationships;
  styles: Styles;
  numbering: Numbering;
  images: ImageResolver;
  isBody: boolean;
}

export interface RevisionPiece {
  paragraph: number;
  start: number;
  end: number;
}

export interface RevisionRecord {
  id: string;
  kind: DocxRevisionKind;
  scope: 'text' | 'paragraph-mark' | 'table-row' | 'paragraph-format';
  author: string;
  date: string;
  /** Where the change is when it covers no text (a formatting change on an empty run). */
  point: DocxTextPoint;
  pieces: RevisionPiece[];
}

interface RevisionContext {
  record: RevisionRecord | null;
  mark: DocxRevisionMark;
}

interface Field {
  phase: 'instr' | 'result';
  instr: string;
  kind: 'hyperlink' | 'toc' | 'other';
  link?: DocxLink;
  builder?: ParagraphBuilder;
}

/** Text is kept only inside these elements when the body is parsed (the rest is markup). */
export const BODY_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['w:t', 'w:delText', 'w:instrText', 'w:delInstrText', 'm:t']);

const BLOCK_WRAPPERS = new Set(['w:customXml', 'w:ins', 'w:del', 'w:moveTo', 'w:moveFrom']);

export class BodyReader {
  readonly paragraphs: DocxParagraph[] = [];
  readonly revisions: RevisionRecord[] = [];
  readonly commentStarts = new Map<string, DocxTextPoint>();
  readonly commentEnds = new Map<string, DocxTextPoint>();
  readonly commentRefs = new Map<string, DocxTextPoint>();
  contents = 0;
  hiddenParagraphs = 0;
  textBoxes = 0;
  private readonly fields: Field[] = [];
  private readonly revisionStack: RevisionContext[] = [];
  private pendingStarts: string[] = [];
  private contentsControlDepth = 0;
  private contentsFieldDepth = 0;

  constructor(private readonly ctx: BodyContext) {}

  /** One element of a body (or of a note, comment, cell or text box) as blocks. */
  blocks(element: XmlElement): DocxBlock[] {
    switch (element.name) {
      case 'w:p':
        return this.paragraph(element);
      case 'w:tbl':
        return [this.table(element)];
      case 'w:sdt': {
        const gallery = descendants(child(element, 'w:sdtPr') ?? { name: '', attrs: {}, children: [] }, 'w:docPartGallery')[0]?.attrs['w:val'] ?? '';
        const isContents = /table of contents/i.test(gallery);
        if (isContents) {
          this.contents++;
          this.contentsControlDepth++;
        }
        const out = this.blockChildren(child(element, 'w:sdtContent')?.children ?? []);
        if (isContents) this.contentsControlDepth--;
        return out;
      }
      case 'w:altChunk':
        return [this.syntheticParagraph('embedded-content')];
      case 'w:commentRangeStart':
        if (this.ctx.isBody && element.attrs['w:id'] !== undefined) this.pendingStarts.push(element.attrs['w:id']);
        return [];
      case 'w:commentRangeEnd': {
        const last = this.paragraphs[this.paragraphs.length - 1];
        if (this.ctx.isBody && last && element.attrs['w:id'] !== undefined) this.commentEnds.set(element.attrs['w:id'], { paragraph: last.index, offset: last.text.length });
        return [];
      }
      default:
        return BLOCK_WRAPPERS.has(element.name) ? this.blockChildren(element.children) : [];
    }
  }

  blockChildren(nodes: XmlNode[]): DocxBlock[] {
    const out: DocxBlock[] = [];
    for (const node of nodes) if (typeof node !== 'string') for (const block of this.blocks(node)) out.push(block);
    return out;
  }

  private reserveIndex(): number {
    if (!this.ctx.isBody) return -1;
    const index = this.paragraphs.length;
    this.paragraphs.push(null as unknown as DocxParagraph); // filled when the paragraph is complete
    for (const id of this.pendingStarts) this.commentStarts.set(id, { paragraph: index, offset: 0 });
    this.pendingStarts = [];
    return index;
  }

  private syntheticParagraph(what: 'embedded-content'): DocxParagraph {
    const builder = new ParagraphBuilder(this.reserveIndex());
    builder.addObject({ kind: 'dropped', what, text: '', offset: 0 });
    return this.finishParagraph(builder, emptyParagraphFields());
  }

  private paragraph(p: XmlElement): DocxBlock[] {
    const { styles, numbering } = this.ctx;
    const pPr = child(p, 'w:pPr');
    const styleId = childVal(pPr, 'w:pStyle');
    const info = styles.paragraph(styleId);
    let headingLevel = info.headingLevel;
    const outline = childVal(pPr, 'w:outlineLvl');
    if (outline !== undefined && !info.isTitle && !info.isSubtitle) headingLevel = /^[0-8]$/.test(outline) ? Number(outline) + 1 : null;

    const numPr = child(pPr, 'w:numPr');
    let num: { numId: string; level: number } | null = null;
    if (numPr) {
      const numId = childVal(numPr, 'w:numId') ?? info.numbering?.numId;
      const level = Number(childVal(numPr, 'w:ilvl') ?? info.numbering?.level ?? 0);
      if (numId !== undefined) num = { numId, level: Number.isFinite(level) ? level : 0 };
    }
    num ??= info.numbering ?? (styleId ? numbering.numberingForStyle(styleId) : null);
    // Counted for every numbered body paragraph, headings too (numbered headings have counters of their own).
    const counted = num && this.ctx.isBody ? numbering.next(num.numId, num.level) : null;
    const list = headingLevel === null && !info.isTitle ? counted : null;

    const index = this.reserveIndex();
    const builder = new ParagraphBuilder(index);
    if (this.inContents()) builder.sawContents = true;
    const markRevision = child(pPr, 'w:rPr');
    const markIns = child(markRevision, 'w:ins');
    const markDel = child(markRevision, 'w:del');
    const pPrChange = child(pPr, 'w:pPrChange');
    const textBoxes: XmlElement[] = [];
    for (const node of p.children) if (typeof node !== 'string' && node.name !== 'w:pPr') this.inline(node, builder, textBoxes);
    if (this.inContents()) builder.sawContents = true;

    if (this.ctx.isBody) {
      const end = { paragraph: index, offset: builder.offset };
      const whole = { paragraph: index, start: 0, end: builder.offset };
      if (markIns) this.record(markIns, 'insertion', 'paragraph-mark', end);
      if (markDel) this.record(markDel, 'deletion', 'paragraph-mark', end);
      if (pPrChange) this.record(pPrChange, 'formatting', 'paragraph-format', { paragraph: index, offset: 0 })?.pieces.push(whole);
    }
    const paragraph = this.finishParagraph(builder, {
      styleId: styleId ?? null,
      styleName: info.name,
      headingLevel,
      isTitle: info.isTitle,
      isSubtitle: info.isSubtitle,
      isQuote: info.isQuote,
      isContents: info.isContents,
      list,
      markDeleted: !!markDel,
      markInserted: !!markIns,
    });
    const out: DocxBlock[] = [paragraph];
    for (const box of textBoxes) {
      this.textBoxes++;
      out.push(...this.blockChildren(box.children));
    }
    return out;
  }

  private finishParagraph(builder: ParagraphBuilder, fields: ParagraphFields): DocxParagraph {
    const hidden = builder.visibleChars === 0 && builder.hiddenChars > 0;
    if (hidden) this.hiddenParagraphs++;
    const { isContents, ...rest } = fields;
    const paragraph: DocxParagraph = {
      kind: 'paragraph',
      index: builder.index,
      ...rest,
      inlines: builder.inlines,
      text: builder.text,
      original: builder.original,
      accepted: builder.accepted,
      inContents: builder.sawContents || isContents,
      hidden,
    };
    if (builder.index >= 0) this.paragraphs[builder.index] = paragraph;
    return paragraph;
  }

  private inContents(): boolean {
    return this.contentsControlDepth > 0 || this.contentsFieldDepth > 0;
  }

  private record(el: XmlElement, kind: DocxRevisionKind, scope: RevisionRecord['scope'], point: DocxTextPoint): RevisionRecord | null {
    if (!this.ctx.isBody) return null;
    const record: RevisionRecord = { id: el.attrs['w:id'] ?? String(this.revisions.length), kind, scope, author: el.attrs['w:author'] ?? '', date: el.attrs['w:date'] ?? '', point, pieces: [] };
    this.revisions.push(record);
    return record;
  }

  private inline(el: XmlElement, b: ParagraphBuilder, textBoxes: XmlElement[]): void {
    switch (el.name) {
      case 'w:r':
        this.run(el, b, textBoxes);
        return;
      case 'w:hyperlink': {
        const rel = this.ctx.rels.get(el.attrs['r:id']);
        const anchor = el.attrs['w:anchor'] ?? null;
        const href = rel ? (anchor ? `${rel.target}#${anchor}` : rel.target) : null;
        const link = b.openLink(href, href ? null : anchor);
        for (const c of el.children) if (typeof c !== 'string') this.inline(c, b, textBoxes);
        b.closeLink(link);
        return;
      }
      case 'w:ins':
      case 'w:moveTo':
      case 'w:del':
      case 'w:moveFrom': {
        const kind: DocxRevisionKind = el.name === 'w:ins' ? 'insertion' : el.name === 'w:del' ? 'deletion' : el.name === 'w:moveTo' ? 'move-to' : 'move-from';
        const record = this.record(el, kind, 'text', { paragraph: b.index, offset: b.offset });
        const mark: DocxRevisionMark = { id: record?.id ?? el.attrs['w:id'] ?? '', kind: kind === 'insertion' || kind === 'move-to' ? 'insertion' : 'deletion' };
        this.revisionStack.push({ record, mark });
        for (const c of el.children) if (typeof c !== 'string') this.inline(c, b, textBoxes);
        this.revisionStack.pop();
        return;
      }
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:dir':
      case 'w:bdo':
        for (const c of el.children) if (typeof c !== 'string') this.inline(c, b, textBoxes);
        return;
      case 'w:sdt':
        for (const c of child(el, 'w:sdtContent')?.children ?? []) if (typeof c !== 'string') this.inline(c, b, textBoxes);
        return;
      case 'w:fldSimple': {
        const field = parseField(el.attrs['w:instr'] ?? '');
        const link = field.kind === 'hyperlink' ? b.openLink(field.href, field.anchor) : null;
        if (field.kind === 'toc') b.sawContents = true;
        for (const c of el.children) if (typeof c !== 'string') this.inline(c, b, textBoxes);
        if (link) b.closeLink(link);
        return;
      }
      case 'w:commentRangeStart':
        if (this.ctx.isBody && el.attrs['w:id'] !== undefined) this.commentStarts.set(el.attrs['w:id'], { paragraph: b.index, offset: b.offset });
        return;
      case 'w:commentRangeEnd':
        if (this.ctx.isBody && el.attrs['w:id'] !== undefined) this.commentEnds.set(el.attrs['w:id'], { paragraph: b.index, offset: b.offset });
        return;
      case 'm:oMath':
      case 'm:oMathPara': {
        const text = descendants(el, 'm:t').map(textContent).join('');
        b.addObject({ kind: 'dropped', what: 'equation', text, offset: b.offset }, text);
        return;
      }
      default:
        return; // bookmarks, proofing marks, permissions: nothing to read
    }
  }

  private revisionMark(): DocxRevisionMark | undefined {
    return this.revisionStack[this.revisionStack.length - 1]?.mark;
  }

  private addText(b: ParagraphBuilder, value: string, marks: DocxMarks, hidden: boolean): void {
    if (this.fields.some((f) => f.phase === 'instr')) return; // a field's instruction, not its result
    if (this.inContents()) b.sawContents = true;
    const start = b.offset;
    b.addText(value, marks, this.revisionMark(), hidden);
    this.notePiece(b, start);
  }

  private notePiece(b: ParagraphBuilder, start: number): void {
    const context = this.revisionStack[this.revisionStack.length - 1];
    if (!context?.record || b.offset === start) return;
    const last = context.record.pieces[context.record.pieces.length - 1];
    if (last && last.paragraph === b.index && last.end === start) last.end = b.offset;
    else context.record.pieces.push({ paragraph: b.index, start, end: b.offset });
  }

  private runMarks(rPr: XmlElement | undefined): DocxMarks {
    const marks: Partial<DocxMarks> = { ...this.ctx.styles.character(childVal(rPr, 'w:rStyle')) };
    applyRunProperties(rPr, marks, true);
    return { ...NO_MARKS, ...marks };
  }

  private run(r: XmlElement, b: ParagraphBuilder, textBoxes: XmlElement[]): void {
    const rPr = child(r, 'w:rPr');
    const marks = this.runMarks(rPr);
    const hidden = isOn(child(rPr, 'w:vanish'));
    const rPrChange = child(rPr, 'w:rPrChange');
    const runStart = b.offset;
    const inInstruction = () => this.fields.some((f) => f.phase === 'instr');
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:t':
        case 'w:delText':
          this.addText(b, textContent(c), marks, hidden);
          break;
        case 'w:instrText':
        case 'w:delInstrText': {
          const field = this.fields[this.fields.length - 1];
          if (field?.phase === 'instr') field.instr += textContent(c);
          break;
        }
        case 'w:fldChar':
          this.fieldChar(c, b);
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!inInstruction() && !hidden) this.withPiece(b, () => b.addTab(this.revisionMark()));
          break;
        case 'w:br': {
          const type = c.attrs['w:type'];
          if ((!type || type === 'textWrapping') && !inInstruction() && !hidden) this.withPiece(b, () => b.addBreak(this.revisionMark()));
          break;
        }
        case 'w:cr':
          if (!inInstruction() && !hidden) this.withPiece(b, () => b.addBreak(this.revisionMark()));
          break;
        case 'w:noBreakHyphen':
          this.addText(b, '\u2011', marks, hidden);
          break;
        case 'w:sym': {
          const code = parseInt(c.attrs['w:char'] ?? '', 16);
          // Symbol-font characters (F000–F0FF) have no Unicode meaning without the font.
          if (Number.isFinite(code) && (code < 0xf000 || code > 0xf0ff)) this.addText(b, String.fromCodePoint(code), marks, hidden);
          else b.addObject({ kind: 'dropped', what: 'symbol', text: '', offset: b.offset });
          break;
        }
        case 'w:drawing': {
          const result = this.ctx.images.drawing(c, this.ctx.rels, b.offset);
          for (const inline of result.inlines) b.addObject(inline.kind === 'image' ? { ...inline, ...(this.revisionMark() ? { revision: this.revisionMark() } : {}) } : inline);
          textBoxes.push(...result.textBoxes);
          break;
        }
        case 'w:pict':
        case 'w:object': {
          const result = this.ctx.images.vml(c, this.ctx.rels, b.offset);
          if (c.name === 'w:object' && result.inlines.every((i) => i.kind !== 'image')) {
            b.addObject({ kind: 'dropped', what: 'embedded-object', text: '', offset: b.offset });
          } else for (const inline of result.inlines) b.addObject(inline);
          textBoxes.push(...result.textBoxes);
          break;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          b.addObject({ kind: 'noteReference', noteType: c.name === 'w:footnoteReference' ? 'footnote' : 'endnote', id: c.attrs['w:id'] ?? '', offset: b.offset });
          break;
        case 'w:commentReference':
          if (this.ctx.isBody && c.attrs['w:id'] !== undefined) this.commentRefs.set(c.attrs['w:id'], { paragraph: b.index, offset: b.offset });
          break;
        default:
          break;
      }
    }
    if (rPrChange && this.ctx.isBody) {
      const record = this.record(rPrChange, 'formatting', 'text', { paragraph: b.index, offset: runStart });
      if (record && b.offset > runStart) record.pieces.push({ paragraph: b.index, start: runStart, end: b.offset });
    }
  }

  private withPiece(b: ParagraphBuilder, add: () => void): void {
    const start = b.offset;
    add();
    this.notePiece(b, start);
  }

  private fieldChar(c: XmlElement, b: ParagraphBuilder): void {
    const type = c.attrs['w:fldCharType'];
    if (type === 'begin') {
      this.fields.push({ phase: 'instr', instr: '', kind: 'other' });
    } else if (type === 'separate') {
      const field = this.fields[this.fields.length - 1];
      if (!field || field.phase !== 'instr') return;
      field.phase = 'result';
      const parsed = parseField(field.instr);
      field.kind = parsed.kind;
      if (parsed.kind === 'hyperlink') {
        field.link = b.openLink(parsed.href, parsed.anchor);
        field.builder = b;
      } else if (parsed.kind === 'toc') {
        if (!this.inContents()) this.contents++; // one contents, whether a field, a control or both
        this.contentsFieldDepth++;
        b.sawContents = true;
      }
    } else if (type === 'end') {
      const field = this.fields.pop();
      if (!field) return;
      if (field.link && field.builder === b && b.hasOpenLink(field.link)) b.closeLink(field.link);
      if (field.kind === 'toc' && field.phase === 'result') this.contentsFieldDepth--;
    }
  }

  private table(tbl: XmlElement): DocxTable {
    interface CellDraft extends DocxTableCell {
      vMerge: 'restart' | 'continue' | null;
      gridColumn: number;
    }
    const drafts: Array<{ row: DocxTableRow; cells: CellDraft[] }> = [];
    for (const tr of rowsOf(tbl)) {
      const trPr = child(tr, 'w:trPr');
      const firstParagraph = this.paragraphs.length;
      let gridColumn = Number(childVal(trPr, 'w:gridBefore') ?? '0') || 0;
      const cells: CellDraft[] = [];
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'w:tcPr');
        const colSpan = Math.max(1, Math.min(63, Number(childVal(tcPr, 'w:gridSpan') ?? '1') || 1));
        const vMergeEl = child(tcPr, 'w:vMerge');
        const vMerge = vMergeEl ? (vMergeEl.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : null;
        const blocks = this.blockChildren(tc.children.filter((n) => typeof n === 'string' || n.name !== 'w:tcPr'));
        cells.push({ colSpan, rowSpan: 1, blocks, vMerge, gridColumn });
        gridColumn += colSpan;
      }
      const ins = child(trPr, 'w:ins');
      const del = child(trPr, 'w:del');
      let revision: DocxRevisionMark | undefined;
      if ((ins || del) && this.ctx.isBody) {
        const record = this.record((ins ?? del)!, ins ? 'insertion' : 'deletion', 'table-row', { paragraph: firstParagraph, offset: 0 });
        for (let i = firstParagraph; i < this.paragraphs.length; i++) record?.pieces.push({ paragraph: i, start: 0, end: this.paragraphs[i]!.text.length });
        revision = { id: record?.id ?? '', kind: ins ? 'insertion' : 'deletion' };
      }
      drafts.push({ row: { isHeader: isOn(child(trPr, 'w:tblHeader')), ...(revision ? { revision } : {}), cells: [] }, cells });
    }
    // Vertical merges: a "continue" cell extends the cell above it in the same grid column.
    const origins = new Map<number, CellDraft>();
    let merged = false;
    for (const draft of drafts) {
      for (const cell of draft.cells) {
        if (cell.colSpan > 1) merged = true;
        const origin = origins.get(cell.gridColumn);
        if (cell.vMerge === 'continue' && origin) {
          origin.rowSpan++;
          origin.blocks.push(...cell.blocks);
          merged = true;
          continue;
        }
        origins.set(cell.gridColumn, cell);
        draft.row.cells.push(cell);
      }
    }
    const rows = drafts.map((d) => ({ ...d.row, cells: d.row.cells.map(({ colSpan, rowSpan, blocks }) => ({ colSpan, rowSpan, blocks })) }));
    return { kind: 'table', styleId: childVal(child(tbl, 'w:tblPr'), 'w:tblStyle') ?? null, rows, hasMergedCells: merged };
  }
}

interface ParagraphFields {
  styleId: string | null;
  styleName: string | null;
  headingLevel: number | null;
  isTitle: boolean;
  isSubtitle: boolean;
  isQuote: boolean;
  isContents: boolean;
  list: DocxParagraph['list'];
  markDeleted: boolean;
  markInserted: boolean;
}

function emptyParagraphFields(): ParagraphFields {
  return { styleId: null, styleName: null, headingLevel: null, isTitle: false, isSubtitle: false, isQuote: false, isContents: false, list: null, markDeleted: false, markInserted: false };
}

/** Rows of a table, looking through content controls and custom XML around them. */
function rowsOf(tbl: XmlElement): XmlElement[] {
  return flattenWrapped(tbl, 'w:tr');
}

function cellsOf(tr: XmlElement): XmlElement[] {
  return flattenWrapped(tr, 'w:tc');
}

function flattenWrapped(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of parent.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt') out.push(...flattenWrapped(child(c, 'w:sdtContent') ?? c, name));
    else if (c.name === 'w:customXml') out.push(...flattenWrapped(c, name));
  }
  return out;
}

/** A field instruction: HYPERLINK "url" [\l "bookmark"], HYPERLINK \l "bookmark", TOC …, or anything else. */
export function parseField(instr: string): { kind: 'hyperlink'; href: string | null; anchor: string | null } | { kind: 'toc' | 'other'; href?: undefined; anchor?: undefined } {
  const text = instr.trim();
  if (/^TOC\b/i.test(text)) return { kind: 'toc' };
  const match = /^HYPERLINK\b(.*)$/i.exec(text);
  if (!match) return { kind: 'other' };
  const args = [...match[1]!.matchAll(/\\([a-z])|"([^"]*)"|(\S+)/gi)];
  let href: string | null = null;
  let anchor: string | null = null;
  let pendingSwitch: string | null = null;
  for (const [, sw, quoted, bare] of args) {
    if (sw) {
      pendingSwitch = sw.toLowerCase();
      continue;
    }
    const value = quoted ?? bare ?? '';
    if (pendingSwitch === 'l') anchor = value;
    else if (pendingSwitch === null && href === null) href = value;
    pendingSwitch = null;
  }
  if (href && anchor) return { kind: 'hyperlink', href: `${href}#${anchor}`, anchor: null };
  return { kind: 'hyperlink', href, anchor };
}

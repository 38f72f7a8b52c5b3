import {
  AlignmentType,
  Bookmark,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  ShadingType,
  TableLayoutType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { chosenColumnWidths, contentColumnWidths } from './tableWidths.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import { imageRun, inlineChildren, type InlineState } from './inline.js';
import { blockSuggestionOf } from '../../shared/clearance/reviewNeutral.js';
import { BULLET_REF, MAX_LIST_LEVEL } from './numbering.js';
import { STYLE_IDS } from './houseStyle.js';
import type { SectionContext } from './renderContext.js';

/**
 * Lexical block nodes to Word paragraphs and tables. The section title is Heading 1, so the
 * editor's h2–h4 become Heading 2–4; a heading that would skip a level is lifted to the next
 * level down from the one before (the checker reports the skip), so Word's outline never has gaps.
 */
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

export function headingLevelOfTag(tag: unknown): number {
  const match = typeof tag === 'string' ? /^h([1-6])$/.exec(tag) : null;
  return match ? Number(match[1]) : 2;
}

/** The level a heading is exported at, given the level of the heading before it. */
export function exportedHeadingLevel(tagLevel: number, previousLevel: number): number {
  return Math.max(2, Math.min(tagLevel, previousLevel + 1, 6));
}

function alignmentOf(node: SerializedNodeJson) {
  // House style is left aligned: justified text is exported left aligned.
  switch (node.format) {
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
    case 'end':
      return AlignmentType.RIGHT;
    default:
      return undefined;
  }
}

/** Lexical's paragraph indent (Tab / Indent button) as half-inch steps. */
function indentOf(node: SerializedNodeJson) {
  const steps = typeof node.indent === 'number' ? Math.min(Math.max(0, Math.floor(node.indent)), 10) : 0;
  return steps > 0 ? { left: steps * 720 } : undefined;
}

/** Column widths in twips across the text width: the editor's own widths scaled, else equal. */
export function columnWidths(colWidths: unknown, columns: number, total = 9026): number[] {
  // Finite and below a sane bound: a file can hold 1e400 (Infinity once parsed), which would
  // otherwise become NaN widths that Word refuses.
  if (Array.isArray(colWidths) && colWidths.length === columns && colWidths.every((w) => typeof w === 'number' && Number.isFinite(w) && w > 0 && w < 1e9)) {
    const sum = (colWidths as number[]).reduce((a, b) => a + b, 0);
    return (colWidths as number[]).map((w) => Math.max(200, Math.floor((w / sum) * total)));
  }
  return Array.from({ length: columns }, () => Math.floor(total / columns));
}

export class BlockWriter {
  /** Level of the last heading written in this section (the section title is 1). */
  private headingLevel = 1;

  /**
   * @param onHeading called for each heading written; a bookmark name it returns is put
   *   around the heading (the contents links to it).
   */
  constructor(
    private readonly ctx: SectionContext,
    private readonly onHeading?: (level: number, text: string) => string | undefined,
  ) {}

  /** The top-level blocks of a section's editor state. */
  section(children: SerializedNodeJson[]): FileChild[] {
    const out: FileChild[] = [];
    let previous: string | undefined;
    for (const node of children) {
      this.ctx.block++;
      // A stray empty paragraph (left above a table, or pressed Enter twice) would be a blank
      // line in Word that screen readers announce as "blank": never written.
      if (isBlankParagraph(node)) continue;
      // Lists and tables have no space below them in Word; give the next paragraph some
      // space above instead of an empty paragraph (which screen readers announce as "blank").
      this.spaceBefore = previous === 'list' || previous === 'table';
      this.afterTable = previous === 'table';
      this.block(node, out);
      previous = node.type;
    }
    return out;
  }

  private spaceBefore = false;
  private afterTable = false;

  private spacing() {
    return this.spaceBefore ? { spacing: { before: 200 } } : {};
  }

  /**
   * A whole block suggested for insertion or deletion. With review markup its runs become
   * w:ins / w:del and its paragraph mark is marked inserted / deleted too, as Word tracks a
   * whole paragraph; in a final export (settled first) a leftover inserted block is left out.
   */
  private blockRevision(node: SerializedNodeJson): { skip: boolean; state: InlineState; paragraph: { run?: object } } {
    const suggestion = blockSuggestionOf(node);
    const review = this.ctx.review;
    if (!suggestion) return { skip: false, state: { inLink: false }, paragraph: {} };
    if (!review) return { skip: suggestion.kind === 'block-insert', state: { inLink: false }, paragraph: {} };
    const kind = suggestion.kind === 'block-insert' ? 'insert' : 'delete';
    const attrs = review.markup.revision(suggestion.id);
    return { skip: false, state: { inLink: false, revision: { kind, suggestionId: suggestion.id } }, paragraph: { run: kind === 'insert' ? { insertion: attrs } : { deletion: attrs } } };
  }

  private block(node: SerializedNodeJson, out: FileChild[]): void {
    const revision = this.blockRevision(node);
    if (revision.skip) return;
    switch (node.type) {
      case 'paragraph':
        out.push(new Paragraph({ children: inlineChildren(node.children, this.ctx, revision.state), alignment: alignmentOf(node), indent: indentOf(node), ...this.spacing(), ...revision.paragraph }));
        return;
      case 'heading': {
        const text = plainTextOf({ root: { type: 'root', children: node.children ?? [] } });
        if (!text.trim()) return; // An empty heading would be a blank entry in the outline and contents.
        const level = exportedHeadingLevel(headingLevelOfTag(node.tag), this.headingLevel);
        this.headingLevel = level;
        const children = inlineChildren(node.children, this.ctx, revision.state);
        const anchor = this.onHeading?.(level, text.trim());
        out.push(new Paragraph({ heading: HEADINGS[level - 1], children: anchor ? [new Bookmark({ id: anchor, children })] : children, ...revision.paragraph }));
        return;
      }
      case 'quote':
        out.push(new Paragraph({ style: STYLE_IDS.quote, children: inlineChildren(node.children, this.ctx, revision.state), ...this.spacing(), ...revision.paragraph }));
        return;
      case 'list':
        this.list(node, 0, out);
        return;
      case 'table':
        // Two tables in a row would run together into one in Word: keep a thin paragraph between.
        if (this.afterTable) out.push(new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [] }));
        out.push(this.table(node));
        return;
      case 'image': {
        const run = imageRun(node, this.ctx);
        if (run) out.push(new Paragraph({ children: [run], ...this.spacing() }));
        return;
      }
      case 'text':
      case 'link':
      case 'autolink':
      case 'mark':
      case 'suggestion':
      case 'linebreak':
      case 'tab':
        // Inline content straight under the root (not valid Lexical, but never lose it).
        out.push(new Paragraph({ children: inlineChildren([node], this.ctx) }));
        return;
      default: {
        this.ctx.notice(`content of an unknown kind (“${node.type}”) was exported as plain text`);
        const text = typeof node.text === 'string' ? node.text : plainTextOf({ root: { type: 'root', children: node.children ?? [] } });
        for (const line of text.split('\n')) if (line.trim()) out.push(new Paragraph({ children: [new TextRun(line)] }));
      }
    }
  }

  /** A list and its nested lists; every list node gets a numbering instance of its own. */
  private list(node: SerializedNodeJson, level: number, out: FileChild[]): void {
    const numbered = node.listType === 'number';
    const checklist = node.listType === 'check';
    const reference = numbered ? this.ctx.numbering.numberReferenceFor(typeof node.start === 'number' ? node.start : 1) : BULLET_REF;
    const instance = this.ctx.numbering.newInstance();
    const wordLevel = Math.min(level, MAX_LIST_LEVEL);
    for (const item of node.children ?? []) {
      if (item.type !== 'listitem') {
        this.block(item, out);
        continue;
      }
      const inline: SerializedNodeJson[] = [];
      const nested: SerializedNodeJson[] = [];
      for (const child of item.children ?? []) (child.type === 'list' ? nested : inline).push(child);
      const revision = this.blockRevision(item);
      if (revision.skip) continue;
      if (inline.length > 0 || nested.length === 0) {
        const children: ParagraphChild[] = inlineChildren(inline, this.ctx, revision.state);
        if (checklist) children.unshift(new TextRun(item.checked === true ? '\u2611 ' : '\u2610 '));
        out.push(new Paragraph({ children, numbering: { reference, level: wordLevel, instance }, ...revision.paragraph }));
      }
      for (const list of nested) this.list(list, level + 1, out);
    }
  }

  /**
   * A table at full text width. The first row repeats as the header row when the editor
   * marked it as a header; merged cells are split (content in the first cell) because
   * screen readers cannot follow merged cells.
   */
  private table(node: SerializedNodeJson): Table {
    const rows = (node.children ?? []).filter((r) => r.type === 'tablerow');
    const headerRow = rows.length > 0 && (rows[0]!.children ?? []).some((c) => typeof c.headerState === 'number' && (c.headerState & 1) !== 0);
    // Place cells on a grid, filling the places merged cells covered with empty cells.
    const covered = new Map<number, Set<number>>();
    const grid: Array<Array<{ cell: SerializedNodeJson | null }>> = [];
    let columns = 0;
    rows.forEach((row, r) => {
      const line: Array<{ cell: SerializedNodeJson | null }> = [];
      const taken = covered.get(r) ?? new Set<number>();
      let col = 0;
      for (const cell of row.children ?? []) {
        while (taken.has(col)) {
          line.push({ cell: null });
          col++;
        }
        const colSpan = Math.max(1, Math.min(50, Number(cell.colSpan) || 1));
        const rowSpan = Math.max(1, Math.min(500, Number(cell.rowSpan) || 1));
        line.push({ cell });
        for (let extra = 1; extra < colSpan; extra++) line.push({ cell: null });
        for (let down = 1; down < rowSpan; down++) {
          const set = covered.get(r + down) ?? new Set<number>();
          for (let c = col; c < col + colSpan; c++) set.add(c);
          covered.set(r + down, set);
        }
        col += colSpan;
      }
      while (taken.has(col)) {
        line.push({ cell: null });
        col++;
      }
      columns = Math.max(columns, line.length);
      grid.push(line);
    });
    if (covered.size > 0 || rows.some((row) => (row.children ?? []).some((c) => Number(c.colSpan) > 1))) {
      this.ctx.notice('a table had merged cells; they were split so the table reads correctly');
    }
    columns = Math.max(columns, 1);
    // Widths someone chose in the editor are kept; otherwise they fit the content.
    const widths = chosenColumnWidths(node.colWidths, columns)
      ? columnWidths(node.colWidths, columns)
      : contentColumnWidths(grid.map((line) => line.map(({ cell }) => cell)), columns, 9026);
    const tableRows = grid.map((line, r) => {
      while (line.length < columns) line.push({ cell: null });
      const isHeader = headerRow && r === 0;
      // A row suggested for insertion or deletion is a tracked row (w:trPr/w:ins or w:del) with tracked text.
      const revision = this.ctx.review && rows[r] ? this.blockRevision(rows[r]!) : null;
      const rowMark = revision?.state.revision ? (revision.paragraph.run as { insertion?: never; deletion?: never }) : {};
      return new TableRow({
        tableHeader: isHeader || undefined,
        cantSplit: true,
        ...rowMark,
        children: line.map(({ cell }, c) => this.cell(cell, isHeader || (cell !== null && typeof cell.headerState === 'number' && cell.headerState !== 0), widths[c]!, revision?.state)),
      });
    });
    return new Table({
      rows: tableRows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
    });
  }

  private cell(cell: SerializedNodeJson | null, header: boolean, width: number, rowState?: InlineState): TableCell {
    const paragraphs: Paragraph[] = [];
    for (const child of cell?.children ?? []) {
      if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'quote') {
        paragraphs.push(new Paragraph({ style: STYLE_IDS.tableText, children: inlineChildren(child.children, this.ctx, { inLink: false, bold: header, revision: rowState?.revision }) }));
      } else {
        const nested: FileChild[] = [];
        this.block(child, nested);
        for (const item of nested) if (item instanceof Paragraph) paragraphs.push(item);
        if (nested.some((item) => !(item instanceof Paragraph))) this.ctx.notice('a table inside a table cell was left out; Word tables cannot be read aloud when nested');
      }
    }
    if (paragraphs.length === 0) paragraphs.push(new Paragraph({ style: STYLE_IDS.tableText, children: [] }));
    return new TableCell({
      children: paragraphs,
      width: { size: width, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } : undefined,
    });
  }
}

/** A top-level paragraph with nothing in it but white space. */
function isBlankParagraph(node: SerializedNodeJson): boolean {
  if (node.type !== 'paragraph') return false;
  const stack = [...(node.children ?? [])];
  while (stack.length) {
    const child = stack.pop()!;
    if (child.type === 'text') {
      if (typeof child.text === 'string' && child.text.trim() !== '') return false;
    } else if (child.type === 'linebreak' || child.type === 'tab') continue;
    else if (Array.isArray(child.children)) stack.push(...child.children);
    else return false;
  }
  return true;
}

import type { DocxBlock, DocxParagraph, DocxTable } from '../docx/types.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { hasContent, inlineNodes, type InlineContext } from './inlineContent.js';
import { headingNode, listItemNode, listNode, numberListItems, paragraphNode, quoteNode, tableCellNode, tableNode, tableRowNode, textNode } from './lexicalNodes.js';

/**
 * Blocks to Lexical block nodes: paragraphs, quotes, headings (the caller says which tag each
 * heading gets), lists rebuilt from Word's numbering (nesting by level, a new list where Word
 * restarts or changes the kind of list, numbered lists starting where Word's count was), and
 * tables with their header rows, merged cells split as the exporter does.
 */
export type HeadingTagOf = (paragraph: DocxParagraph) => 'h2' | 'h3' | 'h4';

export interface BlockContext extends InlineContext {
  headingTag: HeadingTagOf;
}

interface OpenList {
  node: SerializedNodeJson;
  level: number;
  ordered: boolean;
  abstractNumId: string;
  lastNumber: number;
}

export function blockNodes(blocks: DocxBlock[], ctx: BlockContext): SerializedNodeJson[] {
  const out: SerializedNodeJson[] = [];
  const lists: OpenList[] = [];
  const topLists: SerializedNodeJson[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.list && block.headingLevel === null && block.list.format !== 'none') {
      addListItem(block, ctx, lists, (node) => {
        out.push(node);
        topLists.push(node);
      });
      continue;
    }
    lists.length = 0;
    if (block.kind === 'table') {
      out.push(table(block, ctx));
      continue;
    }
    const node = paragraphBlock(block, ctx);
    if (node) out.push(node);
  }
  // Item values once every list is complete (numberListItems walks the nested lists too).
  for (const list of topLists) numberListItems(list);
  return out;
}

function paragraphBlock(p: DocxParagraph, ctx: BlockContext): SerializedNodeJson | null {
  if (p.headingLevel !== null) {
    const children = inlineNodes(p.inlines, ctx, { stripBold: true });
    if (!hasContent(children)) return null; // an empty heading would be a blank outline entry
    return headingNode(ctx.headingTag(p), children);
  }
  const children = inlineNodes(p.inlines, ctx);
  if (!hasContent(children)) return null;
  return p.isQuote ? quoteNode(children) : paragraphNode(children);
}

function addListItem(p: DocxParagraph, ctx: BlockContext, lists: OpenList[], startTopList: (node: SerializedNodeJson) => void): void {
  const info = p.list!;
  const level = info.level;
  while (lists.length && lists[lists.length - 1]!.level > level) lists.pop();
  let top = lists[lists.length - 1];
  // Same level, but Word restarted the count, or this is another kind of list: a new list.
  if (top && top.level === level && (top.ordered !== info.ordered || top.abstractNumId !== info.abstractNumId || (info.ordered && info.number !== top.lastNumber + 1))) {
    lists.pop();
    top = lists[lists.length - 1];
  }
  if (!top || top.level < level) {
    const node = listNode(info.ordered ? 'number' : 'bullet', info.ordered ? info.number : 1, []);
    // Lexical nests a list in a list item of its own, after the item it belongs under.
    if (top) top.node.children!.push(listItemNode([node]));
    else startTopList(node);
    top = { node, level, ordered: info.ordered, abstractNumId: info.abstractNumId, lastNumber: info.number - 1 };
    lists.push(top);
  }
  top.lastNumber = info.number;
  top.node.children!.push(listItemNode(inlineNodes(p.inlines, ctx)));
}

function table(t: DocxTable, ctx: BlockContext): SerializedNodeJson {
  if (t.hasMergedCells) ctx.tally.add('merged-cells');
  // Lay the cells on a grid; a merged cell's first place gets its content, the places it covered empty cells.
  const rows = t.rows.filter((r) => r.revision?.kind !== 'deletion');
  const grid: Array<Array<SerializedNodeJson[] | null>> = rows.map(() => []);
  const header: boolean[] = rows.map((r) => r.isHeader);
  let width = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (grid[r]![col] !== undefined) col++;
      grid[r]![col] = cellContent(cell.blocks, ctx, header[r]!);
      for (let dc = 0; dc < cell.colSpan; dc++) {
        for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
          if (dc === 0 && dr === 0) continue;
          grid[r + dr]![col + dc] = null;
        }
      }
      col += cell.colSpan;
      width = Math.max(width, col);
    }
  });
  const rowNodes = grid.map((line, r) => {
    const cells: SerializedNodeJson[] = [];
    for (let c = 0; c < Math.max(width, 1); c++) {
      const content = line[c];
      cells.push(tableCellNode(content && content.length ? content : [paragraphNode([])], header[r] ? 1 : 0));
    }
    return tableRowNode(cells);
  });
  return tableNode(rowNodes);
}

function cellContent(blocks: DocxBlock[], ctx: BlockContext, isHeader: boolean): SerializedNodeJson[] {
  const flat: DocxBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      // Word tables inside table cells cannot be read aloud sensibly: their rows become lines.
      ctx.tally.add('nested-table');
      for (const row of block.rows) {
        const text = row.cells.map((cell) => cell.blocks.map((b) => (b.kind === 'paragraph' ? b.accepted : '')).join(' ').trim()).join(' | ');
        if (text.trim()) flat.push(syntheticParagraph(text));
      }
    } else flat.push(block);
  }
  const nodes = blockNodes(flat, { ...ctx, headingTag: () => 'h4' });
  // A header cell's text is bold by the table's style; bold on all of it is not emphasis.
  if (isHeader) for (const node of nodes) unboldIfAllBold(node);
  return nodes;
}

function unboldIfAllBold(node: SerializedNodeJson): void {
  const texts: SerializedNodeJson[] = [];
  const walk = (n: SerializedNodeJson) => {
    if (n.type === 'text') texts.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(node);
  if (texts.length && texts.every((t) => ((t.format as number) & 1) !== 0)) for (const t of texts) t.format = (t.format as number) & ~1;
}

function syntheticParagraph(text: string): DocxParagraph {
  return {
    kind: 'paragraph',
    index: -1,
    styleId: null,
    styleName: null,
    headingLevel: null,
    isTitle: false,
    isSubtitle: false,
    isQuote: false,
    list: null,
    inlines: [{ kind: 'text', text, offset: 0, marks: { bold: false, italic: false, underline: false, strikethrough: false, superscript: false, subscript: false } }],
    text,
    original: text,
    accepted: text,
    markDeleted: false,
    markInserted: false,
    inContents: false,
    hidden: false,
  };
}

/** A plain paragraph of text (notes, front-sheet rows kept as text). */
export function textParagraph(text: string, bold?: string): SerializedNodeJson {
  return paragraphNode(bold ? [textNode(bold, 1), ...(text ? [textNode(text)] : [])] : [textNode(text)]);
}

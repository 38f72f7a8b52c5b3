import type { Pack } from '../../shared/pack/schema.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { blockSuggestionOf } from '../../shared/clearance/reviewNeutral.js';

/**
 * The pack's text laid out as the exported Word file reads in its "original" view (before any
 * tracked change): one line per Word paragraph, in reading order: each section's title (its
 * Heading 1), then each paragraph, heading, quote, list item and table-cell paragraph.
 * Comment marks are transparent, suggested insertions are not there (they were tracked
 * insertions in the export), suggested deletions are (tracked deletions are in the original
 * view). A reviewed copy's anchors ("40 characters before, the text, 40 after") are found
 * again in this text, and each line knows the content node its text belongs to.
 */
export interface TextLine {
  /** Offset of the line in the whole text. */
  start: number;
  text: string;
  sectionIndex: number;
  /** 'title': the section's heading; 'block': content; 'placeholder': a block Word has but whose text was all a suggested insertion. */
  kind: 'title' | 'block' | 'placeholder';
  /** The node whose children hold the line's inline content (paragraph, heading, listitem…). */
  container: SerializedNodeJson | null;
  /** The top-level block (in the section's root) the line is in, and its index there. */
  topBlock: SerializedNodeJson | null;
  /** Whether the container is a whole block that can carry a block suggestion ($.suggestion). */
  wholeBlock: boolean;
}

export interface PackText {
  text: string;
  lines: TextLine[];
}

/** The neutral text of inline content (see above); the same walk as the leaves in placeInline.ts. */
export function inlineText(nodes: readonly SerializedNodeJson[] | undefined): string {
  let s = '';
  for (const n of nodes ?? []) {
    if (n.type === 'text') s += n.text ?? '';
    else if (n.type === 'linebreak') s += '\n';
    else if (n.type === 'tab') s += '\t';
    else if ((n.type === 'suggestion' && n.kind === 'insert') || n.type === 'list') continue;
    else if (Array.isArray(n.children)) s += inlineText(n.children);
  }
  return s;
}

export function packText(pack: Pick<Pack, 'sections'>): PackText {
  const lines: TextLine[] = [];
  let offset = 0;
  const push = (line: Omit<TextLine, 'start'>) => {
    lines.push({ ...line, start: offset });
    offset += line.text.length + 1;
  };
  pack.sections.forEach((section, sectionIndex) => {
    push({ text: section.title, sectionIndex, kind: 'title', container: null, topBlock: null, wholeBlock: false });
    for (const top of section.content.root.children) {
      const lineOf = (container: SerializedNodeJson, inline: SerializedNodeJson[] | undefined, wholeBlock: boolean) => {
        const block = blockSuggestionOf(container);
        if (block?.kind === 'block-insert') push({ text: '', sectionIndex, kind: 'placeholder', container: null, topBlock: top, wholeBlock: false });
        else push({ text: inlineText(inline), sectionIndex, kind: 'block', container, topBlock: top, wholeBlock });
      };
      const visit = (node: SerializedNodeJson) => {
        switch (node.type) {
          case 'paragraph':
          case 'quote':
            lineOf(node, node.children, true);
            return;
          case 'heading':
            // The exporter leaves out empty headings.
            if (inlineText(node.children).trim()) lineOf(node, node.children, true);
            return;
          case 'list':
            for (const item of node.children ?? []) {
              if (item.type !== 'listitem') {
                visit(item);
                continue;
              }
              const inline = (item.children ?? []).filter((c) => c.type !== 'list');
              const nested = (item.children ?? []).filter((c) => c.type === 'list');
              if (inline.length > 0 || nested.length === 0) {
                // A list item's line is its inline children; a nested list is lines of its own.
                lineOf(item, inline, true);
              }
              for (const list of nested) visit(list);
            }
            return;
          case 'table':
            for (const row of node.children ?? []) for (const cell of row.children ?? []) {
              const paragraphs = (cell.children ?? []).filter((c) => c.type === 'paragraph' || c.type === 'heading' || c.type === 'quote');
              if (paragraphs.length === 0) push({ text: '', sectionIndex, kind: 'placeholder', container: null, topBlock: top, wholeBlock: false });
              for (const p of paragraphs) lineOf(p, p.children, false);
            }
            return;
          case 'image':
            push({ text: '', sectionIndex, kind: 'placeholder', container: null, topBlock: top, wholeBlock: false });
            return;
          default:
            if (Array.isArray(node.children)) lineOf(node, node.children, false);
        }
      };
      visit(top);
    }
  });
  return { text: lines.map((l) => l.text).join('\n'), lines };
}

/** The line holding a text offset (the line whose range includes it; a line's end counts as in it). */
export function lineAt(text: PackText, offset: number): TextLine | null {
  let lo = 0;
  let hi = text.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = text.lines[mid]!;
    if (offset < line.start) hi = mid - 1;
    else if (offset > line.start + line.text.length) lo = mid + 1;
    else return line;
  }
  return null;
}

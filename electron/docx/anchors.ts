import type { DocxAnchor, DocxInline, DocxParagraph, DocxRevisionMark, DocxTextPoint } from './types.js';

/**
 * Anchors: where a comment or tracked change sits, as paragraph + offset in the paragraph's
 * full text, with the text it covers and some text either side (in the original view, so a
 * caller can find the place again in the text the document was made from).
 */
export const ANCHOR_CONTEXT = 40;

export type TextView = 'all' | 'original' | 'accepted';

interface Piece {
  offset: number;
  length: number;
  revision: DocxRevisionMark | undefined;
}

function pieces(inlines: DocxInline[], out: Piece[] = []): Piece[] {
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text':
        out.push({ offset: inline.offset, length: inline.text.length, revision: inline.revision });
        break;
      case 'break':
      case 'tab':
        out.push({ offset: inline.offset, length: 1, revision: inline.revision });
        break;
      case 'dropped':
        if (inline.text) out.push({ offset: inline.offset, length: inline.text.length, revision: undefined });
        break;
      case 'link':
        pieces(inline.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

function inView(revision: DocxRevisionMark | undefined, view: TextView): boolean {
  if (view === 'all' || !revision) return true;
  return view === 'original' ? revision.kind !== 'insertion' : revision.kind !== 'deletion';
}

/** An offset into `paragraph.text` as an offset into the original or accepted text. */
export function viewOffset(paragraph: DocxParagraph, offset: number, view: TextView): number {
  if (view === 'all') return offset;
  let result = 0;
  for (const piece of pieces(paragraph.inlines)) {
    if (piece.offset >= offset) break;
    if (inView(piece.revision, view)) result += Math.min(piece.length, offset - piece.offset);
  }
  return result;
}

function viewText(paragraph: DocxParagraph, view: TextView): string {
  return view === 'all' ? paragraph.text : view === 'original' ? paragraph.original : paragraph.accepted;
}

/** Text between two points of the body (paragraphs joined by "\n"). */
export function textBetween(paragraphs: DocxParagraph[], start: DocxTextPoint, end: DocxTextPoint): string {
  if (end.paragraph < start.paragraph || (end.paragraph === start.paragraph && end.offset <= start.offset)) return '';
  const first = paragraphs[start.paragraph];
  if (!first) return '';
  if (start.paragraph === end.paragraph) return first.text.slice(start.offset, end.offset);
  const parts = [first.text.slice(start.offset)];
  for (let i = start.paragraph + 1; i < end.paragraph; i++) parts.push(paragraphs[i]?.text ?? '');
  parts.push(paragraphs[end.paragraph]?.text.slice(0, end.offset) ?? '');
  return parts.join('\n');
}

/** Up to `length` characters of the original text before a point (across paragraph breaks). */
export function contextBefore(paragraphs: DocxParagraph[], point: DocxTextPoint, length = ANCHOR_CONTEXT): string {
  const p = paragraphs[point.paragraph];
  if (!p) return '';
  let text = p.original.slice(0, viewOffset(p, point.offset, 'original'));
  for (let i = point.paragraph - 1; i >= 0 && text.length < length; i--) text = `${viewText(paragraphs[i]!, 'original')}\n${text}`;
  return text.slice(-length);
}

export function contextAfter(paragraphs: DocxParagraph[], point: DocxTextPoint, length = ANCHOR_CONTEXT): string {
  const p = paragraphs[point.paragraph];
  if (!p) return '';
  let text = p.original.slice(viewOffset(p, point.offset, 'original'));
  for (let i = point.paragraph + 1; i < paragraphs.length && text.length < length; i++) text = `${text}\n${viewText(paragraphs[i]!, 'original')}`;
  return text.slice(0, length);
}

export function makeAnchor(paragraphs: DocxParagraph[], start: DocxTextPoint, end: DocxTextPoint, text?: string): DocxAnchor {
  return { start, end, text: text ?? textBetween(paragraphs, start, end), before: contextBefore(paragraphs, start), after: contextAfter(paragraphs, end) };
}

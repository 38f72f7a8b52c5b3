import { CommentRangeEnd, CommentRangeStart, CommentReference, TextRun, type ParagraphChild } from 'docx';
import type { SerializedNodeJson } from '../../../shared/richtext/serialized.js';
import type { ReviewMarkup } from './reviewMarkup.js';

/**
 * Comment ranges within one section. A thread's text can be split over several mark nodes
 * (Lexical marks are inline, so a comment over two paragraphs is two marks with one id): the
 * Word range starts before the first and ends after the last, one comment range per thread.
 */
export class SectionReview {
  private readonly total = new Map<string, number>();
  private readonly seen = new Map<string, number>();

  constructor(
    readonly markup: ReviewMarkup,
    content: readonly SerializedNodeJson[],
  ) {
    const stack = [...content];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'mark' && Array.isArray(node.ids)) for (const id of new Set(node.ids)) if (typeof id === 'string') this.total.set(id, (this.total.get(id) ?? 0) + 1);
      if (Array.isArray(node.children)) stack.push(...node.children);
    }
  }

  /** Word comment ids to open before a mark's text (its threads seen for the first time). */
  open(threadIds: readonly unknown[]): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const threadId of new Set(threadIds)) {
      if (typeof threadId !== 'string') continue;
      const seen = this.seen.get(threadId) ?? 0;
      this.seen.set(threadId, seen + 1);
      if (seen > 0 || this.markup.isPlaced(threadId)) continue;
      const ids = this.markup.idsFor(threadId);
      if (ids) for (const id of ids) out.push(new CommentRangeStart(id));
    }
    return out;
  }

  /** Word comment ends and references after a mark's text (its threads' last marks). */
  close(threadIds: readonly unknown[]): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const threadId of new Set(threadIds)) {
      if (typeof threadId !== 'string') continue;
      if ((this.seen.get(threadId) ?? 0) !== this.total.get(threadId) || this.markup.isPlaced(threadId)) continue;
      const ids = this.markup.idsFor(threadId);
      if (ids) out.push(...commentEnd(ids));
      this.markup.markPlaced(threadId);
    }
    return out;
  }
}

/** Range ends and the reference marks Word shows the comments at. */
export function commentEnd(ids: readonly number[]): ParagraphChild[] {
  return ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]);
}

/** A whole paragraph's children wrapped as the range of the given threads (section-wide comments on the heading). */
export function wrapInComments(markup: ReviewMarkup, threadIds: readonly string[], children: ParagraphChild[]): ParagraphChild[] {
  const ids = threadIds.flatMap((t) => {
    const list = markup.idsFor(t);
    markup.markPlaced(t);
    return list ?? [];
  });
  if (ids.length === 0) return children;
  return [...ids.map((id) => new CommentRangeStart(id)), ...children, ...commentEnd(ids)];
}

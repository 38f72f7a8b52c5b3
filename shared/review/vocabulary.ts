import type { Review } from './schema.js';

/**
 * The fixed words of review data, with no zod, so the renderer can use them without loading the
 * schemas (schema.ts builds its enums from these).
 */

/**
 * Where a thread is anchored: 'text' is a range of text, a table cell or a picture marked in
 * the content with the thread's id (@lexical/mark); 'section' is the whole section.
 */
export const THREAD_ANCHORS = ['text', 'section'] as const;

/** Inline text inserted or deleted, or a whole block (paragraph, list item, table row). */
export const SUGGESTION_KINDS = ['insert', 'delete', 'block-insert', 'block-delete'] as const;

export type ThreadAnchor = (typeof THREAD_ANCHORS)[number];
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export function emptyReview(): Review {
  return { threads: {}, comments: {}, suggestions: {} };
}

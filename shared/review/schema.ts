import { z } from 'zod';
import { SUGGESTION_KINDS, THREAD_ANCHORS } from './vocabulary.js';

/**
 * Review data stored in a pack (format v2): comment threads, their comments, and suggested
 * changes. Each kind is a plain record keyed by id, never a nested tree or a list whose order
 * matters, so the same records can later live unchanged in a Yjs map for co-editing (one
 * Y.Map per kind) and two people adding a comment at once never collide.
 *
 * Where a thread or suggestion sits in the text is kept in the section's Lexical content (a
 * mark or suggestion node carrying the id); these records hold who, when and what.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const recordId = z.string().min(1).max(100);

/** Who did something: the name and role from settings at the time. */
export const personSchema = z.object({
  name: z.string().max(200),
  role: z.string().max(200),
});


export const commentThreadSchema = z.object({
  id: recordId,
  sectionId: recordId,
  anchor: z.enum(THREAD_ANCHORS),
  /** The commented text when the thread was made: shown when that text has since been deleted. */
  quote: z.string().max(5_000),
  author: personSchema,
  createdAt: isoDateTime,
  /** null while open; who resolved it and when otherwise (reopening sets it back to null). */
  resolved: z.object({ by: personSchema, at: isoDateTime }).nullable(),
});

export const commentSchema = z.object({
  id: recordId,
  threadId: recordId,
  author: personSchema,
  at: isoDateTime,
  editedAt: isoDateTime.optional(),
  text: z.string().max(20_000),
});


export const suggestionSchema = z.object({
  id: recordId,
  sectionId: recordId,
  kind: z.enum(SUGGESTION_KINDS),
  author: personSchema,
  at: isoDateTime,
  /** The inserted or deleted text, for the review panel and for matching in Word round trips. */
  text: z.string().max(100_000),
});

export const reviewSchema = z.object({
  threads: z.record(recordId, commentThreadSchema),
  comments: z.record(recordId, commentSchema),
  suggestions: z.record(recordId, suggestionSchema),
});

export type Person = z.infer<typeof personSchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
export type ReviewComment = z.infer<typeof commentSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type Review = z.infer<typeof reviewSchema>;

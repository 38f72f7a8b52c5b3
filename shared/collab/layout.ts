import type * as Y from 'yjs';

/**
 * Where a pack lives inside its Y.Doc (one Y.Doc per pack). Every part is a top-level shared
 * type, so two people who open the same empty pack at once still meet in the same types:
 *
 * - each section's text: an XmlText root named `section:<id>`, bound to Lexical by
 *   @lexical/yjs exactly as CollaborationPlugin binds it (rootName);
 * - `sectionOrder`: a Y.Array of section ids (the outline order);
 * - `sections`: a Y.Map id → Y.Map of that section's other fields (title, guidance, kind, …);
 * - `frontSheet`: a Y.Map of the front sheet, one entry per leaf field ("meeting.date"), so two
 *   people filling in different fields never overwrite each other;
 * - `pack`: a Y.Map of the pack's own fields (id, dates, template, status history, the
 *   clearance's required list);
 * - one Y.Map per kind of review record (`review.threads`, `review.comments`,
 *   `review.suggestions`, `clearance.signOffs`): record id → Y.Map of the record's fields.
 */
export const SECTION_ORDER = 'sectionOrder';
export const SECTION_FIELDS = 'sections';
export const FRONT_SHEET = 'frontSheet';
export const PACK_FIELDS = 'pack';

export const RECORD_MAPS = {
  threads: 'review.threads',
  comments: 'review.comments',
  suggestions: 'review.suggestions',
  signOffs: 'clearance.signOffs',
} as const;
export type RecordKind = keyof typeof RECORD_MAPS;

export function sectionRootName(sectionId: string): string {
  return `section:${sectionId}`;
}

/** The Y.Map holding records of one kind (created on first use, like every top-level type). */
export function recordMap(doc: Y.Doc, kind: RecordKind): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(RECORD_MAPS[kind]);
}

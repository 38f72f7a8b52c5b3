import { openSuggestions } from '../clearance/openReview.js';
import type { Pack } from '../pack/schema.js';

/**
 * A "Final" Word export carries no review markup, so every suggested change must be accepted
 * or rejected first: otherwise the file would silently say something nobody decided. This
 * lists each one still open, with where it is (as the accessibility checker words places).
 */
export const REVIEW_EXPORT_MODES = ['final', 'markup'] as const;
export type ReviewExportMode = (typeof REVIEW_EXPORT_MODES)[number];

export const REVIEW_EXPORT_LABELS: Record<ReviewExportMode, string> = {
  final: 'Final',
  markup: 'With comments and tracked changes',
};

export interface UnsettledSuggestion {
  id: string;
  sectionId: string;
  /** `Section 2 “Risks”, paragraph 3`. */
  where: string;
  message: string;
}

const KIND_WORDS = { insert: 'Suggested insertion', delete: 'Suggested deletion', 'block-insert': 'Suggested new paragraph', 'block-delete': 'Suggested removal of a paragraph' } as const;

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

export function unsettledSuggestions(pack: Pick<Pack, 'sections'>): UnsettledSuggestion[] {
  return openSuggestions(pack).map((s) => ({
    id: s.id,
    sectionId: s.sectionId,
    where: `Section ${s.sectionIndex + 1} “${s.sectionTitle.trim() || 'Untitled section'}”, paragraph ${s.block}`,
    message: `${KIND_WORDS[s.kind]}${excerpt(s.text) ? ` “${excerpt(s.text)}”` : ''} is still open: accept or reject it before a final export.`,
  }));
}

/** One plain-English message for a refused final export (the dialog lists them one by one). */
export function unsettledMessage(list: readonly UnsettledSuggestion[]): string {
  const head = `${list.length} suggested change${list.length === 1 ? ' is' : 's are'} still open, so a final Word file cannot be made yet. Accept or reject ${list.length === 1 ? 'it' : 'them'}, or export "With comments and tracked changes".`;
  const places = list.slice(0, 10).map((u) => `${u.where}: ${u.message}`);
  const more = list.length > 10 ? [`…and ${list.length - 10} more.`] : [];
  return [head, ...places, ...more].join('\n');
}

import type { Pack } from '../pack/schema.js';
import { contentHashOf } from './contentHash.js';
import { openSuggestions, openThreadCount } from './openReview.js';
import { DECISION_LABELS, requirementStates } from './signOffState.js';

/**
 * The approval rule (issue 14): a pack may be approved only when every required sign-off has
 * cleared (cleared, or cleared with comments) the content as it is now and no suggestion is
 * still open. Open comments only warn, as do optional sign-offs not given. Pure: the status
 * change asks it before anything else (the approval confirmation and identity prompt come
 * after, and are not this module's business).
 */
export interface ApprovalCheck {
  allowed: boolean;
  /** Why approval is refused, one plain-English line each. */
  blockers: string[];
  /** What the approver should know but may go ahead with. */
  warnings: string[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function approvalCheck(pack: Pick<Pack, 'clearance' | 'review' | 'frontSheet' | 'sections'>, currentHash = contentHashOf(pack)): ApprovalCheck {
  const blockers: string[] = [];
  const warnings: string[] = [];
  for (const state of requirementStates(pack, currentHash)) {
    const { requirement: r, latest } = state;
    if (state.clears) continue;
    const need = r.required ? blockers : warnings;
    const optional = r.required ? '' : ' (optional)';
    if (!latest) need.push(`${r.title}${optional} has not signed off.`);
    else if (state.standing === 'needs-clearing-again') need.push(`${r.title}${optional} signed off an earlier version of the content: it needs clearing again.`);
    else need.push(`${r.title}${optional}: ${DECISION_LABELS[latest.decision].toLowerCase()} (${latest.by.name || 'no name given'}).`);
  }
  const suggestions = openSuggestions(pack);
  if (suggestions.length > 0) {
    const sections = [...new Set(suggestions.map((s) => `“${s.sectionTitle.trim() || 'Untitled section'}”`))];
    blockers.push(`${plural(suggestions.length, 'suggested change is', 'suggested changes are')} still open (in ${sections.join(', ')}): accept or reject ${suggestions.length === 1 ? 'it' : 'them'} first.`);
  }
  const threads = openThreadCount(pack);
  if (threads > 0) warnings.push(`${plural(threads, 'comment thread is', 'comment threads are')} still open.`);
  return { allowed: blockers.length === 0, blockers, warnings };
}

import type { Pack } from '../pack/schema.js';
import { contentHashOf } from './contentHash.js';
import { requirementStates } from './signOffState.js';
import type { SignOffKind } from './vocabulary.js';

/**
 * The consultation paragraph that ends a report's front matter, in the words councils use
 * (Sefton's, for one): "The Executive Director of Corporate Resources and Customer Services
 * (FD 1234/26) and the Chief Legal and Democratic Officer (LD 5678/26) have been consulted and
 * any comments have been incorporated in the report."
 *
 * Written from the sign-offs that cleared the content as it is now: the officers consulted
 * (finance, legal and any other) by the role they signed as, else the requirement's title,
 * with their reference. The report's own director and its lead cabinet member own the report
 * rather than being consulted on it, so they are not listed. null when nobody is to be named.
 */
const CONSULTED_KINDS: ReadonlySet<SignOffKind> = new Set(['s151', 'monitoring-officer', 'other']);

function officer(role: string, reference: string, first: boolean): string {
  const bare = role.trim().replace(/^the\s+/i, '');
  const ref = reference.trim();
  return `${first ? 'The' : 'the'} ${bare}${ref ? ` (${ref})` : ''}`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function consultationParagraph(pack: Pick<Pack, 'clearance' | 'frontSheet' | 'sections'>, currentHash?: string): string | null {
  // No sign-offs, no paragraph: and no hash of the whole report (a third of a second on the
  // 55,000-word reference pack) on every export of a pack not yet cleared.
  if (Object.keys(pack.clearance.signOffs).length === 0) return null;
  const named = requirementStates(pack, currentHash ?? contentHashOf(pack))
    .filter((s) => s.clears && CONSULTED_KINDS.has(s.requirement.kind))
    .map((s) => ({ role: s.latest!.by.role.trim() || s.requirement.title, reference: s.latest!.reference }));
  if (named.length === 0) return null;
  const list = joinList(named.map((n, i) => officer(n.role, n.reference, i === 0)));
  return `${list} ${named.length === 1 ? 'has' : 'have'} been consulted and any comments have been incorporated in the report.`;
}

import type { Pack } from '../pack/schema.js';
import type { SignOffRequirement } from './schema.js';
import { SIGN_OFF_KINDS, type SignOffKind } from './vocabulary.js';

/**
 * Changing the list of sign-offs a pack needs (issue 14, point 5: template owners change it in
 * a pack and save it as a template, which carries the list). Pure and without zod, for the
 * renderer; the back end validates the saved pack as always. Sign-offs already recorded stay in
 * the pack: a requirement taken off and put back (same id) finds its record again.
 */
export const MAX_REQUIREMENTS = 50;

export const KIND_LABELS: Record<SignOffKind, string> = {
  director: 'Director',
  s151: 'Chief Finance Officer (s151)',
  'monitoring-officer': 'Monitoring Officer (legal)',
  'lead-member': 'Lead Cabinet Member',
  other: 'Someone else',
};

export interface RequirementDraft {
  /** The existing requirement's id; undefined for one added now. */
  id?: string;
  kind: SignOffKind;
  title: string;
  required: boolean;
}

/** What is wrong with the list, in plain English, and the row it is on (-1: the whole list); or null. */
export function requirementsProblem(list: readonly RequirementDraft[]): { row: number; message: string } | null {
  if (list.length > MAX_REQUIREMENTS) return { row: -1, message: `A pack can ask for at most ${MAX_REQUIREMENTS} sign-offs.` };
  const seen = new Set<string>();
  for (const [i, r] of list.entries()) {
    const title = r.title.trim();
    if (!title) return { row: i, message: `Sign-off ${i + 1} has no name. Give it one (for example “Chief Finance Officer (s151)”), or remove it.` };
    if (title.length > 200) return { row: i, message: `The name of sign-off ${i + 1} is longer than 200 characters.` };
    if (!SIGN_OFF_KINDS.includes(r.kind)) return { row: i, message: `Sign-off ${i + 1} has an unknown kind.` };
    const key = title.toLocaleLowerCase('en-GB');
    if (seen.has(key)) return { row: i, message: `“${title}” is in the list twice. Remove one of them.` };
    seen.add(key);
  }
  return null;
}

/** A short id from the kind, unique in the list ("s151", "other-2"). */
function freshId(kind: SignOffKind, taken: Set<string>): string {
  let id: string = kind;
  for (let n = 2; taken.has(id); n++) id = `${kind}-${n}`;
  taken.add(id);
  return id;
}

/** The pack with the new list; throws an Error with the problem if the list is not valid. */
export function setRequirements(pack: Pack, list: readonly RequirementDraft[]): Pack {
  const problem = requirementsProblem(list);
  if (problem) throw new Error(problem.message);
  // Ids of recorded sign-offs are kept out of new ids, so a new requirement never inherits an
  // old record.
  const taken = new Set<string>([...list.flatMap((r) => (r.id ? [r.id] : [])), ...Object.values(pack.clearance.signOffs).map((s) => s.requirementId)]);
  const required: SignOffRequirement[] = list.map((r) => ({ id: r.id ?? freshId(r.kind, taken), kind: r.kind, title: r.title.trim(), required: r.required }));
  return { ...pack, clearance: { ...pack.clearance, required } };
}

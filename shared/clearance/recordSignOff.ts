import { HostError } from '../api/errors.js';
import { newId } from '../pack/defaults.js';
import type { Pack } from '../pack/schema.js';
import type { Person } from '../review/schema.js';
import { contentHashOf } from './contentHash.js';
import type { SignOff } from './schema.js';
import type { SignOffDecision } from './vocabulary.js';

export interface SignOffInput {
  requirementId: string;
  by: Person;
  decision: SignOffDecision;
  reference: string;
  comment: string;
}

/** Plain-English problem with a sign-off about to be recorded, or null. */
export function signOffProblem(pack: Pick<Pack, 'clearance'>, input: SignOffInput): string | null {
  if (!pack.clearance.required.some((r) => r.id === input.requirementId)) return 'This pack does not list that sign-off.';
  if (!input.by.name.trim()) return 'Give the name of the officer signing off.';
  if (input.decision !== 'cleared' && !input.comment.trim()) {
    return input.decision === 'not-cleared' ? 'Say why the report is not cleared.' : 'Give the comments the report is cleared with.';
  }
  if (input.reference.length > 100) return 'The reference is too long (100 characters at most).';
  return null;
}

/**
 * A new pack with the sign-off recorded against the content as it is now (its hash) and the
 * front sheet's version. Earlier sign-offs for the same requirement are kept as its history;
 * the latest counts. The input is never modified.
 */
export function recordSignOff(pack: Pack, input: SignOffInput, now: Date = new Date(), id = newId()): Pack {
  const problem = signOffProblem(pack, input);
  if (problem) throw new HostError('INVALID_ARGUMENT', problem);
  const signOff: SignOff = {
    id,
    requirementId: input.requirementId,
    by: { name: input.by.name.trim().slice(0, 200), role: input.by.role.trim().slice(0, 200) },
    decision: input.decision,
    reference: input.reference.trim(),
    comment: input.comment.trim().slice(0, 20_000),
    at: now.toISOString(),
    packVersion: pack.frontSheet.version.trim().slice(0, 40),
    contentHash: contentHashOf(pack),
  };
  return { ...pack, clearance: { ...pack.clearance, signOffs: { ...pack.clearance.signOffs, [id]: signOff } } };
}

import { HostError } from '../api/errors.js';
import type { Pack, StatusChange } from './schema.js';
import { STATUS_LABELS, type PackStatus } from './vocabulary.js';

/**
 * The status path of a pack: draft → for review → approved, and back to draft from either
 * later step. Every change is recorded in the pack (statusHistory) with who and when, so the
 * file itself says who sent it for review and who approved it.
 */
export const STATUS_TRANSITIONS: Readonly<Record<PackStatus, readonly PackStatus[]>> = {
  draft: ['for-review'],
  'for-review': ['approved', 'draft'],
  approved: ['draft'],
};

/** The button label for moving to a status. */
export const STATUS_ACTION_LABELS: Record<PackStatus, string> = {
  draft: 'Set back to draft',
  'for-review': 'Send for review',
  approved: 'Approve',
};

export function canChangeStatus(from: PackStatus, to: PackStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: PackStatus): readonly PackStatus[] {
  return STATUS_TRANSITIONS[from];
}

/** Approved packs are frozen: they open read-only until someone sets them back to draft. */
export function isReadOnlyStatus(status: PackStatus): boolean {
  return status === 'approved';
}

export interface StatusActor {
  /** The author name from settings; may be empty when the user has not set one. */
  name: string;
  role?: string;
}

/** Plain-English reason a change is not allowed, or null when it is. */
export function statusChangeProblem(from: PackStatus, to: PackStatus): string | null {
  if (from === to) return `The pack is already ${STATUS_LABELS[to].toLowerCase()}.`;
  if (canChangeStatus(from, to)) return null;
  if (from === 'draft' && to === 'approved') return 'A draft must be sent for review before it can be approved.';
  return `A pack that is ${STATUS_LABELS[from].toLowerCase()} cannot go to ${STATUS_LABELS[to].toLowerCase()}; set it back to draft first.`;
}

/**
 * Move a pack along the status path, returning a new pack with the change recorded.
 * Refuses (INVALID_ARGUMENT, plain English) a step that is not on the path; the input is
 * never modified.
 */
export function changeStatus(pack: Pack, to: PackStatus, actor: StatusActor, now: Date = new Date()): Pack {
  const from = pack.frontSheet.status;
  const problem = statusChangeProblem(from, to);
  if (problem) throw new HostError('INVALID_ARGUMENT', problem);
  const change: StatusChange = { from, to, at: now.toISOString(), by: actor.name.trim().slice(0, 200) };
  const role = actor.role?.trim();
  if (role) change.role = role.slice(0, 200);
  return {
    ...pack,
    frontSheet: { ...pack.frontSheet, status: to },
    statusHistory: [...(pack.statusHistory ?? []), change],
  };
}

/** The most recent change, for "Approved by … on …" lines. */
export function lastStatusChange(pack: Pack): StatusChange | undefined {
  const history = pack.statusHistory;
  return history && history.length > 0 ? history[history.length - 1] : undefined;
}

/** How a change reads in the UI: "Approved by Sam Patel (Head of Policy)". */
export function describeStatusChange(change: StatusChange): string {
  const who = change.by ? ` by ${change.by}${change.role ? ` (${change.role})` : ''}` : '';
  const what = change.to === 'draft' ? 'Set back to draft' : change.to === 'approved' ? 'Approved' : 'Sent for review';
  return `${what}${who}`;
}

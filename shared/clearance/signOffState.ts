import type { Pack } from '../pack/schema.js';
import type { SignOff, SignOffRequirement } from './schema.js';
import type { SignOffDecision } from './vocabulary.js';

/**
 * Where each sign-off a pack needs stands. The latest sign-off given for a requirement is the
 * one that counts (an officer can clear again, or withdraw by not clearing); it is current
 * when the content it cleared is the content now, else it "needs clearing again".
 */
export type SignOffStanding = 'awaiting' | 'current' | 'needs-clearing-again';

export interface RequirementState {
  requirement: SignOffRequirement;
  latest: SignOff | null;
  /** Every sign-off given for it, oldest first (the history the panel shows). */
  history: SignOff[];
  standing: SignOffStanding;
  /** Given, current and a clearing decision: what approval waits for. */
  clears: boolean;
}

export const DECISION_LABELS: Record<SignOffDecision, string> = {
  cleared: 'Cleared',
  'cleared-with-comments': 'Cleared with comments',
  'not-cleared': 'Not cleared',
};

export const STANDING_LABELS: Record<SignOffStanding, string> = {
  awaiting: 'Awaiting sign-off',
  current: 'Current',
  'needs-clearing-again': 'Needs clearing again',
};

export function isClearingDecision(decision: SignOffDecision): boolean {
  return decision === 'cleared' || decision === 'cleared-with-comments';
}

function byTime(a: SignOff, b: SignOff): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function requirementStates(pack: Pick<Pack, 'clearance'>, currentHash: string): RequirementState[] {
  const all = Object.values(pack.clearance.signOffs);
  return pack.clearance.required.map((requirement) => {
    const history = all.filter((s) => s.requirementId === requirement.id).sort(byTime);
    const latest = history[history.length - 1] ?? null;
    const standing: SignOffStanding = !latest ? 'awaiting' : latest.contentHash === currentHash ? 'current' : 'needs-clearing-again';
    return { requirement, latest, history, standing, clears: standing === 'current' && latest !== null && isClearingDecision(latest.decision) };
  });
}

/** Sign-offs given for a requirement the pack no longer lists (the template's list changed). */
export function orphanSignOffs(pack: Pick<Pack, 'clearance'>): SignOff[] {
  const ids = new Set(pack.clearance.required.map((r) => r.id));
  return Object.values(pack.clearance.signOffs).filter((s) => !ids.has(s.requirementId)).sort(byTime);
}

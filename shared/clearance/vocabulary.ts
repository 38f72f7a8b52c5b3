import type { Clearance } from './schema.js';

/** The fixed words of clearance, with no zod (schema.ts builds its enums from these). */

/**
 * Who clears a report (shared/docs/domain.md, "Clearance before a meeting"). The kind lets the
 * export word the consultation paragraph (finance "FD" and legal "LD" references, as Sefton's).
 */
export const SIGN_OFF_KINDS = ['s151', 'monitoring-officer', 'director', 'lead-member', 'other'] as const;

export const SIGN_OFF_DECISIONS = ['cleared', 'cleared-with-comments', 'not-cleared'] as const;

export type SignOffKind = (typeof SIGN_OFF_KINDS)[number];
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];

export function emptyClearance(): Clearance {
  return { required: [], signOffs: {} };
}

/** The usual clearance of a cabinet report, in the order it is sought; templates start from it. */
export const STANDARD_SIGN_OFFS = [
  { id: 'director', kind: 'director', title: 'Director', required: true },
  { id: 's151', kind: 's151', title: 'Chief Finance Officer (s151)', required: true },
  { id: 'monitoring-officer', kind: 'monitoring-officer', title: 'Monitoring Officer', required: true },
  { id: 'lead-member', kind: 'lead-member', title: 'Lead Cabinet Member', required: true },
] as const satisfies ReadonlyArray<{ id: string; kind: SignOffKind; title: string; required: boolean }>;

import { z } from 'zod';
import { personSchema } from '../review/schema.js';
import { SIGN_OFF_DECISIONS, SIGN_OFF_KINDS } from './vocabulary.js';

/**
 * Clearance stored in a pack (format v2): the sign-offs the pack needs (set by its template,
 * changeable by template owners) and the sign-offs given. Sign-offs are a record keyed by id,
 * like the review data, so they can live in a Yjs map unchanged.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const recordId = z.string().min(1).max(100);


export const signOffRequirementSchema = z.object({
  id: recordId,
  kind: z.enum(SIGN_OFF_KINDS),
  /** As shown and exported, e.g. "Chief Finance Officer (s151)". */
  title: z.string().trim().min(1).max(200),
  /** false: consulted if available (equalities, climate); approval does not wait for it. */
  required: z.boolean(),
});


export const signOffSchema = z.object({
  id: recordId,
  requirementId: recordId,
  by: personSchema,
  decision: z.enum(SIGN_OFF_DECISIONS),
  /** The clearing officer's reference, e.g. "FD 1234/26". */
  reference: z.string().max(100),
  comment: z.string().max(20_000),
  at: isoDateTime,
  /** The front sheet's version when cleared. */
  packVersion: z.string().max(40),
  /** A hash of the content it cleared: a later change of content makes it "needs clearing again". */
  contentHash: z.string().min(1).max(200),
});

export const clearanceSchema = z.object({
  required: z.array(signOffRequirementSchema).max(50),
  signOffs: z.record(recordId, signOffSchema),
});

export type SignOffRequirement = z.infer<typeof signOffRequirementSchema>;
export type SignOff = z.infer<typeof signOffSchema>;
export type Clearance = z.infer<typeof clearanceSchema>;

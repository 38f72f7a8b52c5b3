import { z } from 'zod';
import { GAMECHANGER_IDS } from '../gamechangers/index.js';
import { serializedEditorStateSchema } from '../richtext/serialized.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from './format.js';
import { CLASSIFICATIONS, SCHEDULE_12A_PARAGRAPHS, SECTION_KINDS, STATUSES } from './vocabulary.js';
import { reviewSchema } from '../review/schema.js';
import { clearanceSchema } from '../clearance/schema.js';
import { emptyReview } from '../review/vocabulary.js';
import { emptyClearance } from '../clearance/vocabulary.js';

/**
 * Pack file format v2 (v1 files are migrated on reading, see migrations.ts). The schema is
 * structural: it accepts incomplete drafts (an empty meeting date, no contact officer yet)
 * because a member must always be able to save. Completeness is checked separately by
 * frontSheetRules.ts and shown in the form.
 *
 * v2 added: review data (comment threads, comments, suggestions), clearance (required
 * sign-offs and sign-offs given), and per section its kind (body or appendix) and whether it
 * is exempt from publication with its Schedule 12A paragraph.
 */
const isoDateTime = z.iso.datetime({ offset: true });
/** A meeting date is either not yet set ("") or a calendar date YYYY-MM-DD. */
const meetingDate = z.union([z.literal(''), z.iso.date()]);

const shortText = (max: number) => z.string().max(max);

export const frontSheetSchema = z.object({
  title: shortText(300),
  meeting: z.object({ name: shortText(200), date: meetingDate }),
  reportOf: shortText(200),
  leadCabinetMember: shortText(200),
  contactOfficer: z.object({ name: shortText(200), phone: shortText(60), email: shortText(254) }),
  wardsAffected: z.array(shortText(100)).max(100),
  keyDecision: z.object({ isKeyDecision: z.boolean(), forwardPlanRef: shortText(100) }),
  access: z.object({
    exempt: z.boolean(),
    schedule12aParagraph: z.union([z.literal(SCHEDULE_12A_PARAGRAPHS), z.null()]),
  }),
  classification: z.enum(CLASSIFICATIONS),
  status: z.enum(STATUSES),
  version: shortText(40),
});

export const sectionSchema = z.object({
  id: z.string().min(1).max(100),
  title: shortText(300),
  gamechangerId: z.enum(GAMECHANGER_IDS).optional(),
  guidance: shortText(20_000),
  wordLimit: z.number().int().positive().max(100_000).optional(),
  /** Absent means 'body'. Appendices are lettered A, B, … in the order they appear. */
  kind: z.enum(SECTION_KINDS).optional(),
  /**
   * Set when this part is exempt information (Schedule 12A, Local Government Act 1972): it is
   * withheld from the public version and marked NOT FOR PUBLICATION in the full one. Absent
   * means the part is as public as the report (the front sheet's access says whether the
   * whole report is exempt).
   */
  exempt: z.object({ paragraph: z.union(SCHEDULE_12A_PARAGRAPHS.map((n) => z.literal(n))) }).optional(),
  content: serializedEditorStateSchema,
});

export const templateRefSchema = z.object({
  id: z.string().min(1).max(200),
  name: shortText(300),
  version: shortText(40),
});

/** One step on the status path, recorded in the pack (see status.ts). */
export const statusChangeSchema = z.object({
  from: z.enum(STATUSES),
  to: z.enum(STATUSES),
  at: isoDateTime,
  /** The author name from settings at the time ("" when none was set). */
  by: shortText(200),
  role: shortText(200).optional(),
});

export const packSchema = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  id: z.string().min(1).max(100),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  frontSheet: frontSheetSchema,
  sections: z.array(sectionSchema).max(500),
  template: templateRefSchema.optional(),
  /** Status changes, oldest first. Optional so packs written before it existed stay valid v1. */
  statusHistory: z.array(statusChangeSchema).max(10_000).optional(),
  review: reviewSchema.default(emptyReview),
  clearance: clearanceSchema.default(emptyClearance),
});

export type FrontSheet = z.infer<typeof frontSheetSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Pack = z.infer<typeof packSchema>;
export type StatusChange = z.infer<typeof statusChangeSchema>;

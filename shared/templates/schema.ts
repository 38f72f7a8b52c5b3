import { z } from 'zod';
import { GAMECHANGER_IDS } from '../gamechangers/index.js';
import { frontSheetSchema, sectionSchema } from '../pack/schema.js';
import { signOffRequirementSchema } from '../clearance/schema.js';
import { serializedEditorStateSchema } from '../richtext/serialized.js';
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION } from './format.js';
import { TEMPLATE_VERSION_PATTERN } from './version.js';

/**
 * Template file format v2 (v1 files are migrated on reading). A template is the structure a
 * pack starts from: default front-sheet values, a list of sections, each with guidance prompts
 * for the author and, optionally, starter content (Lexical JSON) copied into the new pack, and
 * (since v2) the sign-offs its packs need and appendix / exempt sections.
 */

/** The front-sheet values a template may preset. The title always comes from the user. */
export const frontSheetDefaultsSchema = frontSheetSchema.omit({ title: true }).partial();

export const templateSectionSchema = z.object({
  title: z.string().trim().min(1, 'a section needs a title').max(300),
  gamechangerId: z.enum(GAMECHANGER_IDS).optional(),
  /** One prompt per line of the guidance panel: questions the author should answer. */
  guidance: z.array(z.string().max(2000)).max(50).default([]),
  wordLimit: z.number().int().positive().max(100_000).optional(),
  /** Text the new pack's section starts with (a house-style paragraph, a table to fill in). */
  starterContent: serializedEditorStateSchema.optional(),
  /** v2: an appendix section, and whether it is exempt (as in a pack's section). */
  kind: sectionSchema.shape.kind,
  exempt: sectionSchema.shape.exempt,
});

export const templateIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'use letters, digits, dots, colons, dashes or underscores only');

export const templateSchema = z.object({
  format: z.literal(TEMPLATE_FORMAT),
  formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
  /** Stable across versions of the same template, so publishing can find the older copy. */
  id: templateIdSchema,
  name: z.string().trim().min(1, 'a template needs a name').max(300),
  description: z.string().max(2000).default(''),
  organisation: z.string().max(200).default(''),
  author: z.string().max(200).default(''),
  /** The template's own version ("1.2"), recorded in every pack made from it. */
  version: z.string().regex(TEMPLATE_VERSION_PATTERN, 'must be a version number such as 1.0 or 2.3.1'),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  frontSheet: frontSheetDefaultsSchema.default({}),
  sections: z.array(templateSectionSchema).max(200),
  /** v2: the sign-offs every pack made from this template needs, in the order they are sought. */
  signOffs: z.array(signOffRequirementSchema).max(50).default([]),
});

export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateSection = z.infer<typeof templateSectionSchema>;
export type FrontSheetDefaults = z.infer<typeof frontSheetDefaultsSchema>;

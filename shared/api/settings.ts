import { z } from 'zod';
import { brandingSchema, defaultBranding } from '../branding/schema.js';

/** User settings, stored as settings.json in the app's data folder. */
export const settingsSchema = z.object({
  /** Absolute path of the folder holding the user's packs. */
  workspaceDir: z.string().min(1).max(1000),
  /** Shown on status changes and in document properties. */
  authorName: z.string().max(200).default(''),
  /** The author's role, recorded with their name on status changes ("Policy officer"). */
  authorRole: z.string().max(200).optional(),
  /** Folder of templates shared by the council (often a network drive); '' when not set. */
  sharedTemplatesDir: z.string().max(1000).default(''),
  /** House style of exported Word documents (council name, logo, font, accent colour). */
  branding: brandingSchema.default(defaultBranding),
});

export type Settings = z.infer<typeof settingsSchema>;

/**
 * A change to some settings. Built without defaults on purpose: zod's .partial() keeps them,
 * so a patch of one field would silently reset the others (author name, shared templates
 * folder, branding) to their defaults.
 */
export const settingsPatchSchema = z.object({
  workspaceDir: settingsSchema.shape.workspaceDir.optional(),
  authorName: settingsSchema.shape.authorName.unwrap().optional(),
  authorRole: settingsSchema.shape.authorRole,
  sharedTemplatesDir: settingsSchema.shape.sharedTemplatesDir.unwrap().optional(),
  branding: brandingSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

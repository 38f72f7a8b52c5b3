import { z } from 'zod';
import { brandingSchema, defaultBranding } from '../branding/schema.js';
import { ZOOM_RANGE } from '../zoom/zoomSteps.js';

/** Most packs whose last-edited section is remembered; the oldest are forgotten first. */
export const MAX_REMEMBERED_SECTIONS = 100;


/**
 * How the screens were left (issue 13): whether the guidance panel is hidden, the template the
 * last new pack used, and the section each recent pack was last edited in. Kept with the
 * settings so they survive the browser host's new address on each launch; an object, so the
 * settings screen leaves it alone.
 */
export const screenPrefsSchema = z.object({
  guidanceHidden: z.boolean().default(false),
  lastTemplate: z.object({ source: z.enum(['built-in', 'user', 'shared']), file: z.string().min(1).max(1000) }).optional(),
  /** Pack id → section id, newest last. */
  lastSections: z
    .record(z.string().max(100), z.string().max(200))
    .refine((r) => Object.keys(r).length <= MAX_REMEMBERED_SECTIONS, { message: `at most ${MAX_REMEMBERED_SECTIONS} packs` })
    .default({}),
  /** The writing area's zoom, in per cent (Ctrl/Cmd + plus, minus, 0). */
  zoom: z.number().int().min(ZOOM_RANGE.min).max(ZOOM_RANGE.max).optional(),
});
export type ScreenPrefs = z.infer<typeof screenPrefsSchema>;

/** User settings, stored as settings.json in the app's data folder. */
export const settingsSchema = z.object({
  /** Absolute path of the folder holding the user's packs. */
  workspaceDir: z.string().min(1).max(1000),
  /** Shown on status changes and in document properties. */
  authorName: z.string().max(200).default(''),
  /** Version history retention: keep every snapshot this many hours (issue 6). */
  retainEveryVersionForHours: z.number().int().min(1).max(24 * 365).default(24).describe('Version history keeps every saved version from this many hours back.'),
  /** …then one snapshot a day for this many days. Named versions are always kept. */
  retainDailyVersionsForDays: z.number().int().min(0).max(3650).default(30).describe('Older versions: one a day is kept for this many days. Versions you name are always kept.'),
  /** …and never more than this many unnamed versions of one pack (issue 17): the oldest go first. */
  retainAtMostVersions: z.number().int().min(5).max(10_000).default(200).describe('Version history keeps at most this many versions of each pack; the oldest go first. Versions you name are always kept.'),
  /** The author's role, recorded with their name on status changes ("Policy officer"). */
  authorRole: z.string().max(200).optional(),
  /** Folder of templates shared by the council (often a network drive); '' when not set. */
  sharedTemplatesDir: z.string().max(1000).default(''),
  /** House style of exported Word documents (council name, logo, font, accent colour). */
  branding: brandingSchema.default(defaultBranding),
  screenPrefs: screenPrefsSchema.optional(),
  /** The team server last signed in to (issue 18); the session itself is kept by the back end only. */
  teamServer: z.object({ address: z.string().max(300), name: z.string().max(200) }).optional(),
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
  screenPrefs: screenPrefsSchema.optional(),
  teamServer: settingsSchema.shape.teamServer,
  retainEveryVersionForHours: settingsSchema.shape.retainEveryVersionForHours.unwrap().optional(),
  retainDailyVersionsForDays: settingsSchema.shape.retainDailyVersionsForDays.unwrap().optional(),
  retainAtMostVersions: settingsSchema.shape.retainAtMostVersions.unwrap().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

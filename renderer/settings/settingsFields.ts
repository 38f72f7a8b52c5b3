import { z } from 'zod';
import { settingsSchema, type Settings } from '../../shared/api/settings.js';

/**
 * Which settings the screen shows. The core ones have their own controls; settings added
 * by other parts of the app (branding profile, history retention, …) are discovered from the
 * zod schema, so their sections appear exactly when those settings exist.
 */
export const CORE_SETTINGS = ['workspaceDir', 'sharedTemplatesDir', 'authorName', 'authorRole'] as const;

export interface ExtraField {
  key: string;
  label: string;
  description?: string;
  kind: 'text' | 'number' | 'boolean' | 'choice';
  choices?: string[];
  min?: number;
  max?: number;
}

export interface ExtraGroup {
  id: 'branding' | 'history' | 'other';
  title: string;
  fields: ExtraField[];
}

const GROUPS: Array<{ id: ExtraGroup['id']; title: string; test: RegExp }> = [
  { id: 'branding', title: 'Branding', test: /brand/i },
  { id: 'history', title: 'History', test: /history|retention|retain/i },
  { id: 'other', title: 'Other settings', test: /.*/ },
];

/** "historyRetentionDays" → "History retention days". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface JsonSchemaProp {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchemaProp[];
}

function fieldOf(key: string, prop: JsonSchemaProp): ExtraField | null {
  const variant = prop.anyOf?.find((p) => p.type !== 'null') ?? prop;
  const base = { key, label: labelOf(key), description: prop.description ?? variant.description };
  if (Array.isArray(variant.enum) && variant.enum.every((v) => typeof v === 'string')) return { ...base, kind: 'choice', choices: variant.enum as string[] };
  const type = Array.isArray(variant.type) ? variant.type.find((t) => t !== 'null') : variant.type;
  if (type === 'string') return { ...base, kind: 'text' };
  if (type === 'number' || type === 'integer') return { ...base, kind: 'number', min: variant.minimum, max: variant.maximum };
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  return null; // objects and lists need their own screen
}

/** The settings beyond the core ones, grouped; empty groups are left out. */
export function extraSettingGroups(schema: z.ZodType = settingsSchema): ExtraGroup[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchemaProp> };
  const groups = GROUPS.map((g) => ({ id: g.id, title: g.title, fields: [] as ExtraField[] }));
  for (const [key, prop] of Object.entries(json.properties ?? {})) {
    if ((CORE_SETTINGS as readonly string[]).includes(key)) continue;
    const field = fieldOf(key, prop);
    if (!field) continue;
    const index = GROUPS.findIndex((g) => g.test.test(key));
    groups[index]!.fields.push(field);
  }
  return groups.filter((g) => g.fields.length > 0);
}

/** Absolute on Windows ("C:\\…", "\\\\server\\share") or POSIX ("/…"). */
export function isAbsoluteFolder(value: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value.trim());
}

/** Values are the fields shown; objects (the branding profile, edited in the export dialog) pass through unchanged. */
export type SettingsForm = Record<string, string | number | boolean | object | undefined>;

/** Plain-English problems with the form, by field; empty when it can be saved. */
export function settingsProblems(form: SettingsForm): Record<string, string> {
  const problems: Record<string, string> = {};
  const workspace = String(form.workspaceDir ?? '').trim();
  if (!workspace) problems.workspaceDir = 'Enter the folder where your packs are kept.';
  else if (!isAbsoluteFolder(workspace)) problems.workspaceDir = 'Enter the full path of the folder, for example /home/you/Briefing Packs or C:\\Users\\you\\Briefing Packs.';
  const templates = String(form.sharedTemplatesDir ?? '').trim();
  if (templates && !isAbsoluteFolder(templates)) problems.sharedTemplatesDir = 'Enter the full path of the shared templates folder, or leave it empty.';
  const parsed = settingsSchema.safeParse(toPatch(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key && !problems[key]) problems[key] = `${labelOf(key)}: ${issue.message}.`;
    }
  }
  return problems;
}

/**
 * The form as a settings patch: text trimmed. An emptied optional folder or role is sent as
 * "" (which means "not set"), because a missing key would leave the old value in place.
 */
export function toPatch(form: SettingsForm): Partial<Settings> & Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (typeof value === 'string') patch[key] = value.trim();
    else if (value !== undefined) patch[key] = value;
  }
  return patch;
}

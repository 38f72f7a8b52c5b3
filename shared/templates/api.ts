import { z } from 'zod';
import type { HostErrorData } from '../api/errors.js';
import type { GamechangerId } from '../gamechangers/index.js';
import { TEMPLATE_EXTENSION } from './format.js';
import { TEMPLATE_VERSION_PATTERN } from './version.js';

/**
 * The template part of the host contract: argument schemas and result types used by the
 * entries in shared/api/contract.ts. Templates are addressed by source and plain file name,
 * never by path, so the renderer cannot reach outside the three template folders.
 */
export const TEMPLATE_SOURCES = ['built-in', 'user', 'shared'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

export const TEMPLATE_SOURCE_LABELS: Record<TemplateSource, string> = {
  'built-in': 'Built in',
  user: 'Your templates',
  shared: 'Shared',
};

export const templateFileName = z
  .string()
  .min(TEMPLATE_EXTENSION.length + 1)
  .max(255)
  .refine((name) => name.endsWith(TEMPLATE_EXTENSION), { message: `must be a ${TEMPLATE_EXTENSION} file name` })
  .refine((name) => !/[\\/\0]/.test(name) && !name.startsWith('.'), { message: 'must be a plain file name, without folders' });

export const templateRefArgs = z.object({ source: z.enum(TEMPLATE_SOURCES), file: templateFileName }).strict();
export const userTemplateArgs = z.object({ file: templateFileName }).strict();

/** What to do when a template with the same name and version is already in "Your templates". */
export const CONFLICT_CHOICES = ['ask', 'replace', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export const templateVersionArg = z.string().trim().regex(TEMPLATE_VERSION_PATTERN, 'must be a version number such as 1.0 or 2.3.1');

/**
 * Imported text may be larger than a template is allowed to be: the parser refuses it with
 * a message naming the file, rather than the contract refusing it with a generic one.
 */
export const MAX_IMPORT_TEXT_CHARS = 40 * 1024 * 1024;

export interface TemplateSectionSummary {
  title: string;
  gamechangerId?: GamechangerId;
  guidance: string[];
  wordLimit?: number;
  hasStarterContent: boolean;
}

export interface TemplateSummary {
  source: TemplateSource;
  file: string;
  id: string;
  name: string;
  description: string;
  organisation: string;
  author: string;
  version: string;
  updatedAt?: string;
  sections: TemplateSectionSummary[];
  /** Built-in and shared templates cannot be changed or deleted from the app. */
  readOnly: boolean;
}

/** A template file that could not be read: listed with its reason, never rewritten. */
export interface BrokenTemplate {
  source: TemplateSource;
  file: string;
  error: HostErrorData;
}

export interface TemplateSourceStatus {
  source: TemplateSource;
  /** The folder, or null for the shared folder when none is set. */
  dir: string | null;
  state: 'ok' | 'not-set' | 'unavailable';
  /** Why the folder is unavailable, in plain English. */
  message?: string;
}

export interface TemplateGallery {
  templates: TemplateSummary[];
  broken: BrokenTemplate[];
  sources: TemplateSourceStatus[];
}

export type TemplateWriteOutcome = { status: 'saved'; template: TemplateSummary } | { status: 'conflict'; existing: TemplateSummary };

export interface ExportedTemplate {
  fileName: string;
  text: string;
}

export interface PublishedTemplate {
  template: TemplateSummary;
  /** The version it replaced in the shared folder, or null if it was new there. */
  replacedVersion: string | null;
}

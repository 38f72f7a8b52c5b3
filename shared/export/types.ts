import { z } from 'zod';
import { PUBLICATION_VERSIONS } from '../publication/versions.js';
import { REVIEW_EXPORT_MODES } from './finalCheck.js';

/**
 * What the Word export and its accessibility checker exchange with the renderer and the CLI.
 * The exporter and checker themselves live in electron/export (pure Node).
 */

export const ACCESSIBILITY_RULES = {
  'missing-title': 'Document title',
  'image-alt-text': 'Image alt text',
  'table-header-row': 'Table header row',
  'table-merged-cells': 'Merged table cells',
  'heading-skipped-level': 'Heading levels',
  'heading-empty': 'Empty heading',
  'link-text': 'Link text',
  'underline-not-link': 'Underlined text',
  'all-caps': 'Capital letters',
  'font-size': 'Font size',
  'colour-contrast': 'Colour contrast',
} as const;

export type AccessibilityRule = keyof typeof ACCESSIBILITY_RULES;
export type Severity = 'error' | 'warning';

export interface AccessibilityProblem {
  rule: AccessibilityRule;
  severity: Severity;
  /** Plain-English place, e.g. `Section 3 “Local angle”, paragraph 12`. */
  where: string;
  /** The section it is in (absent for front sheet and house-style problems). */
  sectionId?: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

export interface AccessibilityReport {
  problems: AccessibilityProblem[];
  errors: number;
  warnings: number;
}

/** Something the exporter could not map faithfully (e.g. a node type it does not know). */
export interface ExportNotice {
  where: string;
  message: string;
}

export const TOC_PAGE_NUMBER_WORD_LIMIT = 20_000;

export const TOC_MODES = ['auto', 'always', 'never'] as const;

export const exportOptionsSchema = z
  .object({
    /** Table of contents after the front sheet: `auto` adds one when there are at least `tocMinSections` sections. */
    tableOfContents: z.enum(TOC_MODES).default('auto'),
    tocMinSections: z.number().int().min(1).max(500).default(4),
    /**
     * Lay out the pages at export to write the contents' page numbers (about a second per 10,000
     * words). `auto` does it up to TOC_PAGE_NUMBER_WORD_LIMIT words; beyond that the numbers are
     * left for Word, which updates the contents when the document opens.
     */
    tocPageNumbers: z.enum(['auto', 'always', 'never']).default('auto'),
    /**
     * Which version of a report with exempt information: 'full' (everything, exempt parts
     * marked NOT FOR PUBLICATION) or 'public' (exempt parts withheld, each replaced by its
     * notice). The same for a report with no exempt information.
     */
    version: z.enum(PUBLICATION_VERSIONS).default('full'),
    /**
     * 'final': no comments, and every suggested change must be settled first (finalCheck.ts);
     * 'markup': the comments (with replies and resolved state) as Word comments and the
     * suggestions as tracked changes (w:ins / w:del) Word's Review tab accepts or rejects.
     */
    review: z.enum(REVIEW_EXPORT_MODES).default('final'),
  })
  .strict();

export type ExportOptions = z.infer<typeof exportOptionsSchema>;
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;

export function defaultExportOptions(): ExportOptions {
  return exportOptionsSchema.parse({});
}

/** Result of exporting from the app: saved to a path (Electron), handed over as bytes (browser), or cancelled. */
export type ExportResult =
  | { kind: 'saved'; path: string; bytes: number; notices: ExportNotice[]; report: AccessibilityReport }
  | { kind: 'download'; fileName: string; base64: string; bytes: number; notices: ExportNotice[]; report: AccessibilityReport }
  | { kind: 'cancelled' };

import type { ExportOptionsInput } from '../../shared/export/types.js';
import type { Pack } from '../../shared/pack/schema.js';
import { accessStatus } from '../../shared/pack/parts.js';
import { PUBLICATION_VERSION_LABELS } from '../../shared/publication/versions.js';
import { REVIEW_EXPORT_LABELS } from '../../shared/export/finalCheck.js';
import { openSuggestions } from '../../shared/clearance/openReview.js';
import { openThreadCount } from '../../shared/clearance/openReview.js';

/** What the export dialog makes: a Word file, a PDF, or a print-out (the same pages as the PDF). */
export type ExportFormat = 'docx' | 'pdf' | 'print';

export const FORMAT_TITLES: Record<ExportFormat, string> = { docx: 'Export to Word', pdf: 'Export to PDF', print: 'Print' };
export const FORMAT_NOUNS: Record<ExportFormat, string> = { docx: 'the Word file', pdf: 'the PDF', print: 'the pages to print' };

/**
 * The export dialog's options, as a list: each is a labelled choice over one field of the
 * export options, shown when it applies to the pack. Other features add theirs here (for
 * example "With comments and tracked changes" / "Final").
 */
export interface ExportOptionField {
  key: keyof ExportOptionsInput;
  label: string;
  hint?: (pack: Pack) => string | undefined;
  choices: ReadonlyArray<readonly [string, string]>;
  initial: (pack: Pack) => string;
  appliesTo: (pack: Pack, format: ExportFormat) => boolean;
}

export const EXPORT_OPTION_FIELDS: ExportOptionField[] = [
  {
    key: 'version',
    label: 'Version',
    hint: (pack) => {
      const status = accessStatus(pack);
      return status.kind === 'exempt'
        ? 'This report is exempt as a whole: the public version is its front sheet and the notice only.'
        : 'The public version leaves out every exempt part and puts its Schedule 12A notice in its place.';
    },
    choices: [
      ['full', PUBLICATION_VERSION_LABELS.full],
      ['public', PUBLICATION_VERSION_LABELS.public],
    ],
    initial: () => 'full',
    appliesTo: (pack) => accessStatus(pack).kind !== 'public',
  },
  {
    key: 'review',
    label: 'Comments and changes',
    hint: () => 'With comments and tracked changes: the comments (with replies, resolved or not) and the suggested changes, which Word’s Review tab can accept or reject; for the full version only. Final: no comments, and every suggested change settled first.',
    choices: [
      ['final', REVIEW_EXPORT_LABELS.final],
      ['markup', REVIEW_EXPORT_LABELS.markup],
    ],
    // A pack still under review goes out for review; a settled one as final.
    initial: (pack) => (openSuggestions(pack).length > 0 || openThreadCount(pack) > 0 ? 'markup' : 'final'),
    appliesTo: (_pack, format) => format === 'docx',
  },
  {
    key: 'tableOfContents',
    label: 'Table of contents',
    choices: [
      ['auto', 'Automatic (when the pack has 4 or more sections)'],
      ['always', 'Always'],
      ['never', 'Never'],
    ],
    initial: () => 'auto',
    appliesTo: () => true,
  },
];

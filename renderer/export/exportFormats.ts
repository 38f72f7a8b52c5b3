import type { ExportOptionsInput } from '../../shared/export/types.js';
import type { Pack } from '../../shared/pack/schema.js';
import { accessStatus } from '../../shared/pack/parts.js';
import { PUBLICATION_VERSION_LABELS } from '../../shared/publication/versions.js';

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

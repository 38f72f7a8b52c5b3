import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { FrontSheet } from '../../shared/pack/schema.js';
import { STYLE_IDS } from './houseStyle.js';

/** The protective marking as printed: capitals, e.g. OFFICIAL-SENSITIVE. */
export function markingText(sheet: FrontSheet): string {
  return sheet.classification.trim().toUpperCase();
}

/**
 * What is printed at the top and bottom of the pages of one part of a document: the marking
 * line (classification, and DRAFT with the version when the pack is not approved), the NOT FOR
 * PUBLICATION line on pages of exempt parts, and in the footer page X of Y, title and version.
 */
export interface PageMarks {
  marking: string;
  exempt: string | null;
  title: string;
  version: string;
  /** In an agenda pack: "Item 3", printed before the title. */
  item?: string;
}

export function pageMarksFor(sheet: FrontSheet, marking: string, exempt: string | null, item?: string): PageMarks {
  return { marking, exempt, title: sheet.title.trim() || 'Untitled briefing', version: sheet.version.trim(), ...(item ? { item } : {}) };
}

function markingParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE_IDS.marking, alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
}

function markingLines(marks: PageMarks): Paragraph[] {
  return [marks.marking, marks.exempt].filter((t): t is string => !!t).map(markingParagraph);
}

/** Every page: the marking centred at the top; at the bottom the marking, then page X of Y, title and version. */
export function pageHeader(marks: PageMarks): Header {
  const lines = markingLines(marks);
  return new Header({ children: lines.length ? lines : [new Paragraph({ children: [] })] });
}

export function pageFooter(marks: PageMarks): Footer {
  const line = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 0 },
    children: [
      new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
      new TextRun(`  |  ${marks.item ? `${marks.item}: ` : ''}${marks.title}${marks.version ? `  |  Version ${marks.version}` : ''}`),
    ],
  });
  return new Footer({ children: [line, ...markingLines(marks).reverse()] });
}

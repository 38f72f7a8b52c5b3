import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { FrontSheet } from '../../shared/pack/schema.js';
import { STYLE_IDS } from './houseStyle.js';

/** The protective marking as printed: capitals, e.g. OFFICIAL-SENSITIVE. */
export function markingText(sheet: FrontSheet): string {
  return sheet.classification.trim().toUpperCase();
}

function markingParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE_IDS.marking, alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
}

/** Every page: the marking centred at the top; at the bottom the marking, then page X of Y, title and version. */
export function pageHeader(sheet: FrontSheet): Header {
  const marking = markingText(sheet);
  return new Header({ children: marking ? [markingParagraph(marking)] : [new Paragraph({ children: [] })] });
}

export function pageFooter(sheet: FrontSheet): Footer {
  const marking = markingText(sheet);
  const title = sheet.title.trim() || 'Untitled briefing';
  const version = sheet.version.trim();
  const line = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 0 },
    children: [
      new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
      new TextRun(`  |  ${title}${version ? `  |  Version ${version}` : ''}`),
    ],
  });
  return new Footer({ children: marking ? [line, markingParagraph(marking)] : [line] });
}

import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { Branding } from '../../shared/branding/schema.js';

/**
 * Word styles from the branding profile: built-in Title, Heading 1–4, Hyperlink and List
 * Paragraph are redefined (not replaced by custom ones) so Word's navigation pane, the TOC
 * field and screen readers recognise them. Body text is left aligned at 1.15 line spacing.
 */
export const LINE_115 = 276; // 240ths of a line: 1.15 spacing
export const LANGUAGE = 'en-GB';

export const STYLE_IDS = {
  quote: 'Quote',
  tocHeading: 'TOCHeading',
  frontLabel: 'FrontSheetField',
  marking: 'ProtectiveMarking',
  frontMarking: 'FrontSheetMarking',
  councilName: 'CouncilName',
  tableText: 'TableText',
} as const;

export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

export function colourOf(hex: string): string {
  return hex.replace('#', '').toUpperCase();
}

export function houseStyles(branding: Branding): IStylesOptions {
  const font = branding.fontFamily;
  const body = branding.fontSizePt;
  const accent = colourOf(branding.accentColour);
  // Headings stay at or above the body size so no text is smaller than 12 pt by default.
  const heading = (sizePt: number, before: number, extra: { italics?: boolean } = {}) => ({
    run: { font, size: halfPoints(Math.max(sizePt, body)), bold: true, color: accent, ...extra },
    paragraph: { spacing: { before, after: 120, line: LINE_115, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
  });
  return {
    default: {
      document: {
        run: { font, size: halfPoints(body), language: { value: LANGUAGE, eastAsia: LANGUAGE, bidirectional: 'ar-SA' } },
        paragraph: { spacing: { after: 160, line: LINE_115, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT },
      },
      title: {
        run: { font, size: halfPoints(Math.max(26, body)), bold: true, color: accent },
        paragraph: { spacing: { before: 240, after: 240, line: LINE_115, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT },
      },
      heading1: heading(18, 360),
      heading2: heading(15, 280),
      heading3: heading(13, 240),
      heading4: heading(12, 200, { italics: true }),
      hyperlink: { run: { color: '0B4F9C', underline: {} } },
      listParagraph: { paragraph: { spacing: { after: 80, line: LINE_115, lineRule: LineRuleType.AUTO }, contextualSpacing: true } },
    },
    paragraphStyles: [
      {
        id: STYLE_IDS.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true },
        paragraph: { indent: { left: 720, right: 720 }, border: { left: { style: 'single', size: 12, color: accent, space: 8 } } },
      },
      {
        id: STYLE_IDS.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: halfPoints(Math.max(18, body)), bold: true, color: accent },
        paragraph: { spacing: { before: 240, after: 240 }, keepNext: true },
      },
      {
        id: STYLE_IDS.frontLabel,
        name: 'Front Sheet Field',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { after: 120 }, keepLines: true },
      },
      {
        id: STYLE_IDS.marking,
        name: 'Protective Marking',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: halfPoints(Math.max(12, body)), bold: true, allCaps: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } },
      },
      {
        // DRAFT and NOT FOR PUBLICATION on the cover: bold capitals, left aligned under the title.
        id: STYLE_IDS.frontMarking,
        name: 'Front Sheet Marking',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: halfPoints(Math.max(14, body)), bold: true, allCaps: true },
        paragraph: { spacing: { before: 0, after: 240 }, keepNext: true },
      },
      {
        id: STYLE_IDS.councilName,
        name: 'Council Name',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: halfPoints(Math.max(16, body)), bold: true, color: accent },
        paragraph: { spacing: { before: 0, after: 240 } },
      },
      {
        id: STYLE_IDS.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
      },
      ...[1, 2].map((level) => ({
        id: `TOC${level}`,
        name: `toc ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { indent: { left: (level - 1) * 360 }, spacing: { after: 60 } },
      })),
    ],
    // Word's own style for contents entries that link to their headings.
    characterStyles: [{ id: 'IndexLink', name: 'Index Link', basedOn: 'DefaultParagraphFont' }],
  };
}

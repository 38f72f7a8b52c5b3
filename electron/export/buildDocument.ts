import { Bookmark, Document, HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { Branding } from '../../shared/branding/schema.js';
import type { ExportNotice, ExportOptions } from '../../shared/export/types.js';
import { findGamechanger } from '../../shared/gamechangers/index.js';
import type { Pack } from '../../shared/pack/schema.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import { BlockWriter } from './blocks.js';
import { frontSheetBlocks, longDate } from './frontSheet.js';
import { houseStyles, LANGUAGE, STYLE_IDS } from './houseStyle.js';
import { ListNumbering } from './numbering.js';
import { pageFooter, pageHeader } from './pageFurniture.js';
import { SectionContext, sectionLabel } from './renderContext.js';
import type { PageNumberEstimator } from 'docx';

export interface BuildInput {
  pack: Pack;
  branding: Branding;
  options: ExportOptions;
  /** Shown as the document's author; falls back to the report's author on the front sheet. */
  authorName?: string;
  /** Lays out the pages to fill in the contents' page numbers (docx/layout), when wanted. */
  pageNumbers?: PageNumberEstimator;
  onProgress?: (done: number, total: number) => void;
}

export interface BuiltDocument {
  document: Document;
  notices: ExportNotice[];
}

/** Heading levels listed in the contents: section titles and the headings directly under them. */
export const TOC_LEVELS = 2;

export function wantsTableOfContents(pack: Pack, options: ExportOptions): boolean {
  if (options.tableOfContents === 'never') return false;
  if (options.tableOfContents === 'always') return true;
  return pack.sections.length >= options.tocMinSections;
}

/** Keywords: the gamechangers the pack covers, by their published names. */
export function keywordsOf(pack: Pack): string {
  const names = new Set<string>();
  for (const section of pack.sections) {
    const g = findGamechanger(section.gamechangerId);
    if (g) names.add(g.title);
  }
  return [...names].join('; ');
}

/** Description: the pack's summary section when it has one, cut at about 250 characters. */
export function descriptionOf(pack: Pack): string {
  const summary = pack.sections.find((s) => /summary/i.test(s.title));
  const text = summary ? plainTextOf(summary.content).replace(/\s+/g, ' ').trim() : '';
  if (text) return text.length > 250 ? `${text.slice(0, 247).replace(/\s+\S*$/, '')}…` : text;
  const meeting = [pack.frontSheet.meeting.name, longDate(pack.frontSheet.meeting.date)].filter(Boolean).join(', ');
  return `Briefing pack${meeting ? ` for ${meeting}` : ''}.`;
}

/** The whole Word document for a pack. Guidance text is never read here, so it can never leak. */
export function buildDocument(input: BuildInput): BuiltDocument {
  const { pack, branding, options } = input;
  const sheet = pack.frontSheet;
  const numbering = new ListNumbering();
  const notices: ExportNotice[] = [];
  const children: FileChild[] = [...frontSheetBlocks(sheet, branding)];

  const toc = wantsTableOfContents(pack, options);
  // With page numbers to lay out, docx fills the contents from the headings itself. Without,
  // the entries are written from the headings as they are exported (with bookmarks to link
  // to), which spares docx a second pass over the whole body on long packs.
  const tocEntries: Array<{ title: string; level: number; href: string }> | null = toc && !input.pageNumbers ? [] : null;
  let tocIndex = -1;
  if (toc) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ style: STYLE_IDS.tocHeading, children: [new TextRun('Contents')] }));
    tocIndex = children.length;
  }
  const onHeading = tocEntries
    ? (level: number, title: string) => {
        if (level > TOC_LEVELS) return undefined;
        const href = `_Toc${tocEntries.length + 1}`;
        tocEntries.push({ title, level, href });
        return href;
      }
    : undefined;

  const total = pack.sections.length;
  pack.sections.forEach((section, index) => {
    const title = section.title.trim() || 'Untitled section';
    const ctx = new SectionContext(numbering, notices, sectionLabel(index, section.title));
    // The body starts on a fresh page after the front sheet (and contents); sections then flow
    // on, as in a council report, so short sections do not waste the report's page limit.
    const anchor = onHeading?.(1, title);
    const run = new TextRun(title);
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: index === 0 || undefined, children: anchor ? [new Bookmark({ id: anchor, children: [run] })] : [run] }));
    children.push(...new BlockWriter(ctx, onHeading).section(section.content.root.children));
    input.onProgress?.(index + 1, total);
  });

  if (toc) {
    const properties = { hyperlink: true, headingStyleRange: `1-${TOC_LEVELS}` };
    children.splice(tocIndex, 0, new TableOfContents('Contents', tocEntries?.length ? { ...properties, cachedEntries: tocEntries } : properties));
  }

  const meeting = [sheet.meeting.name.trim(), longDate(sheet.meeting.date)].filter(Boolean).join(', ');
  const document = new Document({
    title: sheet.title.trim() || 'Untitled briefing',
    subject: meeting ? `${meeting}: ${sheet.classification}` : sheet.classification,
    creator: input.authorName?.trim() || sheet.reportOf.trim() || branding.councilName.trim() || 'Briefing Studio',
    lastModifiedBy: input.authorName?.trim() || undefined,
    keywords: keywordsOf(pack),
    description: descriptionOf(pack),
    customProperties: [
      { name: 'Classification', value: sheet.classification },
      { name: 'Version', value: sheet.version || '-' },
      { name: 'Language', value: LANGUAGE },
    ],
    styles: houseStyles(branding),
    numbering: numbering.config(),
    // Word refreshes the contents (and page numbers) when the document is opened.
    features: { updateFields: true },
    pageNumbers: input.pageNumbers,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: { top: 1440, right: 1440, bottom: 1440, left: 1440, header: 567, footer: 567 },
          },
        },
        headers: { default: pageHeader(sheet) },
        footers: { default: pageFooter(sheet) },
        children,
      },
    ],
  });
  return { document, notices };
}

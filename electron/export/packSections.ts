import { Bookmark, HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun, type FileChild, type ISectionOptions, type ParagraphChild } from 'docx';
import type { Branding } from '../../shared/branding/schema.js';
import type { ExportNotice, ExportOptions } from '../../shared/export/types.js';
import { BlockWriter } from './blocks.js';
import { frontSheetBlocks } from './frontSheet.js';
import { STYLE_IDS } from './houseStyle.js';
import type { ListNumbering } from './numbering.js';
import { pageFooter, pageHeader, pageMarksFor } from './pageFurniture.js';
import { SectionContext, sectionLabel } from './renderContext.js';
import { exemptLine, markingLine, type PublicationPlan } from './publication/plan.js';
import type { ReviewMarkup } from './review/reviewMarkup.js';
import { SectionReview, wrapInComments } from './review/sectionReview.js';

/** Heading levels listed in the contents: section titles and the headings directly under them. */
export const TOC_LEVELS = 2;

/** A4 with 2.54 cm margins, as in the council's house style. */
export const PAGE_PROPERTIES = {
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 1440, right: 1440, bottom: 1440, left: 1440, header: 567, footer: 567 },
  },
} as const;

export interface PackSectionsInput {
  plan: PublicationPlan;
  branding: Branding;
  options: ExportOptions;
  numbering: ListNumbering;
  notices: ExportNotice[];
  /** Contents page: 'field' lets docx lay out page numbers, 'cached' writes entries from the headings, 'none' has none. */
  toc: 'field' | 'cached' | 'none';
  /** Bookmark names must be unique in the whole document (an agenda pack holds several reports). */
  bookmarkPrefix?: string;
  /** In an agenda pack: "Item 3", on the cover and in the footer. */
  item?: string;
  /** A bookmark around the report's title (the agenda page links to it). */
  titleBookmark?: string;
  onProgress?: (done: number, total: number) => void;
  /** Comments and tracked changes to write ("With comments and tracked changes"); absent for a final export. */
  markup?: ReviewMarkup;
}

/**
 * One report as Word sections. Pages that carry different markings need sections of their own
 * (Word's headers belong to a section): in the full version every exempt part is a section
 * whose pages say NOT FOR PUBLICATION with its paragraph, and the report goes on in a new
 * section after it. Page numbers run on through all of them.
 */
export function packSections(input: PackSectionsInput): ISectionOptions[] {
  const { plan, branding } = input;
  const pack = plan.pack;
  const sheet = pack.frontSheet;
  const marking = markingLine(plan);
  const out: ISectionOptions[] = [];
  let children: FileChild[] = [];
  let pageKey: string | null = exemptLine(plan, null);

  const close = () => {
    const marks = pageMarksFor(sheet, marking, pageKey, input.item);
    out.push({ properties: PAGE_PROPERTIES, headers: { default: pageHeader(marks) }, footers: { default: pageFooter(marks) }, children });
    children = [];
  };

  children.push(...frontSheetBlocks(sheet, branding, { accessLine: plan.accessLine, draft: plan.draft, notForPublication: exemptLine(plan, null), item: input.item, titleBookmark: input.titleBookmark, consultation: plan.consultation }));

  const tocEntries: Array<{ title: string; level: number; href: string }> | null = input.toc === 'cached' ? [] : null;
  let tocIndex = -1;
  if (input.toc !== 'none') {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ style: STYLE_IDS.tocHeading, children: [new TextRun('Contents')] }));
    tocIndex = children.length;
  }
  const tocChildren = children;
  const prefix = input.bookmarkPrefix ?? '';
  const onHeading = tocEntries
    ? (level: number, text: string) => {
        if (level > TOC_LEVELS) return undefined;
        const href = `_Toc${prefix}${tocEntries.length + 1}`;
        tocEntries.push({ title: text, level, href });
        return href;
      }
    : undefined;

  const total = plan.parts.length;
  plan.parts.forEach((part, index) => {
    const key = exemptLine(plan, part.notForPublication);
    // A new Word section starts a new page itself, so no page break is asked for as well.
    let startsSection = false;
    if (key !== pageKey) {
      close();
      pageKey = key;
      startsSection = true;
    }
    const ctx = new SectionContext(input.numbering, input.notices, sectionLabel(index, part.section.title));
    const anchor = onHeading?.(1, part.heading);
    const run = new TextRun(part.heading);
    let heading: ParagraphChild[] = anchor ? [new Bookmark({ id: anchor, children: [run] })] : [run];
    if (input.markup) {
      const content = part.section.content.root.children;
      ctx.review = new SectionReview(input.markup, content);
      // Threads on the whole section, and those whose text has since been deleted, sit on its heading.
      heading = wrapInComments(input.markup, input.markup.headingThreads(part.section.id, content), heading);
    }
    // The body starts on a fresh page after the front sheet (and contents), and each appendix
    // on a page of its own; body sections flow on, so short ones do not waste the page limit.
    const newPage = !startsSection && (index === 0 || part.info.kind === 'appendix');
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: newPage || undefined, children: heading }));
    children.push(...new BlockWriter(ctx, onHeading).section(part.section.content.root.children));
    input.onProgress?.(index + 1, total);
  });
  close();

  if (input.toc !== 'none') {
    const properties = { hyperlink: true, headingStyleRange: `1-${TOC_LEVELS}` };
    tocChildren.splice(tocIndex, 0, new TableOfContents('Contents', tocEntries?.length ? { ...properties, cachedEntries: tocEntries } : properties));
  }
  return out;
}

import {
  Document,
  HeadingLevel,
  InternalHyperlink,
  LeaderType,
  PageReference,
  Paragraph,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type PageNumberEstimator,
} from 'docx';
import type { Branding } from '../../shared/branding/schema.js';
import { exportOptionsSchema, type ExportNotice } from '../../shared/export/types.js';
import { houseStyles, LANGUAGE, STYLE_IDS } from '../export/houseStyle.js';
import { ListNumbering } from '../export/numbering.js';
import { packDocx } from '../export/packDocx.js';
import { PAGE_PROPERTIES, packSections } from '../export/packSections.js';
import { pageFooter, pageHeader } from '../export/pageFurniture.js';
import { versionLine } from './agendaHtml.js';
import { agendaGuard } from './agendaPdf.js';
import { itemNote, meetingDay, type AgendaPlan } from './agendaPlan.js';

const bookmarkOf = (n: number) => `Item${n}`;

function agendaSection(plan: AgendaPlan, branding: Branding): ISectionOptions {
  const marking = [plan.marking, plan.draft].filter(Boolean).join(' \u2013 ');
  const marks = { marking, exempt: null, title: plan.title, version: '' };
  const children: FileChild[] = [];
  if (branding.councilName.trim()) children.push(new Paragraph({ style: STYLE_IDS.councilName, children: [new TextRun(branding.councilName.trim())] }));
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${plan.meeting}: agenda`)] }));
  const day = meetingDay(plan.date);
  if (day) children.push(new Paragraph({ children: [new TextRun(day)] }));
  const version = versionLine(plan);
  if (version) children.push(new Paragraph({ children: [new TextRun({ text: version, bold: true })] }));
  for (const item of plan.items) {
    const title = item.plan.pack.frontSheet.title.trim() || 'Untitled briefing';
    // Item number, title linked to the report, a dotted leader and the page it starts on.
    children.push(
      new Paragraph({
        spacing: { before: 200, after: 40 },
        keepNext: true,
        tabStops: [
          { type: TabStopType.LEFT, position: 1134 },
          { type: TabStopType.RIGHT, position: 9026, leader: LeaderType.DOT },
        ],
        children: [
          new TextRun({ text: item.label, bold: true }),
          new TextRun({ text: '\t' }),
          new InternalHyperlink({ anchor: bookmarkOf(item.number), children: [new TextRun({ text: title, style: 'Hyperlink' })] }),
          new TextRun({ text: '\tPage ' }),
          new PageReference(bookmarkOf(item.number)),
        ],
      }),
    );
    children.push(new Paragraph({ indent: { left: 1134 }, spacing: { after: 120 }, children: [new TextRun(itemNote(item, plan.version))] }));
  }
  return { properties: PAGE_PROPERTIES, headers: { default: pageHeader(marks) }, footers: { default: pageFooter(marks) }, children };
}

/**
 * The agenda pack as one Word document: the agenda page with a PAGEREF field to each item's
 * title (filled in at export by docx's page layout, and refreshed by Word on opening), then
 * each report in its own sections with its own headers and footers. Word numbers pages on
 * through the sections, so "Page X of Y" counts the whole pack.
 */
export async function agendaToDocx(plan: AgendaPlan, branding: Branding, authorName?: string): Promise<{ buffer: Buffer; notices: ExportNotice[] }> {
  const numbering = new ListNumbering();
  const notices: ExportNotice[] = [];
  const options = exportOptionsSchema.parse({ version: plan.version, tableOfContents: 'never' });
  const sections: ISectionOptions[] = [agendaSection(plan, branding)];
  for (const item of plan.items) {
    sections.push(
      ...packSections({ plan: item.plan, branding, options, numbering, notices, toc: 'none', bookmarkPrefix: `i${item.number}_`, item: item.label, titleBookmark: bookmarkOf(item.number) }),
    );
  }
  const pageNumbers: PageNumberEstimator = (await import('docx/layout')).estimatePageNumbers;
  const document = new Document({
    title: plan.title,
    subject: `${plan.meeting} agenda pack: ${plan.marking}`,
    creator: authorName?.trim() || branding.councilName.trim() || 'Briefing Studio',
    description: `Agenda and reports for ${plan.title.replace(/: agenda pack$/, '')}.`,
    customProperties: [
      { name: 'Classification', value: plan.marking },
      { name: 'Language', value: LANGUAGE },
      { name: 'Status', value: plan.draft ? 'Draft' : 'Approved' },
      ...(plan.hasExemptInformation ? [{ name: 'Publication', value: plan.version === 'public' ? 'Public version: exempt information withheld' : 'Full version: includes exempt information, NOT FOR PUBLICATION' }] : []),
    ],
    styles: houseStyles(branding),
    numbering: numbering.config(),
    features: { updateFields: true },
    pageNumbers,
    sections,
  });
  return { buffer: await packDocx(document, agendaGuard(plan) ?? undefined), notices };
}

import { Document, type PageNumberEstimator } from 'docx';
import type { Branding } from '../../shared/branding/schema.js';
import type { ExportNotice, ExportOptions } from '../../shared/export/types.js';
import { findGamechanger } from '../../shared/gamechangers/index.js';
import type { Pack } from '../../shared/pack/schema.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import { longDate } from './frontSheet.js';
import { houseStyles, LANGUAGE } from './houseStyle.js';
import { ListNumbering } from './numbering.js';
import { packSections, TOC_LEVELS } from './packSections.js';
import { planPublication, type PublicationPlan } from './publication/plan.js';
import { ReviewMarkup } from './review/reviewMarkup.js';

export { TOC_LEVELS };

export interface BuildInput {
  pack: Pack;
  branding: Branding;
  options: ExportOptions;
  /** The version to write (public or full) and its markings; default: the full version. */
  plan?: PublicationPlan;
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
  const summary = pack.sections.find((s) => /summary/i.test(s.title) && !s.exempt);
  const text = summary ? plainTextOf(summary.content).replace(/\s+/g, ' ').trim() : '';
  if (text) return text.length > 250 ? `${text.slice(0, 247).replace(/\s+\S*$/, '')}…` : text;
  const meeting = [pack.frontSheet.meeting.name, longDate(pack.frontSheet.meeting.date)].filter(Boolean).join(', ');
  return `Briefing pack${meeting ? ` for ${meeting}` : ''}.`;
}

/** Title, subject, author and custom properties of an exported report (or agenda pack). */
export function documentProperties(pack: Pack, plan: PublicationPlan, branding: Branding, authorName?: string) {
  const sheet = pack.frontSheet;
  const meeting = [sheet.meeting.name.trim(), longDate(sheet.meeting.date)].filter(Boolean).join(', ');
  return {
    title: sheet.title.trim() || 'Untitled briefing',
    subject: meeting ? `${meeting}: ${sheet.classification}` : sheet.classification,
    creator: authorName?.trim() || sheet.reportOf.trim() || branding.councilName.trim() || 'Briefing Studio',
    lastModifiedBy: authorName?.trim() || undefined,
    keywords: keywordsOf(pack),
    description: descriptionOf(pack),
    customProperties: [
      { name: 'Classification', value: sheet.classification },
      { name: 'Version', value: sheet.version || '-' },
      { name: 'Language', value: LANGUAGE },
      { name: 'Status', value: plan.draft ? 'Draft' : 'Approved' },
      ...(plan.hasExemptInformation ? [{ name: 'Publication', value: plan.version === 'public' ? 'Public version: exempt information withheld' : 'Full version: includes exempt information, NOT FOR PUBLICATION' }] : []),
    ],
  };
}

/**
 * The whole Word document for a pack, in the version its plan says. Guidance text is never
 * read here, so it can never leak; in the public version the plan's pack holds no exempt
 * words, and every property and heading below is read from that pack alone.
 */
export function buildDocument(input: BuildInput): BuiltDocument {
  const { branding, options } = input;
  const plan = input.plan ?? planPublication(input.pack, 'full', branding);
  const pack = plan.pack;
  const numbering = new ListNumbering();
  const notices: ExportNotice[] = [];
  const toc = wantsTableOfContents(pack, options) ? (input.pageNumbers ? 'field' : 'cached') : 'none';
  const markup = options.review === 'markup' ? new ReviewMarkup(pack) : undefined;
  const sections = packSections({ plan, branding, options, numbering, notices, toc, onProgress: input.onProgress, markup });
  const comments = markup?.commentOptions() ?? [];
  const document = new Document({
    ...documentProperties(pack, plan, branding, input.authorName),
    styles: houseStyles(branding),
    numbering: numbering.config(),
    ...(comments.length > 0 ? { comments: { children: comments } } : {}),
    // Word refreshes the contents (and page numbers) when the document is opened. A review copy
    // opens with Track Changes on, so what the reviewers change comes back as tracked changes.
    features: { updateFields: true, ...(markup ? { trackRevisions: true } : {}) },
    pageNumbers: input.pageNumbers,
    sections,
  });
  return { document, notices };
}

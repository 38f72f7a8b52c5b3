import { Bookmark, HeadingLevel, ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import type { Branding } from '../../shared/branding/schema.js';
import type { FrontSheet } from '../../shared/pack/schema.js';
import { STATUS_LABELS } from '../../shared/pack/vocabulary.js';
import { accessStatus, accessSummary } from '../../shared/pack/parts.js';
import { STYLE_IDS } from './houseStyle.js';
import { decodeImageDataUrl, fitWithin } from './images.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-03` → `3 December 2026` (British style, no locale data needed). */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? ''} ${match[1]}`;
}

/** The "Exempt information" line of a sheet judged on its own (no exempt parts known). */
export function exemptText(sheet: FrontSheet): string {
  return accessSummary(accessStatus({ frontSheet: sheet, sections: [] }));
}

export function keyDecisionText(sheet: FrontSheet): string {
  if (!sheet.keyDecision.isKeyDecision) return 'No';
  const ref = sheet.keyDecision.forwardPlanRef.trim();
  return ref ? `Yes (Forward Plan reference ${ref})` : 'Yes';
}

export function contactText(sheet: FrontSheet): string {
  const c = sheet.contactOfficer;
  return [c.name, c.phone && `Tel: ${c.phone}`, c.email && `Email: ${c.email}`].filter(Boolean).join(', ');
}

/** The label/value pairs of the front sheet, in the order councils print them. */
export function frontSheetFields(sheet: FrontSheet, accessLine = exemptText(sheet)): Array<[string, string]> {
  const meeting = [sheet.meeting.name.trim(), longDate(sheet.meeting.date)].filter(Boolean).join(', ');
  return [
    ['Meeting', meeting || 'Not set'],
    ['Report of', sheet.reportOf.trim() || 'Not set'],
    ['Lead cabinet member', sheet.leadCabinetMember.trim() || 'Not set'],
    ['Contact officer', contactText(sheet) || 'Not set'],
    ['Wards affected', sheet.wardsAffected.filter((w) => w.trim()).join(', ') || 'All'],
    ['Key decision', keyDecisionText(sheet)],
    ['Exempt information', accessLine],
    ['Classification', sheet.classification],
    ['Status', STATUS_LABELS[sheet.status]],
    ['Version', sheet.version.trim() || 'Not set'],
  ];
}

/** What the cover says beyond the sheet itself, decided by the publication plan. */
export interface FrontSheetExtras {
  /** The "Exempt information" line ("Part exempt: Appendix B (paragraph 3) …"). */
  accessLine?: string;
  /** "DRAFT (version 0.4)" for a pack that is not approved. */
  draft?: string | null;
  /** "NOT FOR PUBLICATION: …" when the whole report is exempt (full version). */
  notForPublication?: string | null;
  /** In an agenda pack: "Item 3"; the title is then a Heading 1 "Item 3: Title" (Word's navigation lists the items). */
  item?: string;
  /** A bookmark around the title, for the agenda page's links and page numbers. */
  titleBookmark?: string;
  /** The consultation paragraph written from the sign-offs (shared/clearance/consultation.ts), or null. */
  consultation?: string | null;
}

/** The front matter ends with the consultation paragraph, labelled as councils label it. */
export const CONSULTATION_LABEL = 'Consultation';

/**
 * The cover: logo and council name, the pack title in Word's Title style, then the front-sheet
 * fields as labelled paragraphs (not a layout table, which screen readers would announce as data).
 */
export function frontSheetBlocks(sheet: FrontSheet, branding: Branding, extras: FrontSheetExtras = {}): FileChild[] {
  const out: FileChild[] = [];
  const logo = branding.logo ? decodeImageDataUrl(branding.logo.dataUrl) : null;
  if (logo && branding.logo) {
    const size = fitWithin(logo.width, logo.height, 240, 120);
    out.push(
      new Paragraph({
        children: [new ImageRun({ type: logo.type, data: logo.data, transformation: size, altText: { name: 'Logo', title: branding.logo.altText, description: branding.logo.altText } })],
        spacing: { after: 240 },
      }),
    );
  }
  if (branding.councilName.trim()) out.push(new Paragraph({ style: STYLE_IDS.councilName, children: [new TextRun(branding.councilName.trim())] }));
  const title = sheet.title.trim() || 'Untitled briefing';
  const run = new TextRun(extras.item ? `${extras.item}: ${title}` : title);
  const children = extras.titleBookmark ? [new Bookmark({ id: extras.titleBookmark, children: [run] })] : [run];
  out.push(new Paragraph({ heading: extras.item ? HeadingLevel.HEADING_1 : HeadingLevel.TITLE, children }));
  // The status a reader must not miss sits under the title, in the marking style.
  for (const line of [extras.draft, extras.notForPublication]) {
    if (line) out.push(new Paragraph({ style: STYLE_IDS.frontMarking, children: [new TextRun(line)] }));
  }
  for (const [label, value] of frontSheetFields(sheet, extras.accessLine)) {
    out.push(new Paragraph({ style: STYLE_IDS.frontLabel, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }));
  }
  if (extras.consultation) {
    out.push(new Paragraph({ style: STYLE_IDS.frontLabel, children: [new TextRun({ text: `${CONSULTATION_LABEL}: `, bold: true }), new TextRun(extras.consultation)] }));
  }
  return out;
}

import { HeadingLevel, ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import type { Branding } from '../../shared/branding/schema.js';
import type { FrontSheet } from '../../shared/pack/schema.js';
import { STATUS_LABELS } from '../../shared/pack/vocabulary.js';
import { STYLE_IDS } from './houseStyle.js';
import { decodeImageDataUrl, fitWithin } from './images.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-03` → `3 December 2026` (British style, no locale data needed). */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? ''} ${match[1]}`;
}

export function exemptText(sheet: FrontSheet): string {
  if (!sheet.access.exempt) return 'No: this report is open to the public';
  const para = sheet.access.schedule12aParagraph;
  return para
    ? `Yes: not for publication by virtue of paragraph ${para} of Part 1 of Schedule 12A to the Local Government Act 1972`
    : 'Yes: not for publication under Schedule 12A to the Local Government Act 1972 (paragraph to be confirmed)';
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
export function frontSheetFields(sheet: FrontSheet): Array<[string, string]> {
  const meeting = [sheet.meeting.name.trim(), longDate(sheet.meeting.date)].filter(Boolean).join(', ');
  return [
    ['Meeting', meeting || 'Not set'],
    ['Report of', sheet.reportOf.trim() || 'Not set'],
    ['Lead cabinet member', sheet.leadCabinetMember.trim() || 'Not set'],
    ['Contact officer', contactText(sheet) || 'Not set'],
    ['Wards affected', sheet.wardsAffected.filter((w) => w.trim()).join(', ') || 'All'],
    ['Key decision', keyDecisionText(sheet)],
    ['Exempt information', exemptText(sheet)],
    ['Classification', sheet.classification],
    ['Status', STATUS_LABELS[sheet.status]],
    ['Version', sheet.version.trim() || 'Not set'],
  ];
}

/**
 * The cover: logo and council name, the pack title in Word's Title style, then the front-sheet
 * fields as labelled paragraphs (not a layout table, which screen readers would announce as data).
 */
export function frontSheetBlocks(sheet: FrontSheet, branding: Branding): FileChild[] {
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
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(sheet.title.trim() || 'Untitled briefing')] }));
  for (const [label, value] of frontSheetFields(sheet)) {
    out.push(new Paragraph({ style: STYLE_IDS.frontLabel, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }));
  }
  return out;
}

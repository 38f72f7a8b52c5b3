import type { FrontSheet } from './schema.js';

/**
 * Completeness rules for the front sheet, shown as messages beside the fields. They never
 * block saving: a draft may be incomplete, but an officer can see what is still missing.
 */
export type FrontSheetField =
  | 'title'
  | 'meetingName'
  | 'meetingDate'
  | 'contactEmail'
  | 'contactPhone'
  | 'forwardPlanRef'
  | 'schedule12aParagraph'
  | 'wardsAffected'
  | 'version';

export type FrontSheetProblems = Partial<Record<FrontSheetField, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()\s-]{6,}$/;

export function checkFrontSheet(sheet: FrontSheet): FrontSheetProblems {
  const problems: FrontSheetProblems = {};
  if (!sheet.title.trim()) problems.title = 'Give the pack a title.';
  if (!sheet.meeting.name.trim()) problems.meetingName = 'Say which meeting this is for, for example "Cabinet".';
  if (!sheet.meeting.date) problems.meetingDate = 'Enter the meeting date.';
  if (sheet.contactOfficer.email && !EMAIL.test(sheet.contactOfficer.email)) {
    problems.contactEmail = 'This does not look like an email address (name@council.gov.uk).';
  }
  if (sheet.contactOfficer.phone && !PHONE.test(sheet.contactOfficer.phone)) {
    problems.contactPhone = 'Use digits, spaces, brackets, + or - only.';
  }
  if (sheet.keyDecision.isKeyDecision && !sheet.keyDecision.forwardPlanRef.trim()) {
    problems.forwardPlanRef = 'A key decision needs its forward plan reference.';
  }
  if (sheet.access.exempt && sheet.access.schedule12aParagraph === null) {
    problems.schedule12aParagraph = 'Choose the paragraph of Schedule 12A that makes this item exempt.';
  }
  if (sheet.wardsAffected.length === 0) problems.wardsAffected = 'List the wards affected, or "All".';
  if (!sheet.version.trim()) problems.version = 'Give a version, for example 0.1.';
  return problems;
}

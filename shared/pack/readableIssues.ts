import type { z } from 'zod';

/** Human names for schema paths, so an error reads "Front sheet › Meeting › Date". */
const LABELS: Record<string, string> = {
  frontSheet: 'Front sheet',
  meeting: 'Meeting',
  date: 'Date',
  name: 'Name',
  title: 'Title',
  reportOf: 'Report of',
  leadCabinetMember: 'Lead cabinet member',
  contactOfficer: 'Contact officer',
  phone: 'Phone',
  email: 'Email',
  wardsAffected: 'Wards affected',
  keyDecision: 'Key decision',
  forwardPlanRef: 'Forward plan reference',
  access: 'Public or exempt',
  schedule12aParagraph: 'Schedule 12A paragraph',
  classification: 'Security classification',
  status: 'Status',
  version: 'Version',
  sections: 'Section',
  content: 'Content',
  guidance: 'Guidance',
  wordLimit: 'Word limit',
  gamechangerId: 'Gamechanger',
  createdAt: 'Created time',
  updatedAt: 'Last edited time',
};

export function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part) => (typeof part === 'number' ? `#${part + 1}` : (LABELS[String(part)] ?? String(part))))
    .join(' › ');
}

/** The first few issues of a zod error as one plain-English sentence list. */
export function readableIssues(error: z.ZodError, max = 3): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const where = describePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - max;
  return lines.join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '');
}

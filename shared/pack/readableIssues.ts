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
  const parts: string[] = [];
  for (const part of path) {
    // An index names the item of the list before it: "Section 2", not "Section › #2".
    if (typeof part === 'number' && parts.length) parts[parts.length - 1] += ` ${part + 1}`;
    else parts.push(typeof part === 'number' ? `Item ${part + 1}` : (LABELS[String(part)] ?? String(part)));
  }
  return parts.join(' › ');
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

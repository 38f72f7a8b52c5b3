import type { z } from 'zod';
import { describePath } from '../pack/readableIssues.js';

/** Names for the template's own fields; everything else is named as packs name it. */
const TEMPLATE_LABELS: Record<string, string> = {
  description: 'Description',
  organisation: 'Organisation',
  author: 'Author',
  id: 'Template id',
  formatVersion: 'Format version',
  starterContent: 'Starter content',
  sections: 'Section',
  guidance: 'Guidance prompt',
  frontSheet: 'Default front sheet',
};

function where(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  for (const part of path) {
    // An index names the item of the list before it: "Section 2", as packs do.
    if (typeof part === 'number' && parts.length) parts[parts.length - 1] += ` ${part + 1}`;
    else if (typeof part === 'string' && TEMPLATE_LABELS[part]) parts.push(TEMPLATE_LABELS[part]);
    else parts.push(describePath([part]));
  }
  return parts.join(' › ');
}

/** The first few problems of a template as plain English ("Name is missing"). */
export function readableTemplateIssues(error: z.ZodError, max = 3): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const place = where(issue.path);
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${place || 'a required field'} is missing`;
    return place ? `${place}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - max;
  return lines.join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '');
}

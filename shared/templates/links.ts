import { normaliseLink } from '../links/normaliseLink.js';
import type { SerializedNodeJson } from '../richtext/serialized.js';
import type { Template } from './schema.js';

/**
 * Starter content is copied into every pack made from a template, often from a shared drive
 * anyone can write to. Links there must go where a reader expects: web, email or phone.
 * `javascript:` would run code when clicked; `data:` and `file:` can hide a payload or a
 * local path. Which links are kept is decided by the one link normaliser (shared/links);
 * pictures that are not embedded PNG or JPEG are replaced on load (shared/richtext/pictures.ts).
 */
const LINK_KEYS = ['url', 'href'] as const;

export interface LinkProblem {
  sectionTitle: string;
  value: string;
  reason: string;
}

/** The scheme as a browser would read it: control characters and whitespace are ignored. */
export function schemeOf(value: string): string | null {
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return match ? `${match[1]}:` : null;
}

function describeLink(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}

/** Why a link in starter content is refused (the one link normaliser decides), or null. */
export function checkLink(value: string): string | null {
  const link = normaliseLink(value);
  return link.ok ? null : `the link ${describeLink(value)} ${link.reason}`;
}

/** Every unsafe link in a template's starter content. Iterative walk. */
export function findLinkProblems(template: Template): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const section of template.sections) {
    if (!section.starterContent) continue;
    const stack: SerializedNodeJson[] = [section.starterContent.root];
    while (stack.length) {
      const node = stack.pop()!;
      for (const key of LINK_KEYS) {
        const value = node[key];
        if (typeof value === 'string') {
          const reason = checkLink(value);
          if (reason) problems.push({ sectionTitle: section.title, value, reason });
        }
      }
      if (Array.isArray(node.children)) for (const child of node.children) stack.push(child);
    }
  }
  return problems;
}

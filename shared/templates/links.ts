import type { SerializedNodeJson } from '../richtext/serialized.js';
import type { Template } from './schema.js';

/**
 * Starter content is copied into every pack made from a template, often from a shared drive
 * anyone can write to. Links there must go where a reader expects: web, email or phone.
 * `javascript:` would run code when clicked; `data:` and `file:` can hide a payload or a
 * local path. Images are the exception: packs embed pictures as data:image/png|jpeg URLs.
 */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_SOURCE = /^data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*$/i;
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

export function checkLink(value: string): string | null {
  const scheme = schemeOf(value);
  if (scheme === null) return `the link ${describeLink(value)} is not a full web, email or phone address`;
  if (LINK_SCHEMES.has(scheme)) return null;
  if (scheme === 'javascript:' || scheme === 'vbscript:') return `the link ${describeLink(value)} would run code when clicked (${scheme} links are not allowed)`;
  return `the link ${describeLink(value)} uses ${scheme}, which is not allowed (only https:, http:, mailto: and tel: links)`;
}

export function checkImageSource(value: string): string | null {
  return IMAGE_SOURCE.test(value) ? null : `a picture's source ${describeLink(value)} is not an embedded PNG, JPEG or GIF picture`;
}

/** Every unsafe link or picture source in a template's starter content. Iterative walk. */
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
      if (typeof node.src === 'string') {
        const reason = checkImageSource(node.src);
        if (reason) problems.push({ sectionTitle: section.title, value: node.src, reason });
      }
      if (Array.isArray(node.children)) for (const child of node.children) stack.push(child);
    }
  }
  return problems;
}

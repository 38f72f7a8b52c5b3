import type { Pack } from '../../shared/pack/schema.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';

/**
 * A pack's meaning, node by node, for comparing a pack with itself after a trip through Word:
 * node types, heading tags, list kinds and start values, nesting, text with its formatting
 * (adjacent runs of the same formatting merged, as they are one run to a reader), link
 * addresses, pictures (their bytes, alt text and size), table cells and header rows. Keys
 * Lexical recomputes (direction, list item values, indent) are left out. A node the editor
 * does not know is exported as its plain text in paragraphs, so it is compared as that.
 */
export type Canon = { t: string; [key: string]: unknown };

function canonChildren(children: SerializedNodeJson[] | undefined): Canon[] {
  const out: Canon[] = [];
  for (const child of children ?? []) {
    for (const c of canonNode(child)) {
      const last = out[out.length - 1];
      if (c.t === 'text' && last?.t === 'text' && last.format === c.format) last.text = `${last.text as string}${c.text as string}`;
      else out.push(c);
    }
  }
  return out;
}

export function canonNode(node: SerializedNodeJson): Canon[] {
  switch (node.type) {
    case 'text':
      return node.text ? [{ t: 'text', text: node.text, format: node.format ?? 0 }] : [];
    case 'linebreak':
    case 'tab':
      return [{ t: node.type }];
    case 'paragraph':
      return [{ t: 'paragraph', children: canonChildren(node.children) }];
    case 'quote':
      return [{ t: 'quote', children: canonChildren(node.children) }];
    case 'heading':
      return [{ t: 'heading', tag: node.tag, children: canonChildren(node.children) }];
    case 'link':
    case 'autolink':
      return [{ t: 'link', url: node.url, children: canonChildren(node.children) }];
    case 'list':
      return [{ t: 'list', listType: node.listType, start: node.listType === 'number' ? (node.start ?? 1) : 1, children: canonChildren(node.children) }];
    case 'listitem':
      return [{ t: 'listitem', children: canonChildren(node.children) }];
    case 'table':
      return [{ t: 'table', children: canonChildren(node.children) }];
    case 'tablerow':
      return [{ t: 'tablerow', children: canonChildren(node.children) }];
    case 'tablecell':
      return [{ t: 'tablecell', header: ((node.headerState as number) ?? 0) !== 0, children: canonChildren(node.children) }];
    case 'image':
      return [{ t: 'image', src: node.src, altText: node.altText, width: node.width ?? null, height: node.height ?? null }];
    default: {
      const text = plainTextOf({ root: { type: 'root', children: node.children ?? [] } });
      return text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => ({ t: 'paragraph', children: [{ t: 'text', text: line, format: 0 }] }));
    }
  }
}

export function packStructure(pack: Pack): { title: string; content: Canon[] }[] {
  return pack.sections.map((s) => ({ title: s.title, content: canonChildren(s.content.root.children) }));
}

/** The first place two structures differ, as a readable path, or null. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && typeof a === 'object' && b && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

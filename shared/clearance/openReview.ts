import type { Pack } from '../pack/schema.js';
import type { SerializedNodeJson } from '../richtext/serialized.js';
import { blockSuggestionOf } from './reviewNeutral.js';

/**
 * Open review work the approval rule and the "Final" export look at. A suggestion is open
 * while its node (inline or block) is still in a section's content: settling one removes or
 * unwraps the node (shared/review/settle.ts), whatever happens to its record. A thread is open
 * until it is resolved.
 */
export interface OpenSuggestionPlace {
  id: string;
  sectionId: string;
  sectionIndex: number;
  sectionTitle: string;
  kind: 'insert' | 'delete' | 'block-insert' | 'block-delete';
  /** The suggested text, from the content (so it is right even when the record is missing). */
  text: string;
  /** 1-based top-level block of the section it is in (for "paragraph N" in messages). */
  block: number;
}

function textOf(nodes: readonly SerializedNodeJson[] | undefined): string {
  let s = '';
  for (const n of nodes ?? []) {
    if (typeof n.text === 'string') s += n.text;
    else if (n.type === 'linebreak') s += '\n';
    else if (n.type === 'tab') s += '\t';
    if (Array.isArray(n.children)) s += textOf(n.children);
  }
  return s;
}

export function openSuggestions(pack: Pick<Pack, 'sections'>): OpenSuggestionPlace[] {
  const found = new Map<string, OpenSuggestionPlace>();
  pack.sections.forEach((section, sectionIndex) => {
    section.content.root.children.forEach((top, i) => {
      const stack: SerializedNodeJson[] = [top];
      while (stack.length) {
        const node = stack.pop()!;
        const base = { sectionId: section.id, sectionIndex, sectionTitle: section.title, block: i + 1 };
        const block = blockSuggestionOf(node);
        if (block && !found.has(block.id)) found.set(block.id, { ...base, id: block.id, kind: block.kind, text: textOf(node.children) });
        if (node.type === 'suggestion' && typeof node.suggestionId === 'string' && (node.kind === 'insert' || node.kind === 'delete')) {
          const prior = found.get(node.suggestionId);
          // One suggestion can span several nodes (across a link, say): join their text.
          if (prior) prior.text += textOf(node.children);
          else found.set(node.suggestionId, { ...base, id: node.suggestionId, kind: node.kind, text: textOf(node.children) });
        }
        if (Array.isArray(node.children)) for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]!);
      }
    });
  });
  return [...found.values()];
}

export function openThreadCount(pack: Pick<Pack, 'review'>): number {
  let n = 0;
  for (const thread of Object.values(pack.review.threads)) if (thread.resolved === null) n++;
  return n;
}

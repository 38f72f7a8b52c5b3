import type { Pack } from '../pack/schema.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../richtext/serialized.js';
import { blockSuggestionOf } from '../richtext/blockSuggestion.js';
import type { Review, Suggestion } from './schema.js';
import type { SuggestionKind } from './vocabulary.js';

/**
 * Accepting and rejecting suggested changes on stored JSON (no Lexical, no DOM), for sections
 * that are not open in an editor, "accept all" across a pack, the "Final" export and the
 * checker. The rules (the same as the editor's, renderer/review/settleInEditor.ts):
 * - accept an insertion: keep its text (unwrap); reject it: remove it;
 * - accept a deletion: remove the text; reject it: keep the text (unwrap);
 * - the same for whole blocks; a list or table left with no items or rows goes too.
 * Input is never changed: new nodes are made along every changed path, others are shared.
 */
export type Decision = 'accept' | 'reject';
/** The decision for one suggestion, or null to leave it open. */
export type Decide = (id: string, kind: SuggestionKind) => Decision | null;

export interface SettleResult {
  state: SerializedEditorStateJson;
  /** Ids of the suggestions decided (each once). */
  settled: string[];
}

/** Containers that mean nothing once their last child is gone (as Lexical would drop them). */
const EMPTY_MEANS_GONE = new Set(['list', 'table', 'tablerow', 'mark', 'link', 'autolink']);

export function settleContent(state: SerializedEditorStateJson, decide: Decide): SettleResult {
  const settled = new Set<string>();
  const note = (id: string) => settled.add(id);

  /** The settled copy of a list of children (the same array if nothing changed). */
  function children(list: SerializedNodeJson[]): SerializedNodeJson[] {
    let out: SerializedNodeJson[] | null = null;
    for (let i = 0; i < list.length; i++) {
      const node = list[i]!;
      const replacement = settleNode(node);
      if (replacement.length === 1 && replacement[0] === node) {
        out?.push(node);
        continue;
      }
      out ??= list.slice(0, i);
      out.push(...replacement);
    }
    return out ?? list;
  }

  /** What a node becomes: itself, a changed copy, its children (unwrapped), or nothing. */
  function settleNode(node: SerializedNodeJson): SerializedNodeJson[] {
    if (node.type === 'suggestion' && typeof node.suggestionId === 'string') {
      const kind: SuggestionKind = node.kind === 'delete' ? 'delete' : 'insert';
      const decision = decide(node.suggestionId, kind);
      const inner = Array.isArray(node.children) ? children(node.children) : [];
      if (decision === null) return inner === node.children ? [node] : [{ ...node, children: inner }];
      note(node.suggestionId);
      const keep = (kind === 'insert') === (decision === 'accept');
      return keep ? inner : [];
    }
    let current = node;
    const block = blockSuggestionOf(node);
    if (block) {
      const decision = decide(block.id, block.kind);
      if (decision !== null) {
        note(block.id);
        const keep = (block.kind === 'block-insert') === (decision === 'accept');
        if (!keep) return [];
        current = withoutBlockSuggestion(node);
      }
    }
    if (Array.isArray(current.children)) {
      const inner = children(current.children);
      if (inner !== current.children) {
        if (inner.length === 0 && EMPTY_MEANS_GONE.has(current.type)) return [];
        current = { ...current, children: inner };
      }
    }
    return [current];
  }

  let root = state.root;
  const inner = children(root.children);
  if (inner !== root.children) root = { ...root, children: inner.length > 0 ? inner : [emptyParagraph()] };
  return { state: root === state.root ? state : { ...state, root }, settled: [...settled] };
}

function withoutBlockSuggestion(node: SerializedNodeJson): SerializedNodeJson {
  const { $: state, ...rest } = node;
  const others = { ...(state as Record<string, unknown>) };
  delete others.suggestion;
  return Object.keys(others).length > 0 ? { ...rest, $: others } : rest;
}

function emptyParagraph(): SerializedNodeJson {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] };
}

export const acceptAll: Decide = () => 'accept';
export const rejectAll: Decide = () => 'reject';

/** Which suggestions a pack-wide accept or reject applies to; every field narrows it. */
export interface SettleScope {
  sectionId?: string;
  /** The author's name as recorded. */
  author?: string;
  ids?: ReadonlySet<string>;
}

/** Whether a suggestion falls in a scope (a suggestion with no record matches only unscoped authors). */
export function inScope(id: string, record: Suggestion | undefined, scope: SettleScope): boolean {
  if (scope.ids && !scope.ids.has(id)) return false;
  if (scope.author !== undefined && record?.author.name !== scope.author) return false;
  return true;
}

/**
 * Accept or reject, across a pack, every open suggestion in the scope. Returns the new pack
 * (records of decided suggestions removed) and how many were decided.
 */
export function settlePack(pack: Pack, scope: SettleScope, decision: Decision): { pack: Pack; settled: string[] } {
  const records = pack.review.suggestions;
  const decide: Decide = (id) => (inScope(id, records[id], scope) ? decision : null);
  const settled: string[] = [];
  const sections = pack.sections.map((section) => {
    if (scope.sectionId !== undefined && section.id !== scope.sectionId) return section;
    const result = settleContent(section.content, decide);
    settled.push(...result.settled);
    return result.state === section.content ? section : { ...section, content: result.state };
  });
  if (settled.length === 0) return { pack, settled };
  return { pack: { ...pack, sections, review: withoutSuggestions(pack.review, settled) }, settled };
}

/** The review data with these suggestion records taken out. */
export function withoutSuggestions(review: Review, ids: Iterable<string>): Review {
  const suggestions = { ...review.suggestions };
  for (const id of ids) delete suggestions[id];
  return { ...review, suggestions };
}

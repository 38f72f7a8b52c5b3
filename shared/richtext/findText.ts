import type { SerializedEditorStateJson, SerializedNodeJson } from './serialized.js';

/**
 * Find and replace over a section's text, as Word's Find and Replace does: a match lies within
 * one block (paragraph, heading, list item, table cell's paragraph) and may run across
 * differently formatted pieces of text ("local **angle**"), links and comment marks; it never
 * runs across a line break, a tab or into the next block.
 *
 * The matching works on "runs" (the pieces of text of one block, in order), so the same code
 * serves the live editor (renderer/find: runs are Lexical TextNodes) and a section's saved
 * JSON (here: runs are text nodes of the JSON), and both give the same matches.
 */
export interface FindOptions {
  matchCase: boolean;
  /** Only whole words: a match neither starts nor ends inside a word (letters, digits). */
  wholeWord: boolean;
}

/** One match: where it starts and ends, as (run index, offset in that run's text). */
export interface RunMatch {
  startRun: number;
  startOffset: number;
  endRun: number;
  endOffset: number;
}

/** Types whose element nodes sit inside a block's line of text rather than making a block. */
const INLINE_ELEMENTS = new Set(['link', 'autolink', 'mark', 'suggestion']);
/** Text-like nodes that a match may not cross (they are not typed text). */
const SEPARATORS = new Set(['linebreak', 'tab']);

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The matches of `query` in `text` (start, end offsets), left to right, not overlapping. An
 * empty query matches nothing.
 */
export function findInText(text: string, query: string, options: FindOptions): Array<[number, number]> {
  if (!query) return [];
  const pattern = new RegExp(escapeRegExp(query), options.matchCase ? 'gu' : 'giu');
  const found: Array<[number, number]> = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (options.wholeWord) {
      const before = start > 0 ? text[start - 1]! : '';
      const after = end < text.length ? text[end]! : '';
      const startsWord = WORD_CHAR.test(text[start] ?? '');
      const endsWord = WORD_CHAR.test(text[end - 1] ?? '');
      // A match that begins or ends with a letter must not be glued to another letter there.
      if ((startsWord && before && WORD_CHAR.test(before)) || (endsWord && after && WORD_CHAR.test(after))) {
        pattern.lastIndex = start + 1;
        continue;
      }
    }
    found.push([start, end]);
  }
  return found;
}

/**
 * Matches within one block given as its runs' texts. A separator run is given as null: a match
 * never includes it.
 */
export function findInRuns(runs: ReadonlyArray<string | null>, query: string, options: FindOptions): RunMatch[] {
  const matches: RunMatch[] = [];
  // Each stretch of runs between separators is searched as one string.
  let from = 0;
  while (from < runs.length) {
    if (runs[from] === null) {
      from++;
      continue;
    }
    let to = from;
    while (to < runs.length && runs[to] !== null) to++;
    const starts: number[] = [];
    let text = '';
    for (let i = from; i < to; i++) {
      starts.push(text.length);
      text += runs[i]!;
    }
    const locate = (offset: number, isEnd: boolean): [number, number] => {
      // The run holding `offset`; an end offset at a run boundary belongs to the earlier run.
      for (let i = to - 1; i >= from; i--) {
        const start = starts[i - from]!;
        if (isEnd ? start < offset : start <= offset) return [i, offset - start];
      }
      return [from, 0];
    };
    for (const [start, end] of findInText(text, query, options)) {
      const [startRun, startOffset] = locate(start, false);
      const [endRun, endOffset] = locate(end, true);
      matches.push({ startRun, startOffset, endRun, endOffset });
    }
    from = to;
  }
  return matches;
}

/**
 * The new texts of a block's runs once `matches` (as found by findInRuns) are replaced: the
 * replacement goes into the run where each match starts (keeping that run's formatting, as
 * Word does), the rest of the match is cut from the runs it covers. Runs left empty come back
 * as ''; the caller removes them.
 */
export function replaceInRuns(runs: ReadonlyArray<string | null>, matches: readonly RunMatch[], replacement: string): Array<string | null> {
  const next = [...runs];
  // Right to left, so earlier offsets stay valid.
  for (let m = matches.length - 1; m >= 0; m--) {
    const match = matches[m]!;
    if (match.startRun === match.endRun) {
      const text = next[match.startRun]!;
      next[match.startRun] = text.slice(0, match.startOffset) + replacement + text.slice(match.endOffset);
      continue;
    }
    next[match.startRun] = next[match.startRun]!.slice(0, match.startOffset) + replacement;
    for (let i = match.startRun + 1; i < match.endRun; i++) if (next[i] !== null) next[i] = '';
    next[match.endRun] = next[match.endRun]!.slice(match.endOffset);
  }
  return next;
}

/** A block of a saved section: its text nodes (null for a separator) in order. */
interface JsonBlock {
  nodes: SerializedNodeJson[];
}

/** Every block of a saved section, in document order (nested lists and table cells included). */
function blocksOfJson(content: SerializedEditorStateJson): JsonBlock[] {
  const blocks: JsonBlock[] = [];
  // Iterative, depth-first, children in order: hostile nesting cannot overflow the stack.
  const stack: Array<{ node: SerializedNodeJson; block: JsonBlock | null }> = [{ node: content.root, block: null }];
  while (stack.length) {
    const { node, block } = stack.pop()!;
    if (node.type === 'text' || SEPARATORS.has(node.type)) {
      block?.nodes.push(node);
      continue;
    }
    if (!Array.isArray(node.children)) continue;
    let into = block;
    if (!INLINE_ELEMENTS.has(node.type) || !block) {
      into = { nodes: [] };
      blocks.push(into);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, block: into });
  }
  // A block's nodes were pushed in order per block, but a block is pushed before its nested
  // blocks are reached, which keeps document order for the blocks themselves.
  return blocks.filter((b) => b.nodes.length > 0);
}

const runText = (node: SerializedNodeJson): string | null => (node.type === 'text' ? (typeof node.text === 'string' ? node.text : '') : null);

/** How many matches a saved section holds. */
export function countMatchesInJson(content: SerializedEditorStateJson, query: string, options: FindOptions): number {
  if (!query) return 0;
  let count = 0;
  for (const block of blocksOfJson(content)) count += findInRuns(block.nodes.map(runText), query, options).length;
  return count;
}

/**
 * A saved section with every match replaced, and how many there were. The input is not
 * changed; the result shares untouched parts with it. Text nodes left empty are removed.
 */
export function replaceAllInJson(content: SerializedEditorStateJson, query: string, replacement: string, options: FindOptions): { content: SerializedEditorStateJson; count: number } {
  if (!query) return { content, count: 0 };
  const copy = structuredClone(content);
  let count = 0;
  const emptied = new Set<SerializedNodeJson>();
  for (const block of blocksOfJson(copy)) {
    const runs = block.nodes.map(runText);
    const matches = findInRuns(runs, query, options);
    if (!matches.length) continue;
    count += matches.length;
    const next = replaceInRuns(runs, matches, replacement);
    block.nodes.forEach((node, i) => {
      if (node.type !== 'text') return;
      node.text = next[i]!;
      if (node.text === '') emptied.add(node);
    });
  }
  if (!count) return { content, count: 0 };
  if (emptied.size) {
    const stack: SerializedNodeJson[] = [copy.root];
    while (stack.length) {
      const node = stack.pop()!;
      if (!Array.isArray(node.children)) continue;
      node.children = node.children.filter((child) => !emptied.has(child));
      stack.push(...node.children);
    }
  }
  return { content: copy, count };
}

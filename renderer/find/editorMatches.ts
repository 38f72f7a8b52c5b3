import { $createRangeSelection, $getNodeByKey, $getRoot, $isElementNode, $isTabNode, $isTextNode, $setSelection, type ElementNode, type NodeKey } from 'lexical';
import { findInRuns, replaceInRuns, type FindOptions, type RunMatch } from '../../shared/richtext/findText.js';

/**
 * The live editor's side of find and replace (shared/richtext/findText.ts does the matching):
 * a section's blocks as runs of Lexical TextNodes, the matches in them, and replacing or
 * selecting a match. Call inside editorState.read() or editor.update().
 */
interface LiveBlock {
  keys: NodeKey[];
  /** Each run's text; null for what a match may not cross (line break, tab, picture). */
  runs: Array<string | null>;
}

export interface LiveMatch {
  block: number;
  match: RunMatch;
  startKey: NodeKey;
  startOffset: number;
  endKey: NodeKey;
  endOffset: number;
}

function $liveBlocks(): LiveBlock[] {
  const blocks: LiveBlock[] = [];
  // Recursion is bounded: the pack format caps nesting at 100 levels.
  const visit = (element: ElementNode, block: LiveBlock | null) => {
    let into = block;
    if (!into || !element.isInline()) {
      into = { keys: [], runs: [] };
      blocks.push(into);
    }
    for (const child of element.getChildren()) {
      if ($isElementNode(child)) visit(child, into);
      else {
        into.keys.push(child.getKey());
        into.runs.push($isTextNode(child) && !$isTabNode(child) ? child.getTextContent() : null);
      }
    }
  };
  visit($getRoot(), null);
  return blocks;
}

export function $findMatches(query: string, options: FindOptions): { blocks: LiveBlock[]; matches: LiveMatch[] } {
  const blocks = $liveBlocks();
  const matches: LiveMatch[] = [];
  if (!query) return { blocks, matches };
  blocks.forEach((block, b) => {
    if (!block.runs.some((r) => r)) return;
    for (const match of findInRuns(block.runs, query, options)) {
      matches.push({ block: b, match, startKey: block.keys[match.startRun]!, startOffset: match.startOffset, endKey: block.keys[match.endRun]!, endOffset: match.endOffset });
    }
  });
  return { blocks, matches };
}

function $applyRuns(block: LiveBlock, next: ReadonlyArray<string | null>): void {
  block.keys.forEach((key, i) => {
    const text = next[i];
    if (text === null || text === undefined || text === block.runs[i]) return;
    const node = $getNodeByKey(key);
    if (!$isTextNode(node)) return;
    if (text === '') node.remove();
    else node.setTextContent(text);
  });
}

/** Replace the matches given (all from one $findMatches), block by block. */
export function $replaceMatches(blocks: LiveBlock[], matches: readonly LiveMatch[], replacement: string): void {
  const byBlock = new Map<number, RunMatch[]>();
  for (const m of matches) {
    const list = byBlock.get(m.block) ?? [];
    list.push(m.match);
    byBlock.set(m.block, list);
  }
  for (const [b, list] of byBlock) $applyRuns(blocks[b]!, replaceInRuns(blocks[b]!.runs, list, replacement));
}

export function $selectMatch(match: LiveMatch): void {
  const selection = $createRangeSelection();
  selection.anchor.set(match.startKey, match.startOffset, 'text');
  selection.focus.set(match.endKey, match.endOffset, 'text');
  $setSelection(selection);
}

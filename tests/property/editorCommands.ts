import fc from 'fast-check';
import { createHeadlessEditor } from '@lexical/headless';
import { registerRichText } from '@lexical/rich-text';
import { registerList } from '@lexical/list';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode } from '@lexical/list';
import { $isTableCellNode } from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import { $createRangeSelection, $getRoot, $getSelection, $isParagraphNode, $isRangeSelection, $setSelection, type LexicalEditor, type LexicalNode, type TextNode } from 'lexical';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { EDITOR_COMMANDS, runEditorCommand, type EditorCommandId } from '../../renderer/editor/commands/editorCommands.js';
import { $topLevelBlock } from '../../renderer/editor/commands/selection.js';

/**
 * Property: over random documents × random selections × every toolbar and shortcut command
 * (the very functions the toolbar calls, renderer/editor/commands/editorCommands.ts), run on
 * a headless Lexical editor with the app's node set, every word present before is present
 * after, in the same order, unless the command deletes by design (delete row / column).
 * Commands that put something in (link, table, picture) leave a collapsed caret, so typing
 * next replaces nothing; a table or picture leaves no new empty paragraph above it.
 */

const wordsArb = fc.integer({ min: 1, max: 4 });
const runsArb = fc.array(fc.record({ words: wordsArb, format: fc.constantFrom(0, 0, 1, 2), link: fc.constantFrom(false, false, false, true) }), { minLength: 1, maxLength: 3 });
type RawRun = { words: number; format: number; link: boolean };
type RawBlock = { kind: string; runs?: RawRun[]; items?: RawRun[][]; cells?: RawRun[][]; listType?: 'bullet' | 'number' };
const blockArb: fc.Arbitrary<RawBlock> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('paragraph'), runs: runsArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('h2', 'h3', 'quote'), runs: runsArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('empty') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('image') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('list'), listType: fc.constantFrom('bullet' as const, 'number' as const), items: fc.array(runsArb, { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('table'), cells: fc.array(runsArb, { minLength: 4, maxLength: 4 }) }) },
);
export const documentArb = fc.array(blockArb, { minLength: 1, maxLength: 6 });

/** Turn the generated shape into Lexical JSON with words w0, w1, … in document order. */
export function documentJson(blocks: RawBlock[]) {
  let next = 0;
  const words = (n: number) => Array.from({ length: n }, () => `w${next++}`).join(' ');
  const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });
  const inline = (runs: RawRun[]) =>
    runs.map((run, i) => {
      const text = { type: 'text', version: 1, text: (i > 0 ? ' ' : '') + words(run.words), format: run.format, detail: 0, mode: 'normal', style: '' };
      return run.link ? el('link', [{ ...text, text: text.text.trimStart() }], { url: 'https://www.sefton.gov.uk/', rel: null, target: null, title: null }) : text;
    });
  // A link's leading space moved outside it would glue words: keep a plain space before links.
  const spaced = (runs: RawRun[]) => inline(runs).flatMap((node, i) => (i > 0 && (node as { type: string }).type === 'link' ? [{ type: 'text', version: 1, text: ' ', format: 0, detail: 0, mode: 'normal', style: '' }, node] : [node]));
  const children = blocks.map((b) => {
    switch (b.kind) {
      case 'empty':
        return el('paragraph', [], { textFormat: 0, textStyle: '' });
      case 'image':
        return { type: 'image', version: 1, src: 'data:image/png;base64,iVBORw0KGgo=', altText: 'A chart', width: 10, height: 10 };
      case 'list':
        return el('list', b.items!.map((runs, i) => el('listitem', spaced(runs), { value: i + 1 })), { listType: b.listType, start: 1, tag: b.listType === 'number' ? 'ol' : 'ul' });
      case 'table':
        return el('table', [0, 1].map((r) => el('tablerow', [0, 1].map((c) => el('tablecell', [el('paragraph', spaced(b.cells![r * 2 + c]!), { textFormat: 0, textStyle: '' })], { headerState: r === 0 ? 1 : 0, colSpan: 1, rowSpan: 1, backgroundColor: null })))), {});
      case 'h2':
      case 'h3':
        return el('heading', spaced(b.runs!), { tag: b.kind });
      case 'quote':
        return el('quote', spaced(b.runs!));
      default:
        return el('paragraph', spaced(b.runs!), { textFormat: 0, textStyle: '' });
    }
  });
  return { root: el('root', children) };
}

export type SelectionKind = 'collapsed' | 'withinWord' | 'acrossBlocks' | 'inLink' | 'inList' | 'inTableCell';
export const SELECTION_KINDS: readonly SelectionKind[] = ['collapsed', 'withinWord', 'acrossBlocks', 'inLink', 'inList', 'inTableCell'];
const selectionArb = fc.record({ kind: fc.constantFrom(...SELECTION_KINDS), a: fc.nat(), b: fc.nat(), c: fc.nat(), d: fc.nat(), backward: fc.boolean() });
type SelectionPick = { kind: SelectionKind; a: number; b: number; c: number; d: number; backward: boolean };

function newEditor(): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
  registerRichText(editor);
  registerList(editor);
  return editor;
}

/** Place the chosen kind of selection; null when this document has no place for it. */
function $placeSelection(pick: SelectionPick): boolean {
  const texts = $getRoot().getAllTextNodes().filter((t) => t.getTextContentSize() > 0);
  const where = (filter: (t: TextNode) => boolean) => texts.filter(filter);
  const pickFrom = (list: TextNode[], n: number) => (list.length ? list[n % list.length]! : null);
  const range = $createRangeSelection();
  const set = (a: TextNode, ao: number, f: TextNode, fo: number) => {
    range.anchor.set(a.getKey(), ao, 'text');
    range.focus.set(f.getKey(), fo, 'text');
    $setSelection(range);
    return true;
  };
  const wordIn = (node: TextNode, n: number) => {
    const text = node.getTextContent();
    const spans = [...text.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
    return spans[n % spans.length]!;
  };
  switch (pick.kind) {
    case 'collapsed': {
      const node = pickFrom(texts, pick.a);
      if (!node) return false;
      const at = pick.b % (node.getTextContentSize() + 1);
      return set(node, at, node, at);
    }
    case 'withinWord': {
      const node = pickFrom(where((t) => /\S/.test(t.getTextContent())), pick.a);
      if (!node) return false;
      const [start, end] = wordIn(node, pick.b);
      const from = start + (pick.c % (end - start));
      const to = from + 1 + (pick.d % (end - from));
      return pick.backward ? set(node, to, node, from) : set(node, from, node, to);
    }
    case 'acrossBlocks': {
      if (texts.length < 2) return false;
      const i = pick.a % texts.length;
      const later = texts.filter((t, j) => j > i && $topLevelBlock(t) !== $topLevelBlock(texts[i]!) || (j > i && $findMatchingParent(t, $isTableCellNode) !== $findMatchingParent(texts[i]!, $isTableCellNode) && $findMatchingParent(t, $isTableCellNode) !== null));
      const other = pickFrom(later, pick.b);
      if (!other) return false;
      const from = pick.c % (texts[i]!.getTextContentSize() + 1);
      const to = pick.d % (other.getTextContentSize() + 1);
      return pick.backward ? set(other, to, texts[i]!, from) : set(texts[i]!, from, other, to);
    }
    case 'inLink':
    case 'inList':
    case 'inTableCell': {
      const test = pick.kind === 'inLink' ? (t: TextNode) => $isLinkNode(t.getParent()) : pick.kind === 'inList' ? (t: TextNode) => $findMatchingParent(t, $isListItemNode) !== null : (t: TextNode) => $findMatchingParent(t, $isTableCellNode) !== null;
      const node = pickFrom(where(test), pick.a);
      if (!node) return false;
      const size = node.getTextContentSize();
      const from = pick.b % (size + 1);
      const to = pick.backward ? from : from + (pick.c % (size - from + 1));
      return set(node, from, node, to);
    }
  }
}

/** The w-words of the whole document, in order ("w1w2" run together counts as neither). */
function $words(): string[] {
  return $getRoot().getTextContent().split(/\s+/).filter((w) => /^w\d+$/.test(w));
}

/** Text with every run of white space (block breaks included) as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function isSubsequence(small: string[], big: string[]): boolean {
  let i = 0;
  for (const w of big) if (i < small.length && small[i] === w) i++;
  return i === small.length;
}

function $emptyParagraphs(): number {
  return $getRoot().getChildren().filter((n) => $isParagraphNode(n) && n.getChildrenSize() === 0).length;
}

const PICTURE = { src: 'data:image/png;base64,iVBORw0KGgo=', altText: 'Bus routes', width: 10, height: 10 };
const TYPED = 'TYPED';
const LINK_TEXT = 'new link';
const INSERTS = new Set<EditorCommandId>(['link', 'table', 'picture']);

export interface PropertyReport {
  documents: number;
  selections: number;
  commands: number;
  commandKinds: number;
  bySelection: Record<SelectionKind, number>;
  notApplicable: number;
  failures: string[];
}

/**
 * One check: a document, a selection, every command in turn on a fresh copy. Returns the
 * problems found (empty when all hold).
 */
export function checkOne(blocks: RawBlock[], pick: SelectionPick, report: PropertyReport): string[] {
  const json = documentJson(blocks);
  const problems: string[] = [];
  for (const command of EDITOR_COMMANDS) {
    const editor = newEditor();
    editor.setEditorState(editor.parseEditorState(json as never));
    let placed = false;
    editor.update(() => (placed = $placeSelection(pick)), { discrete: true });
    if (!placed) return problems;
    const before = editor.getEditorState().read($words);
    const textBeforeCommand = editor.getEditorState().read(() => $getRoot().getTextContent());
    const emptyBefore = editor.getEditorState().read($emptyParagraphs);
    let applied: boolean;
    try {
      applied = runEditorCommand(editor, command.id, { url: 'https://www.gov.uk/', text: LINK_TEXT, rows: 2, columns: 2, picture: PICTURE });
    } catch (error) {
      problems.push(`${command.id} threw ${(error as Error).message}`);
      continue;
    }
    report.commands++;
    if (!applied) report.notApplicable++;
    const after = editor.getEditorState().read($words);
    const deletes = 'deletes' in command && command.deletes;
    // A new link typed at a caret inside a word splits that word, as typing there would: for
    // it, the text with the link's words taken out must be exactly the text before.
    const linkTypedIn = command.id === 'link' && editor.getEditorState().read(() => $getRoot().getTextContent()).replace(LINK_TEXT, '') === textBeforeCommand;
    if (deletes ? !isSubsequence(after, before) : after.join(' ') !== before.join(' ') && !linkTypedIn) problems.push(`${command.id} on ${pick.kind}: words ${before.join(' ')} became ${after.join(' ')}`);
    if (INSERTS.has(command.id) && applied) {
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed()) problems.push(`${command.id} on ${pick.kind}: the selection is not a collapsed caret afterwards`);
        else if (command.id === 'link' && $findMatchingParent(selection.anchor.getNode(), $isLinkNode) && selection.anchor.offset < selection.anchor.getNode().getTextContentSize()) problems.push(`link on ${pick.kind}: the caret is inside the link, not after it`);
        const empties = $emptyParagraphs();
        if (command.id !== 'link' && empties > emptyBefore) {
          const root = $getRoot();
          const last = root.getLastChild();
          const blockBefore = last?.getPreviousSibling() as LexicalNode | null | undefined;
          if (empties > emptyBefore + 1 || !$isParagraphNode(last) || !blockBefore || blockBefore.getType() !== (command.id === 'table' ? 'table' : 'image')) problems.push(`${command.id} on ${pick.kind}: left a new empty paragraph (${emptyBefore} → ${empties})`);
        }
      });
      // The next keystroke types at the caret and replaces nothing: take the typed text out
      // again and the text is exactly what it was.
      const textBefore = editor.getEditorState().read(() => $getRoot().getTextContent());
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(TYPED);
      }, { discrete: true });
      const typed = editor.getEditorState().read(() => $getRoot().getTextContent());
      if (!typed.includes(TYPED) || squash(typed.replace(TYPED, '')) !== squash(textBefore)) problems.push(`${command.id} then typing on ${pick.kind}: ${JSON.stringify(textBefore)} became ${JSON.stringify(typed)}`);
    }
  }
  return problems;
}

export function runEditorCommandProperty(options: { documents: number; selectionsPerDocument: number; seed: number }): PropertyReport {
  const report: PropertyReport = { documents: 0, selections: 0, commands: 0, commandKinds: EDITOR_COMMANDS.length, bySelection: Object.fromEntries(SELECTION_KINDS.map((k) => [k, 0])) as Record<SelectionKind, number>, notApplicable: 0, failures: [] };
  const property = fc.property(documentArb, fc.array(selectionArb, { minLength: options.selectionsPerDocument, maxLength: options.selectionsPerDocument }), (blocks, picks) => {
    report.documents++;
    const problems: string[] = [];
    for (const pick of picks) {
      const commandsBefore = report.commands;
      problems.push(...checkOne(blocks, pick, report));
      if (report.commands > commandsBefore) {
        report.selections++;
        report.bySelection[pick.kind]++;
      }
    }
    if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  });
  const result = fc.check(property, { numRuns: options.documents, seed: options.seed, endOnFailure: true });
  if (result.failed) report.failures.push(`${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\ncounterexample: ${JSON.stringify(result.counterexample)}`);
  return report;
}

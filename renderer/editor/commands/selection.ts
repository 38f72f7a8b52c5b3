import {
  $createRangeSelection,
  $createRangeSelectionFromDom,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTextNode,
  $setSelection,
  type BaseSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
  type RangeSelection,
} from 'lexical';
import { $findMatchingParent } from '@lexical/utils';

/**
 * Where a command starts: the selection the user can see when the key is pressed.
 *
 * A command coming straight after Shift+Arrow can run before the browser's selectionchange
 * has reached Lexical, so the editor's state still holds the selection of a moment ago. When
 * the document's selection is inside this editor, take it from there. A selection saved when
 * a dialog opened (the dialog has the focus now) is put back instead.
 */
export function $startingSelection(editor: LexicalEditor, saved?: BaseSelection | null): void {
  if (saved) {
    $setSelection(saved.clone());
    return;
  }
  if (typeof window === 'undefined' || editor._headless) return;
  const root = editor.getRootElement();
  if (!root) return;
  const dom = window.getSelection();
  if (!dom || !dom.anchorNode || !root.contains(dom.anchorNode) || (dom.focusNode && !root.contains(dom.focusNode))) return;
  // A multi-cell table selection is Lexical's own (the DOM cannot show it): keep it.
  const current = $getSelection();
  if (current !== null && !$isRangeSelection(current)) return;
  const fromDom = $createRangeSelectionFromDom(dom, editor);
  // Same place: keep Lexical's selection, which carries a pending format (Bold switched on at
  // the caret before typing) that the page's selection does not know about.
  if (!fromDom || (current && fromDom.anchor.is(current.anchor) && fromDom.focus.is(current.focus))) return;
  $setSelection(fromDom);
}

/** The later of the selection's two ends, in document order. */
export function $endPoint(selection: RangeSelection): PointType {
  return selection.isBackward() ? selection.anchor : selection.focus;
}

/** Collapse the selection to its end: what a block insert starts from (never overwrites). */
export function $collapseToEnd(selection: RangeSelection): RangeSelection {
  const end = $endPoint(selection);
  const collapsed = $createRangeSelection();
  collapsed.anchor.set(end.key, end.offset, end.type);
  collapsed.focus.set(end.key, end.offset, end.type);
  collapsed.format = selection.format;
  collapsed.style = selection.style;
  $setSelection(collapsed);
  return collapsed;
}

/** The block directly under the root that holds this node (a paragraph, list, table…). */
export function $topLevelBlock(node: LexicalNode): LexicalNode | null {
  if ($isRootOrShadowRoot(node)) return null;
  return $findMatchingParent(node, (n) => {
    const parent = n.getParent();
    return parent !== null && $isRootOrShadowRoot(parent) && parent.getParent() === null;
  });
}

/** Put a collapsed caret just after an inline element (a link): typing carries on outside it. */
export function $selectAfterInline(node: ElementNode): void {
  const next = node.getNextSibling();
  if ($isTextNode(next)) {
    next.select(0, 0);
    return;
  }
  const parent = node.getParentOrThrow();
  const index = node.getIndexWithinParent() + 1;
  parent.select(index, index);
}

/** The caret just after a block (a table, a picture): the start of the next block. */
export function $selectAfterBlock(node: LexicalNode): void {
  const next = node.getNextSibling();
  if ($isElementNode(next)) next.selectStart();
  else if (next) next.selectPrevious();
}

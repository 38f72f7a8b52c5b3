import { $createLinkNode, $isLinkNode, $toggleLink, type LinkNode } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import { $createTextNode, $getSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { $endPoint, $selectAfterInline } from './selection.js';

/**
 * Insert or edit a link at the selection, then leave the caret just after the link with
 * nothing selected (as Word does): the next keystroke types after the link and never replaces
 * its text.
 * - caret in a link: change its address;
 * - caret elsewhere: put in a new link showing `text`;
 * - text selected: make it a link (edits the address of a link it is already in).
 */
export function $applyLink(url: string, text: string): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const existing = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  if (selection.isCollapsed()) {
    if (existing && $isLinkNode(existing)) {
      existing.setURL(url);
      $selectAfterInline(existing);
      return;
    }
    const link = $createLinkNode(url);
    link.append($createTextNode(text));
    selection.insertNodes([link]);
    $selectAfterInline(link);
    return;
  }
  const end = $endPoint(selection).getNode();
  $toggleLink(url);
  const last = linkAround(end) ?? lastLinkIn($getSelection()?.getNodes() ?? []);
  if (last) $selectAfterInline(last);
}

/** Remove a link: the whole link the caret is in, or the links in the selection; the words stay. */
export function $removeLink(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  if (selection.isCollapsed() && link && $isLinkNode(link)) $unwrap(link);
  else $unlinkSelection();
}

/**
 * Take out every link the selection touches, whole, keeping their words (Word's "Remove
 * hyperlink"). Not $toggleLink(null): across a list item and the next block it throws.
 */
export function $unlinkSelection(): void {
  const selection = $getSelection();
  if (!selection) return;
  const links = new Set<LinkNode>();
  for (const node of selection.getNodes()) {
    const link = $isLinkNode(node) ? node : linkAround(node);
    if (link) links.add(link);
  }
  for (const link of links) if (link.isAttached()) $unwrap(link);
}

function $unwrap(link: LinkNode): void {
  for (const child of link.getChildren()) link.insertBefore(child);
  link.remove();
}

function linkAround(node: LexicalNode): LinkNode | null {
  if (!node.isAttached()) return null;
  const link = $findMatchingParent(node, $isLinkNode);
  return link && $isLinkNode(link) ? link : null;
}

function lastLinkIn(nodes: LexicalNode[]): LinkNode | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const link = linkAround(nodes[i]!);
    if (link) return link;
  }
  return null;
}

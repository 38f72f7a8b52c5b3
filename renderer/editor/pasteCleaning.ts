import { normaliseLink } from '../../shared/links/normaliseLink.js';
import { isEmbeddablePicture } from '../../shared/richtext/ImageNode.js';
import { parseInertHtml, PASTED_STYLE } from './inertHtml.js';

/**
 * Cleans HTML from the clipboard (Word, web pages, Google Docs) down to the structure a
 * section can hold: headings, paragraphs, quotes, lists, tables, links, bold / italic /
 * underline / strikethrough. Fonts, colours, sizes, classes, scripts, remote images and
 * anything unknown are dropped; their text is kept.
 *
 * Word does not put lists in <ul>/<ol>: each item is a <p> with `mso-list:l0 level2` in its
 * style and the bullet or number as text inside a `mso-list:Ignore` span. Those paragraphs
 * are rebuilt into real nested lists here, before Lexical's own HTML import runs.
 */

/** Elements kept as they are (their attributes are still stripped). */
const KEEP = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'B', 'STRONG', 'I', 'EM', 'U', 'S',
  'STRIKE', 'DEL', 'SUB', 'SUP', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'BR', 'IMG',
]);
/** Elements removed together with everything inside them. */
const DROP = new Set([
  'SCRIPT', 'STYLE', 'META', 'LINK', 'TITLE', 'HEAD', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS',
  'VIDEO', 'AUDIO', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'NOSCRIPT', 'XML', 'O:P', 'V:SHAPETYPE', 'V:SHAPE', 'COLGROUP', 'COL',
]);
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'TABLE', 'DIV', 'SECTION', 'ARTICLE']);
/** Attributes kept per element; everything else (style, class, id, lang, on*) goes. */
const KEEP_ATTRIBUTES: Record<string, string[]> = {
  A: ['href'],
  TD: ['colspan', 'rowspan'],
  TH: ['colspan', 'rowspan'],
  IMG: ['src', 'alt', 'width', 'height'],
  OL: ['start'],
};

export function cleanPastedHtml(html: string): Document {
  const doc = parseInertHtml(html);
  const body = doc.body;
  removeComments(body);
  for (const el of Array.from(body.querySelectorAll('span'))) {
    // Word's list bullets/numbers: "1." or "a)" means a numbered list, a symbol a bulleted
    // one. Note which, then drop the marker: the rebuilt list numbers itself.
    if (!/mso-list:\s*ignore/i.test(el.getAttribute(PASTED_STYLE) ?? '')) continue;
    const marker = (el.textContent ?? '').replace(/[\s\u00a0]/g, '');
    const paragraph = el.closest('p, h1, h2, h3, h4, h5, h6');
    if (paragraph && !paragraph.hasAttribute('data-ordered')) {
      paragraph.setAttribute('data-ordered', String(/^[([]?([0-9]+|[a-z]|[ivxlcdm]+)[.)\]]$/i.test(marker)));
    }
    el.remove();
  }
  rebuildWordLists(doc);
  cleanTree(body);
  removeEmptyParagraphs(body);
  return doc;
}

function removeComments(root: Node) {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

interface WordListItem {
  el: HTMLElement;
  level: number;
  ordered: boolean;
}

function wordListInfo(el: Element): { level: number } | null {
  if (el.tagName !== 'P' && !/^H[1-6]$/.test(el.tagName)) return null;
  const style = el.getAttribute(PASTED_STYLE) ?? '';
  const match = /mso-list:\s*l\d+\s+level(\d+)/i.exec(style);
  if (match) return { level: Number(match[1]) };
  if (/MsoListParagraph/i.test(el.getAttribute('class') ?? '') && !/mso-list:\s*none/i.test(style)) return { level: 1 };
  return null;
}

/** Group runs of consecutive Word list paragraphs into nested <ul>/<ol>. */
function rebuildWordLists(doc: Document) {
  const candidates = Array.from(doc.body.querySelectorAll('p, h1, h2, h3, h4, h5, h6'));
  let run: WordListItem[] = [];
  const flush = () => {
    if (run.length) buildList(doc, run);
    run = [];
  };
  let previous: Element | null = null;
  for (const el of candidates) {
    const info = wordListInfo(el);
    if (!info) {
      flush();
      previous = null;
      continue;
    }
    if (previous && previous.nextElementSibling !== el) flush();
    const ordered = el.getAttribute('data-ordered') === 'true';
    run.push({ el: el as HTMLElement, level: info.level, ordered });
    previous = el;
  }
  flush();
}

function buildList(doc: Document, items: WordListItem[]) {
  const first = items[0]!.el;
  const makeList = (ordered: boolean) => doc.createElement(ordered ? 'ol' : 'ul');
  const top = makeList(items[0]!.ordered);
  first.parentNode!.insertBefore(top, first);
  // Stack of open lists by level; the last <li> of each list takes deeper levels.
  const stack: Array<{ list: HTMLElement; level: number }> = [{ list: top, level: items[0]!.level }];
  for (const item of items) {
    while (stack.length > 1 && item.level < stack[stack.length - 1]!.level) stack.pop();
    let current = stack[stack.length - 1]!;
    if (item.level > current.level) {
      const parentItem = current.list.lastElementChild ?? current.list.appendChild(doc.createElement('li'));
      const nested = makeList(item.ordered);
      parentItem.appendChild(nested);
      current = { list: nested, level: item.level };
      stack.push(current);
    }
    const li = doc.createElement('li');
    while (item.el.firstChild) li.appendChild(item.el.firstChild);
    current.list.appendChild(li);
    item.el.remove();
  }
}

function cleanTree(root: Element) {
  // Children first, so unwrapping a parent moves already-clean children.
  for (const child of Array.from(root.children)) cleanTree(child);
  if (root.tagName === 'BODY') return;
  cleanElement(root as HTMLElement);
}

function cleanElement(el: HTMLElement) {
  const tag = el.tagName.toUpperCase();
  if (DROP.has(tag) || tag.includes(':')) {
    // Office namespaced elements (o:p, v:imagedata, w:…) hold no text worth keeping.
    if (DROP.has(tag) || !el.textContent?.trim()) {
      el.remove();
      return;
    }
  }
  if (tag === 'IMG') {
    if (!isEmbeddablePicture(el.getAttribute('src') ?? '')) {
      el.remove();
      return;
    }
  }
  const style = el.getAttribute(PASTED_STYLE) ?? '';
  // Inline formatting expressed as style (Google Docs, web pages) becomes tags, since the
  // style attribute itself is dropped.
  if (tag === 'B' && /font-weight:\s*(normal|400)/i.test(style)) return unwrap(el);
  let replacement: HTMLElement = el;
  if (tag === 'A') {
    // The one link normaliser decides, and the link keeps its normalised address (shared/links).
    const link = normaliseLink(el.getAttribute('href'));
    if (!link.ok) return unwrap(el);
    el.setAttribute('href', link.url);
  } else if (/^H[1-6]$/.test(tag)) {
    const level = Number(tag[1]);
    const target = level <= 2 ? 'h2' : level >= 4 ? 'h4' : 'h3';
    if (target !== tag.toLowerCase()) replacement = renameElement(el, target);
  } else if (tag === 'DIV' || tag === 'SECTION' || tag === 'ARTICLE' || tag === 'MAIN' || tag === 'HEADER' || tag === 'FOOTER') {
    const hasBlockChild = Array.from(el.children).some((child) => BLOCKS.has(child.tagName));
    if (hasBlockChild) return unwrap(el);
    replacement = renameElement(el, 'p');
  } else if (!KEEP.has(tag)) {
    wrapStyled(el, style);
    return unwrap(el);
  }
  stripAttributes(replacement);
  if (replacement !== el) {
    // renameElement moved the children; style-derived formatting applies inside it.
    wrapChildrenForStyle(replacement, style);
  } else if (tag === 'P' || tag === 'LI' || tag === 'TD' || tag === 'TH') {
    wrapChildrenForStyle(el, style);
  }
}

/** For an element about to be unwrapped: keep its bold/italic/… by wrapping its children. */
function wrapStyled(el: HTMLElement, style: string) {
  wrapChildrenForStyle(el, style);
}

function wrapChildrenForStyle(el: HTMLElement, style: string) {
  const tags: string[] = [];
  if (/font-weight:\s*(bold|[6-9]00)/i.test(style)) tags.push('b');
  if (/font-style:\s*italic/i.test(style)) tags.push('i');
  if (/text-decoration[^;]*underline/i.test(style)) tags.push('u');
  if (/text-decoration[^;]*line-through/i.test(style)) tags.push('s');
  for (const tag of tags) {
    const wrapper = el.ownerDocument.createElement(tag);
    while (el.firstChild) wrapper.appendChild(el.firstChild);
    el.appendChild(wrapper);
  }
}

function stripAttributes(el: Element) {
  const keep = KEEP_ATTRIBUTES[el.tagName] ?? [];
  for (const attr of Array.from(el.attributes)) if (!keep.includes(attr.name.toLowerCase())) el.removeAttribute(attr.name);
}

function unwrap(el: Element) {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function renameElement(el: HTMLElement, tag: string): HTMLElement {
  const next = el.ownerDocument.createElement(tag);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
}

/** Word writes blank <p>&nbsp;</p> paragraphs for spacing; they are not content. */
function removeEmptyParagraphs(root: Element) {
  for (const p of Array.from(root.querySelectorAll('p'))) {
    if (p.closest('td, th')) continue;
    if (!p.querySelector('img, br') && !(p.textContent ?? '').replace(/[\s\u00a0]/g, '')) p.remove();
  }
}

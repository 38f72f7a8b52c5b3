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
      paragraph.setAttribute('data-marker', marker);
    }
    el.remove();
  }
  rebuildWordLists(doc);
  nestStrayLists(body);
  captionsToParagraphs(body);
  markHeaderRows(body);
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
  /** Word's list (`l1`) and list instance (`lfo2`): a new one is a new list. */
  list: string;
  /** The number Word showed ("4." → 4), for the first item of a numbered list. */
  number: number | null;
}

function wordListInfo(el: Element): { level: number; list: string } | null {
  if (el.tagName !== 'P' && !/^H[1-6]$/.test(el.tagName)) return null;
  const style = el.getAttribute(PASTED_STYLE) ?? '';
  const match = /mso-list:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i.exec(style);
  if (match) return { level: Number(match[2]), list: `${match[1]} ${match[3] ?? ''}` };
  if (/MsoListParagraph/i.test(el.getAttribute('class') ?? '') && !/mso-list:\s*none/i.test(style)) return { level: 1, list: '' };
  return null;
}

/** "4." → 4, "(c)" → 3, "iv." → 4; null for bullets. */
function markerNumber(marker: string): number | null {
  const core = /^[([]?([0-9]+|[a-z]|[ivxlcdm]+)[.)\]]$/i.exec(marker)?.[1];
  if (!core) return null;
  if (/^[0-9]+$/.test(core)) return Number(core);
  if (/^[ivxlcdm]+$/i.test(core) && core.length > 1) return romanValue(core.toLowerCase());
  if (core.length === 1 && /[a-z]/i.test(core)) return core.toLowerCase() === 'i' ? 1 : core.toLowerCase().charCodeAt(0) - 96;
  return null;
}

function romanValue(roman: string): number {
  const value: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const here = value[roman[i]!]!;
    const next = value[roman[i + 1] ?? ''] ?? 0;
    total += here < next ? -here : here;
  }
  return total;
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
    run.push({ el: el as HTMLElement, level: info.level, ordered, list: info.list, number: markerNumber(el.getAttribute('data-marker') ?? '') });
    previous = el;
  }
  flush();
}

/**
 * Word list paragraphs in a row become nested <ul>/<ol>. A different Word list (a bulleted
 * list straight after a numbered one, or a new numbering) starts a new list, never merges
 * into the one before; a numbered list keeps the number it starts at ("4." → start="4").
 */
function buildList(doc: Document, items: WordListItem[]) {
  const first = items[0]!.el;
  const makeList = (item: WordListItem) => {
    const list = doc.createElement(item.ordered ? 'ol' : 'ul');
    if (item.ordered && item.number !== null && item.number !== 1) list.setAttribute('start', String(item.number));
    return list;
  };
  let top = makeList(items[0]!);
  first.parentNode!.insertBefore(top, first);
  // Stack of open lists by level; the last <li> of each list takes deeper levels.
  let stack: Array<{ list: HTMLElement; level: number; ordered: boolean; id: string }> = [{ list: top, level: items[0]!.level, ordered: items[0]!.ordered, id: items[0]!.list }];
  for (const item of items) {
    while (stack.length > 1 && item.level < stack[stack.length - 1]!.level) stack.pop();
    let current = stack[stack.length - 1]!;
    if (stack.length === 1 && item.level <= current.level && (item.list !== current.id || item.ordered !== current.ordered)) {
      // Another list at the outer level: a list of its own, after this one.
      const next = makeList(item);
      top.after(next);
      top = next;
      stack = [{ list: next, level: item.level, ordered: item.ordered, id: item.list }];
      current = stack[0]!;
    } else if (item.level === current.level && stack.length > 1 && item.ordered !== current.ordered) {
      // The same level changes from bullets to numbers (or back): a new nested list.
      const parentItem = current.list.parentElement!;
      const nested = makeList(item);
      parentItem.appendChild(nested);
      stack[stack.length - 1] = current = { list: nested, level: item.level, ordered: item.ordered, id: item.list };
    }
    if (item.level > current.level) {
      const parentItem = current.list.lastElementChild ?? current.list.appendChild(doc.createElement('li'));
      const nested = makeList(item);
      parentItem.appendChild(nested);
      current = { list: nested, level: item.level, ordered: item.ordered, id: item.list };
      stack.push(current);
    }
    const li = doc.createElement('li');
    while (item.el.firstChild) li.appendChild(item.el.firstChild);
    current.list.appendChild(li);
    item.el.remove();
  }
}

/**
 * Google Docs nests a list by putting the <ul> straight inside the outer <ul>, after the item it
 * belongs to (not inside that <li>): move it into the item before, so the level is kept.
 */
function nestStrayLists(body: HTMLElement) {
  for (const list of Array.from(body.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol'))) {
    const previous = list.previousElementSibling;
    if (previous?.tagName === 'LI') previous.appendChild(list);
    else {
      const li = list.ownerDocument.createElement('li');
      list.replaceWith(li);
      li.appendChild(list);
    }
  }
}

/** A table's <caption> (web pages) is kept as a paragraph just before the table. */
function captionsToParagraphs(body: HTMLElement) {
  for (const caption of Array.from(body.querySelectorAll('caption'))) {
    const table = caption.closest('table');
    const p = caption.ownerDocument.createElement('p');
    while (caption.firstChild) p.appendChild(caption.firstChild);
    caption.remove();
    table?.before(p);
  }
}

/**
 * The first row of a table is its header row when the source says so: inside <thead>, made
 * of <th> cells, marked by Word as the first row (`mso-yfti-firstrow`), or every cell of it
 * bold (how LibreOffice, Google Docs and many web pages show a header). Its cells become <th>,
 * which Lexical imports as header cells (exported as a repeating header row, w:tblHeader).
 */
function markHeaderRows(body: HTMLElement) {
  for (const table of Array.from(body.querySelectorAll('table'))) {
    const first = table.querySelector('tr');
    if (!first || first.closest('table') !== table) continue;
    const cells = Array.from(first.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH') as HTMLElement[];
    if (!cells.length) continue;
    const style = first.getAttribute(PASTED_STYLE) ?? '';
    const header =
      first.parentElement?.tagName === 'THEAD' ||
      cells.some((c) => c.tagName === 'TH') ||
      /mso-yfti-firstrow:\s*yes/i.test(style) ||
      (table.querySelectorAll('tr').length > 1 && cells.every(isAllBold) && cells.some((c) => (c.textContent ?? '').trim() !== ''));
    if (!header) continue;
    for (const cell of cells) if (cell.tagName === 'TD') renameElementKeepingAttributes(cell, 'th');
  }
}

const BOLD_STYLE = /(?<![-\w])font-weight:\s*(bold|[6-9]00)/i;

/** Every letter in the cell is bold (or the cell is empty). */
function isAllBold(cell: HTMLElement): boolean {
  const walker = cell.ownerDocument.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode as Text;
    if (!text.data.trim()) continue;
    let bold = false;
    for (let el = text.parentElement; el && el !== cell.parentElement; el = el.parentElement) {
      if (/^(B|STRONG|TH)$/.test(el.tagName) && !/(?<![-\w])font-weight:\s*(normal|400)/i.test(el.getAttribute(PASTED_STYLE) ?? '')) bold = true;
      if (BOLD_STYLE.test(el.getAttribute(PASTED_STYLE) ?? '')) bold = true;
      if (bold) break;
    }
    if (!bold) return false;
  }
  return true;
}

function renameElementKeepingAttributes(el: HTMLElement, tag: string): HTMLElement {
  const next = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) next.setAttribute(attr.name, attr.value);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
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
  if (tag === 'B' && /(?<![-\w])font-weight:\s*(normal|400)/i.test(style)) return unwrap(el);
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
  if (/(?<![-\w])font-weight:\s*(bold|[6-9]00)/i.test(style)) tags.push('b');
  if (/(?<![-\w])font-style:\s*italic/i.test(style)) tags.push('i');
  // A link's own underline (Google Docs spells it out) is how links look, not a format.
  if (/text-decoration[^;]*underline/i.test(style) && !el.closest('a')) tags.push('u');
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

/**
 * Word writes blank <p>&nbsp;</p> paragraphs for spacing, LibreOffice <p><br></p>, Google Docs a
 * <br> between blocks: none is content, and each would be a stray empty paragraph.
 */
function removeEmptyParagraphs(root: Element) {
  for (const p of Array.from(root.querySelectorAll('p'))) {
    if (p.closest('td, th')) continue;
    if (!p.querySelector('img') && !(p.textContent ?? '').replace(/[\s\u00a0]/g, '')) p.remove();
  }
  for (const br of Array.from(root.querySelectorAll('br'))) {
    if (br.parentElement === root) br.remove();
  }
}

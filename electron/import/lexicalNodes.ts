import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';

/**
 * The Lexical JSON an import writes, shaped exactly as Lexical's own exportJSON() does for
 * the section editor's nodes, so an imported section loads and saves like a typed one.
 */
const ELEMENT = { direction: 'ltr', format: '', indent: 0, version: 1 } as const;

/** Lexical's text format bits (TextNode.__format). */
export const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, subscript: 32, superscript: 64 } as const;

export function textNode(text: string, format = 0): SerializedNodeJson {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

export function lineBreakNode(): SerializedNodeJson {
  return { type: 'linebreak', version: 1 };
}

export function tabNode(format = 0): SerializedNodeJson {
  return { type: 'tab', version: 1, text: '\t', format, style: '', mode: 'normal', detail: 2 };
}

function element(type: string, children: SerializedNodeJson[], extra: Record<string, unknown> = {}): SerializedNodeJson {
  return { type, ...ELEMENT, direction: children.length ? 'ltr' : null, ...extra, children };
}

export function paragraphNode(children: SerializedNodeJson[]): SerializedNodeJson {
  return element('paragraph', children, { textFormat: 0, textStyle: '' });
}

export function headingNode(tag: 'h2' | 'h3' | 'h4', children: SerializedNodeJson[]): SerializedNodeJson {
  return element('heading', children, { tag });
}

export function quoteNode(children: SerializedNodeJson[]): SerializedNodeJson {
  return element('quote', children);
}

export function linkNode(url: string, children: SerializedNodeJson[]): SerializedNodeJson {
  return element('link', children, { url, rel: 'noreferrer', target: null, title: null });
}

export function listNode(listType: 'bullet' | 'number', start: number, children: SerializedNodeJson[]): SerializedNodeJson {
  // Filled after it is made: a list is never written empty, so its direction is the text's.
  return { ...element('list', children, { listType, start, tag: listType === 'number' ? 'ol' : 'ul' }), direction: 'ltr' };
}

export function listItemNode(children: SerializedNodeJson[], value = 1): SerializedNodeJson {
  return element('listitem', children, { value });
}

export function tableNode(rows: SerializedNodeJson[]): SerializedNodeJson {
  return element('table', rows);
}

export function tableRowNode(cells: SerializedNodeJson[]): SerializedNodeJson {
  return element('tablerow', cells);
}

export function tableCellNode(children: SerializedNodeJson[], headerState: number): SerializedNodeJson {
  return element('tablecell', children, { headerState, colSpan: 1, rowSpan: 1, backgroundColor: null });
}

export function imageNode(src: string, altText: string, width: number | null, height: number | null): SerializedNodeJson {
  return { type: 'image', version: 1, src, altText, width, height };
}

/** Lexical's list item values: numbered from the list's start; an item holding only a nested list takes the next value without using it. */
export function numberListItems(list: SerializedNodeJson): void {
  let value = typeof list.start === 'number' ? list.start : 1;
  for (const item of list.children ?? []) {
    if (item.type !== 'listitem') continue;
    item.value = value;
    const only = item.children?.length === 1 ? item.children[0] : undefined;
    if (only?.type === 'list') numberListItems(only);
    else value++;
  }
}

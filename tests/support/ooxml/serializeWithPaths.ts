/**
 * Serialises an xmldom document so that every start tag ends on a line of its own, and
 * remembers which element that line belongs to. xmllint reports a schema error at the line
 * where the element's start tag ends; Word parts are written on one line, so without this a
 * message would say "line 1" for every error. The newline goes inside the tag, just before its
 * `>` (where XML allows white space), so no text content changes.
 */
export interface SerializedPart {
  xml: string;
  /** pathAtLine[n] is the element whose start tag ends on line n (1-based). */
  pathAtLine: string[];
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function serializeWithPaths(document: Document): SerializedPart {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const pathAtLine: string[] = [];
  let line = 2;

  // Iterative, so a deeply nested part cannot overflow the stack.
  type Frame = { element: Element; path: string; index: number; children: ChildNode[]; counts: Map<string, number>; totals: Map<string, number> };
  const open = (element: Element, path: string): Frame => {
    out.push('<', element.tagName);
    for (const attribute of Array.from(element.attributes)) out.push(' ', attribute.name, '="', escapeAttribute(attribute.value), '"');
    out.push('\n');
    line += 1;
    pathAtLine[line] = path;
    const children = Array.from(element.childNodes);
    const totals = new Map<string, number>();
    for (const child of children) if (child.nodeType === 1) totals.set((child as Element).tagName, (totals.get((child as Element).tagName) ?? 0) + 1);
    out.push(children.length ? '>' : '/>');
    return { element, path, index: 0, children, counts: new Map(), totals };
  };

  const root = document.documentElement;
  if (!root) return { xml: out.join(''), pathAtLine };
  const stack: Frame[] = [open(root, `/${root.tagName}`)];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.children.length) {
      if (frame.children.length) out.push('</', frame.element.tagName, '>');
      stack.pop();
      continue;
    }
    const child = frame.children[frame.index++]!;
    if (child.nodeType === 1) {
      const name = (child as Element).tagName;
      const n = (frame.counts.get(name) ?? 0) + 1;
      frame.counts.set(name, n);
      const step = frame.totals.get(name)! > 1 ? `${name}[${n}]` : name;
      stack.push(open(child as Element, `${frame.path}/${step}`));
    } else if (child.nodeType === 3 || child.nodeType === 4) {
      const text = (child as CharacterData).data;
      out.push(escapeText(text));
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line += 1;
    }
  }
  return { xml: out.join(''), pathAtLine };
}

/**
 * A compact, readable outline of a saved section's Lexical JSON, for comparing pasted content
 * with the expected structure kept beside each paste fixture (tests/fixtures/paste/*.expected.json).
 */
type Json = { type?: string; text?: string; children?: Json[]; tag?: string; listType?: string; start?: number; headerState?: number; url?: string; format?: number; root?: Json };

const textOf = (node: Json): string => (typeof node.text === 'string' ? node.text : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(textOf).join(''));

function listItems(list: Json, level: number, out: Array<{ level: number; text: string; type: string }>) {
  for (const item of list.children ?? []) {
    const nested = (item.children ?? []).filter((c) => c.type === 'list');
    const own = (item.children ?? []).filter((c) => c.type !== 'list');
    if (own.length) out.push({ level, type: list.listType ?? '', text: own.map(textOf).join('') });
    for (const n of nested) listItems(n, level + 1, out);
  }
  return out;
}

export function pasteStructure(content: Json) {
  const root = content.root ?? content;
  const blocks = (root.children ?? []).map((block) => {
    switch (block.type) {
      case 'heading':
        return { heading: block.tag, text: textOf(block) };
      case 'list':
        return { list: block.listType, start: block.start ?? 1, items: listItems(block, 1, []) };
      case 'table': {
        const rows = (block.children ?? []).map((row) => (row.children ?? []).map(textOf));
        const first = block.children?.[0]?.children ?? [];
        const headerRow = first.length > 0 && first.every((c) => ((c.headerState ?? 0) & 1) !== 0);
        return { table: rows, headerRow };
      }
      default:
        return { [block.type ?? '?']: textOf(block) };
    }
  });
  const marks: Record<string, string[]> = { bold: [], italic: [], underline: [], strikethrough: [] };
  const links: Array<[string, string]> = [];
  const walk = (node: Json) => {
    if (node.type === 'text' && node.format) {
      if (node.format & 1) marks.bold!.push(node.text ?? '');
      if (node.format & 2) marks.italic!.push(node.text ?? '');
      if (node.format & 8) marks.underline!.push(node.text ?? '');
      if (node.format & 4) marks.strikethrough!.push(node.text ?? '');
    }
    if ((node.type === 'link' || node.type === 'autolink') && node.url) links.push([textOf(node), node.url]);
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return { blocks, marks, links };
}

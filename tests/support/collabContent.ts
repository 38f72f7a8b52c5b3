import { createHeadlessEditor } from '@lexical/headless';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $createLineBreakNode, $createParagraphNode, $createTabNode, $createTextNode, $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import { ImageNode } from '../../shared/richtext/ImageNode.js';

/** A headless editor with the section nodes: what Lexical itself would save is the reference. */
export function sectionEditor(): LexicalEditor {
  return createHeadlessEditor({ namespace: 'test', nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
}

/** Lexical's own JSON for `json` (parse and save again), the form a round trip must return. */
export function canonical(json: unknown): SerializedEditorState {
  const editor = sectionEditor();
  return editor.parseEditorState(json as SerializedEditorState).toJSON();
}

/** A tiny real PNG (1×1), so the picture rule accepts it. */
export const PNG_1x1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** One section's content holding every node type the section editor registers today. */
export function everyNodeContent(): SerializedEditorState {
  const editor = sectionEditor();
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      const h2 = $createHeadingNode('h2').append($createTextNode('Local angle'));
      const h3 = $createHeadingNode('h3').append($createTextNode('Jobs'));
      const p = $createParagraphNode().append(
        $createTextNode('Bold ').toggleFormat('bold'),
        $createTextNode('italic').toggleFormat('italic'),
        $createTabNode(),
        $createTextNode('after tab'),
        $createLineBreakNode(),
        $createTextNode('second line '),
        $createLinkNode('https://www.sefton.gov.uk/', { title: 'Sefton' }).append($createTextNode('Sefton Council')),
        $createTextNode(' and '),
        $createAutoLinkNode('https://example.org/').append($createTextNode('https://example.org/')),
      );
      p.setFormat('center');
      const quote = $createQuoteNode().append($createTextNode('A confident and connected borough.'));
      const bullets = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('Retrofit')),
        $createListItemNode().append($createTextNode('Offshore wind')),
      );
      const numbers = $createListNode('number', 3).append($createListItemNode().append($createTextNode('Agree the offer')));
      const table = $createTableNode();
      for (let r = 0; r < 2; r++) {
        const row = $createTableRowNode();
        for (let c = 0; c < 2; c++) {
          const cell = $createTableCellNode(r === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
          cell.append($createParagraphNode().append($createTextNode(`r${r}c${c}`)));
          row.append(cell);
        }
        table.append(row);
      }
      const picture = $createParagraphNode().append(new ImageNode(PNG_1x1, 'Map of the coast', 120, 80));
      root.append(h2, h3, p, quote, bullets, numbers, table, picture, $createParagraphNode());
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

/** Every `type` in a serialized tree. */
export function typesIn(node: unknown, out = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    const n = node as { type?: unknown; children?: unknown[]; root?: unknown };
    if (typeof n.type === 'string') out.add(n.type);
    if (n.root) typesIn(n.root, out);
    for (const child of n.children ?? []) typesIn(child, out);
  }
  return out;
}

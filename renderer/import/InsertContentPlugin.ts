import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { $getRoot, $getSelection, $isRangeSelection, type SerializedLexicalNode } from 'lexical';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';

/**
 * Lets the pack screen put content (a Word document's, from Insert › Word document) into the
 * section being edited, at the cursor, as one undoable edit, with the same Lexical functions
 * paste uses. Without a cursor in the text it goes at the end of the section.
 */
const inserters = new Map<string, (nodes: SerializedNodeJson[]) => void>();

export function insertIntoSection(sectionId: string, nodes: SerializedNodeJson[]): boolean {
  const insert = inserters.get(sectionId);
  if (!insert) return false;
  insert(nodes);
  return true;
}

export function InsertContentPlugin(props: { sectionId: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const insert = (nodes: SerializedNodeJson[]) => {
      editor.update(() => {
        const generated = $generateNodesFromSerializedNodes(nodes as unknown as SerializedLexicalNode[]);
        let selection = $getSelection();
        if (!$isRangeSelection(selection)) {
          $getRoot().selectEnd();
          selection = $getSelection();
        }
        if (selection) $insertGeneratedNodes(editor, generated, selection);
      });
      // Back to the text, after the inserted content, so typing or Ctrl+Z carries straight on.
      editor.focus();
    };
    inserters.set(props.sectionId, insert);
    return () => {
      if (inserters.get(props.sectionId) === insert) inserters.delete(props.sectionId);
    };
  }, [editor, props.sectionId]);
  return null;
}

import { useLayoutEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { setScrollableTablesActive } from '@lexical/table';

/**
 * Wide tables scroll sideways inside their own wrapper (theme.tableScrollableWrapper). Set
 * before TablePlugin's effect runs: TablePlugin would otherwise switch it on itself and then
 * re-render the whole editor to apply it (~30 ms while a pack opens, measured), although the
 * editor is still empty at that point.
 */
export function ScrollableTablesPlugin() {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => setScrollableTablesActive(editor, true), [editor]);
  return null;
}

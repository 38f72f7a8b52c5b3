import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, FORMAT_ELEMENT_COMMAND, FORMAT_TEXT_COMMAND, INDENT_CONTENT_COMMAND, OUTDENT_CONTENT_COMMAND, type LexicalCommand } from 'lexical';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';

/**
 * For a team-server account that may only suggest: the direct changes a suggestion cannot
 * carry (bold, alignment, indents, lists, tables, links from keys such as Ctrl+B) are not made,
 * since the server would refuse them and the person's later suggestions with them. Typing,
 * deleting and pasting still work: suggesting (renderer/review) turns them into suggestions.
 */
const DIRECT_CHANGES = [
  FORMAT_TEXT_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  INSERT_TABLE_COMMAND,
  TOGGLE_LINK_COMMAND,
] as unknown as LexicalCommand<unknown>[];

export function SuggestOnlyPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => mergeRegister(...DIRECT_CHANGES.map((command) => editor.registerCommand(command, () => true, COMMAND_PRIORITY_CRITICAL))), [editor]);
  return null;
}

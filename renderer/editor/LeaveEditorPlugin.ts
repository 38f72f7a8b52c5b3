import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, KEY_ESCAPE_COMMAND } from 'lexical';

/**
 * Escape leaves the text (issue 13). Tab indents inside the editor, so without this a
 * keyboard user could not get past it: Escape moves focus to the marker just after the text,
 * and Tab then goes on to the next control (Shift+Tab back to the toolbar). Low priority, so
 * anything that uses Escape itself first (a menu, a table selection) still gets it.
 */
export function LeaveEditorPlugin(props: { exitTarget: () => HTMLElement | null }) {
  const [editor] = useLexicalComposerContext();
  const { exitTarget } = props;
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          if (event.defaultPrevented) return false;
          const target = exitTarget();
          if (!target) return false;
          event.preventDefault();
          target.focus();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, exitTarget],
  );
  return null;
}

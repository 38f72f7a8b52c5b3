import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $generateNodesFromDOM } from '@lexical/html';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { $isTableSelection } from '@lexical/table';

/** The cleaner and its HTML parser (parse5) run only when something is first pasted. */
let cleaner: Promise<typeof import('./pasteCleaning.js')> | null = null;

/**
 * Pasting HTML (Word, web pages) goes through cleanPastedHtml() first, then Lexical's own
 * HTML import. Copy and paste between Lexical editors (application/x-lexical-editor) and
 * plain text keep Lexical's default handling: plain text lines become paragraphs.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false;
          const data = event.clipboardData;
          if (data.types.includes('application/x-lexical-editor')) return false;
          const html = data.getData('text/html');
          if (!html) return false;
          event.preventDefault();
          void (cleaner ??= import('./pasteCleaning.js')).then(({ cleanPastedHtml }) => {
            const dom = cleanPastedHtml(html);
            editor.update(() => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection) && !$isTableSelection(selection)) return;
              const nodes = $generateNodesFromDOM(editor, dom);
              $insertGeneratedNodes(editor, nodes, selection);
            });
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}

import { createCommand, type LexicalCommand } from 'lexical';

/** Comment on the selection (or the word at the caret, a table cell, a picture). */
export const ADD_COMMENT_COMMAND: LexicalCommand<void> = createCommand('ADD_COMMENT_COMMAND');
/** Move to the next (true) or previous (false) suggested change. */
export const NEXT_CHANGE_COMMAND: LexicalCommand<boolean> = createCommand('NEXT_CHANGE_COMMAND');

export type ReviewShortcut = 'comment' | 'suggesting' | 'next' | 'previous';

/**
 * The review keys (listed in renderer/shortcuts/shortcutList.ts): Ctrl+Alt+M comment (as in
 * Word), Ctrl+Shift+E suggesting mode on/off (Word's Track Changes), Ctrl+Alt+N / Ctrl+Alt+P
 * next / previous change. event.code is used with Alt held, because Alt changes event.key on
 * some layouts (Alt Gr).
 */
export function isReviewShortcut(event: KeyboardEvent): ReviewShortcut | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod) return null;
  if (event.altKey && !event.shiftKey) {
    if (event.code === 'KeyM') return 'comment';
    if (event.code === 'KeyN') return 'next';
    if (event.code === 'KeyP') return 'previous';
  }
  if (event.shiftKey && !event.altKey && event.code === 'KeyE') return 'suggesting';
  return null;
}

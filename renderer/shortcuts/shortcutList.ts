/**
 * Every keyboard shortcut of the app and the editor, in one list: the shortcut help dialog
 * (F1, Ctrl/Cmd+/) shows it, grouped and searchable, and a feature that adds a shortcut adds its
 * entry here, so the help can never fall behind the keys. `keys` is written for Windows/Linux
 * ("Ctrl+Shift+Z"); the help shows Cmd on macOS. Plain data: no React, no DOM.
 */
export type ShortcutGroup = 'Anywhere' | 'Library' | 'Pack' | 'Outline' | 'Editor: text' | 'Editor: structure' | 'Editor: review' | 'Editor: leaving';

export interface ShortcutEntry {
  group: ShortcutGroup;
  /** One or more alternative key combinations, e.g. ['Ctrl+Shift+Z', 'Ctrl+Y']. */
  keys: readonly string[];
  description: string;
}

export const SHORTCUTS: readonly ShortcutEntry[] = [
  { group: 'Anywhere', keys: ['F1', 'Ctrl+/'], description: 'Show these keyboard shortcuts' },
  { group: 'Anywhere', keys: ['Escape'], description: 'Close the open dialog; focus goes back to what opened it' },
  { group: 'Library', keys: ['Ctrl+F'], description: 'Search every pack' },
  { group: 'Pack', keys: ['Ctrl+S'], description: 'Save now (keeps a version in the history)' },
  { group: 'Pack', keys: ['Ctrl+P'], description: 'Print the pack (the same pages as its PDF)' },
  { group: 'Pack', keys: ['Ctrl+Alt+G'], description: 'Hide or show the guidance panel' },
  { group: 'Pack', keys: ['Ctrl+F'], description: 'Find in every section of the pack' },
  { group: 'Pack', keys: ['Ctrl+H'], description: 'Replace in the pack (Cmd+Option+F on a Mac)' },
  { group: 'Pack', keys: ['Enter', 'F3'], description: 'In find: next match (the section opens as needed)' },
  { group: 'Pack', keys: ['Shift+Enter', 'Shift+F3'], description: 'In find: previous match' },
  { group: 'Pack', keys: ['Escape'], description: 'In find: close it and select the match in the text' },
  { group: 'Pack', keys: ['Ctrl+=', 'Ctrl+-'], description: 'Zoom the writing area in or out (remembered)' },
  { group: 'Pack', keys: ['Ctrl+0'], description: 'Zoom the writing area back to 100%' },
  { group: 'Outline', keys: ['Enter'], description: 'On a section: open it and put the cursor in its text' },
  { group: 'Outline', keys: ['Alt+Up', 'Alt+Down'], description: 'Move the chosen section up or down' },
  { group: 'Editor: text', keys: ['Ctrl+B'], description: 'Bold' },
  { group: 'Editor: text', keys: ['Ctrl+I'], description: 'Italic' },
  { group: 'Editor: text', keys: ['Ctrl+U'], description: 'Underline' },
  { group: 'Editor: text', keys: ['Ctrl+K'], description: 'Insert or edit a link' },
  { group: 'Editor: text', keys: ['Ctrl+Z'], description: 'Undo' },
  { group: 'Editor: text', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], description: 'Redo' },
  { group: 'Editor: structure', keys: ['Tab', 'Shift+Tab'], description: 'In a list: indent or outdent the item' },
  { group: 'Editor: structure', keys: ['Left', 'Right', 'Home', 'End'], description: 'In the toolbar: move between buttons' },
  { group: 'Editor: review', keys: ['Ctrl+Alt+M'], description: 'Comment on the selection (or the section)' },
  { group: 'Editor: review', keys: ['Ctrl+Shift+E'], description: 'Suggesting on or off (Word’s Track Changes)' },
  { group: 'Editor: review', keys: ['Ctrl+Alt+N', 'Ctrl+Alt+P'], description: 'Next or previous suggested change' },
  { group: 'Editor: leaving', keys: ['Escape', 'Tab'], description: 'Leave the text: press Escape, then Tab to go on to the next control (Shift+Tab to go back)' },
];

import type { ShortcutEntry, ShortcutGroup } from './shortcutList.js';

/**
 * The shortcut help's search and grouping, kept apart from the dialog so it can be tested
 * without a browser. Plain data in, plain data out.
 */

/** "Ctrl+Shift+Z" as a Mac user reads it ("Cmd+Shift+Z"); elsewhere unchanged. */
export function keysForPlatform(keys: string, mac: boolean): string {
  if (!mac) return keys;
  return keys.replace(/\bCtrl\b/g, 'Cmd').replace(/\bAlt\b/g, 'Option');
}

/** Lower case, punctuation as spaces: "Ctrl+Shift+Z" matches "ctrl shift z" and "shift+z". */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[+,.:;()]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Every word of the query must appear in the entry's description, group or keys. */
export function matchesQuery(entry: ShortcutEntry, query: string, mac: boolean): boolean {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise([entry.description, entry.group, ...entry.keys, ...entry.keys.map((k) => keysForPlatform(k, mac))].join(' '));
  return words.every((word) => haystack.includes(word));
}

/** The matching entries by group, groups in the order they first appear in the list. */
export function groupShortcuts(entries: readonly ShortcutEntry[], query: string, mac: boolean): Array<{ group: ShortcutGroup; entries: ShortcutEntry[] }> {
  const groups = new Map<ShortcutGroup, ShortcutEntry[]>();
  for (const entry of entries) {
    if (!matchesQuery(entry, query, mac)) continue;
    const list = groups.get(entry.group) ?? [];
    list.push(entry);
    groups.set(entry.group, list);
  }
  return [...groups].map(([group, list]) => ({ group, entries: list }));
}

/** True on macOS, where the help says Cmd instead of Ctrl. */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /mac/i.test(navigator.platform || navigator.userAgent);
}

/** F1, or Ctrl/Cmd+/ (on layouts where "/" needs Shift the key is still "/"). */
export function isShortcutHelpKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  if (event.key === 'F1' && !event.ctrlKey && !event.metaKey && !event.altKey) return true;
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key === '/';
}

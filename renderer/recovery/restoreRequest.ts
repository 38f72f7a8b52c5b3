/**
 * The library's "Restore" button opens a pack and asks its editor to load the journaled
 * (unsaved) state instead of the file. The request travels in sessionStorage so it survives
 * the navigation but not a new browser session.
 */
const KEY = 'briefing-restore:';

export function requestRestore(file: string): void {
  sessionStorage.setItem(KEY + file, '1');
}

/** True once: reading the request removes it. */
export function takeRestoreRequest(file: string): boolean {
  const asked = sessionStorage.getItem(KEY + file) === '1';
  sessionStorage.removeItem(KEY + file);
  return asked;
}

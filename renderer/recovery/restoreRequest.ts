/**
 * The library's "Restore" button opens a pack and asks its editor to load the journaled
 * (unsaved) state instead of the file. The request travels in sessionStorage so it survives
 * the navigation but not a new browser session. It is only cleared once an editor has
 * finished loading, so a screen that mounts twice (React StrictMode, a quick remount) still
 * sees it.
 */
const KEY = 'briefing-restore:';

export function requestRestore(file: string): void {
  sessionStorage.setItem(KEY + file, '1');
}

export function hasRestoreRequest(file: string): boolean {
  return sessionStorage.getItem(KEY + file) === '1';
}

export function clearRestoreRequest(file: string): void {
  sessionStorage.removeItem(KEY + file);
}

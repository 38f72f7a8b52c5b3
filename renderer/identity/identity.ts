import { host } from '../host/hostClient.js';
import type { StatusActor } from '../../shared/pack/status.js';

/**
 * Who is working: the name and role kept in settings (settings.json in the data folder),
 * used for the editing lock, status changes and version history. Read when needed (settings
 * may change while a pack is open).
 */
export async function readIdentity(): Promise<StatusActor & { settingsNotice: boolean }> {
  try {
    const state = await host.getSettingsState({});
    return { name: state.settings.authorName.trim(), role: state.settings.authorRole?.trim() || undefined, settingsNotice: state.notice !== null };
  } catch {
    return { name: '', settingsNotice: false }; // no settings: the caller asks, nothing is refused
  }
}

export async function saveIdentity(name: string, role: string): Promise<StatusActor> {
  const saved = await host.updateSettings({ authorName: name.trim(), authorRole: role.trim() });
  markIdentityAsked();
  return { name: saved.authorName, role: saved.authorRole };
}

/** The first-launch question is asked once; after "Not now" a status change still asks. */
const ASKED_KEY = 'briefing-identity-asked';

export function identityAsked(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) === '1';
  } catch {
    return false;
  }
}

export function markIdentityAsked(): void {
  try {
    localStorage.setItem(ASKED_KEY, '1');
  } catch {
    // storage refused (private mode): the question may come again, nothing is lost
  }
}

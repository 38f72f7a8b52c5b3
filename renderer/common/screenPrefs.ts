import { host } from '../host/hostClient.js';
import type { ScreenPrefs } from '../../shared/api/settings.js';

/**
 * How the screens were left (guidance panel hidden, last template, last section per pack),
 * kept in the settings (shared/api/settings.ts, `screenPrefs`). Read once and cached; each
 * change is written back in the background. A failure to read or write only means the
 * screens start as they would the first time: nothing is lost and nothing is shown.
 */
const MAX_SECTIONS = 100;
const DEFAULTS: ScreenPrefs = { guidanceHidden: false, lastSections: {} };

let cached: ScreenPrefs | null = null;
let loading: Promise<ScreenPrefs> | null = null;
let writing: Promise<unknown> = Promise.resolve();

export function readScreenPrefs(): Promise<ScreenPrefs> {
  if (cached) return Promise.resolve(cached);
  return (loading ??= host.getSettings({}).then(
    (settings) => (cached = { ...DEFAULTS, ...(settings.screenPrefs ?? {}) }),
    () => (cached = { ...DEFAULTS }),
  ));
}

/** The cached value, or null before the first read has answered. */
export function screenPrefsNow(): ScreenPrefs | null {
  return cached;
}

/** Change some preferences (after the current value has been read) and save them, in order. */
export async function updateScreenPrefs(change: (prefs: ScreenPrefs) => ScreenPrefs): Promise<void> {
  const next = change(await readScreenPrefs());
  if (JSON.stringify(next) === JSON.stringify(cached)) return;
  cached = next;
  writing = writing.then(() => host.updateSettings({ screenPrefs: next }).catch(() => undefined));
  await writing;
}

/** Remember the section a pack was last edited in (newest last, the oldest forgotten). */
export function rememberSection(packId: string, sectionId: string): Promise<void> {
  return updateScreenPrefs((prefs) => {
    if (prefs.lastSections[packId] === sectionId) return prefs;
    const entries = Object.entries(prefs.lastSections).filter(([id]) => id !== packId);
    entries.push([packId, sectionId]);
    return { ...prefs, lastSections: Object.fromEntries(entries.slice(-MAX_SECTIONS)) };
  });
}

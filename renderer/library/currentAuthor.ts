import { host } from '../host/hostClient.js';
import type { StatusActor } from '../../shared/pack/status.js';

/**
 * Who is working: the author name and role from settings, recorded on status changes. Read
 * when a change is made (settings may have changed since the pack opened), not when the pack
 * screen opens, which has enough requests of its own.
 */
export async function currentAuthor(): Promise<StatusActor> {
  try {
    const settings = await host.getSettings({});
    return { name: settings.authorName, role: settings.authorRole };
  } catch {
    return { name: '' }; // no settings: changes are recorded without a name, never refused
  }
}

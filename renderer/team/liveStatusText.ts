import type { LiveConnection } from './livePack.js';

/**
 * The save status of a live pack in plain words: whether changes are on the team server, or
 * kept on this computer until it answers (and whether any are waiting to go).
 */
export function liveStatusText(state: LiveConnection, facts: { pending: boolean; keptHere: boolean; fromCopy: boolean }): string {
  if (state.kind === 'closed') return state.reason;
  if (state.kind === 'live') return facts.pending ? 'Live: sending your changes to the team server…' : 'Live: changes are saved on the team server';
  const offline = state.kind === 'reconnecting' || facts.fromCopy;
  if (!offline) return 'Joining the team server…';
  if (!facts.keptHere) return 'Not connected: your changes are kept in this window and sent when the team server answers';
  return facts.pending
    ? 'Offline: your changes are kept on this computer and will be sent when the team server answers'
    : 'Offline: everything is saved on the team server; changes you make now are kept on this computer until it answers';
}

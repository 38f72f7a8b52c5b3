/**
 * What the team server and the app say to each other beyond Yjs's own sync and awareness
 * messages (y-protocols, message types 0 and 1).
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/**
 * "Saved": the server's state vector after it has fsynced the log, so a client knows which of
 * its own edits are safe on the server (its clientID's clock in the vector). Type 100 stays
 * clear of the numbers y-websocket uses.
 */
export const MESSAGE_SAVED = 100;

/** WebSocket close codes (4000–4999 are free for applications), each with a plain-English reason. */
export const CLOSE = {
  signIn: { code: 4401, reason: 'Please sign in to the team server.' },
  expired: { code: 4402, reason: 'Your session on the team server has expired. Please sign in again.' },
  forbidden: { code: 4403, reason: 'This pack is exempt and your account may not open exempt packs.' },
  noPack: { code: 4404, reason: 'The team server has no pack by that name. It may have been moved or deleted.' },
  suggestOnly: { code: 4409, reason: 'Your account may only suggest changes: that edit was not kept. Turn on suggesting to change the text.' },
  notApprover: { code: 4410, reason: 'Your account may not give sign-offs: that change was not kept.' },
  damaged: { code: 4422, reason: 'The team server could not read that change. Reopen the pack.' },
} as const;

/** Closes after which reconnecting as before cannot help (the app stops and says why). */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([CLOSE.signIn.code, CLOSE.expired.code, CLOSE.forbidden.code, CLOSE.noPack.code]);

/** The WebSocket path of a pack (its file name, URL-encoded). */
export function packSocketPath(file: string): string {
  return `pack/${encodeURIComponent(file)}`;
}

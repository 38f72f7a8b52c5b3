import { normaliseLink } from '../shared/links/normaliseLink.js';

/**
 * Which links may leave the app for the system browser or mail client: the one link
 * normaliser (shared/links) in its strictest use, "open": https web pages and mailto
 * addresses only, written plainly, without embedded credentials, spaces or control
 * characters. Never file:, javascript:, custom schemes that launch other programs, or http.
 */
export { MAX_LINK_LENGTH as MAX_EXTERNAL_URL_LENGTH } from '../shared/links/normaliseLink.js';

export function isSafeExternalUrl(raw: unknown): raw is string {
  return typeof raw === 'string' && normaliseLink(raw, { use: 'open' }).ok;
}

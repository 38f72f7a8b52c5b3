/**
 * Which links may leave the app for the system browser or mail client. Only https web pages
 * and mailto addresses, without embedded credentials or control characters: never file:,
 * javascript:, custom schemes that launch other programs, or plain http.
 */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return false;
  if (/[\u0000-\u0020\u007f]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.hostname.length > 0 && url.username === '' && url.password === '';
  if (url.protocol === 'mailto:') return /^[^@\s/\\]+@[^@\s/\\]+$/.test(decodeSafe(url.pathname));
  return false;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/**
 * Which link targets a section may hold. Only web pages and email addresses: anything else
 * (javascript:, data:, file:, app-specific schemes) could run code or leak files when the
 * exported document is opened, so it is refused with a plain-English reason.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export type LinkCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkLinkUrl(input: string): LinkCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Enter the address of a web page or an email address.' };
  let candidate = raw;
  // People type "www.sefton.gov.uk" or "name@sefton.gov.uk"; make those full addresses.
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(raw)) candidate = `mailto:${raw}`;
  else if (/^www\./i.test(raw)) candidate = `https://${raw}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: 'That is not a complete web address. Start it with https:// (for example https://www.gov.uk).' };
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return {
      ok: false,
      message: `Links can only go to web pages (http:// or https://) or email addresses (mailto:). \u201c${url.protocol}\u201d links are not allowed.`,
    };
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) {
    return { ok: false, message: 'That web address has no site name.' };
  }
  return { ok: true, url: candidate };
}

export function isAllowedUrl(url: string): boolean {
  return checkLinkUrl(url).ok;
}

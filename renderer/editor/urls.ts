import { normaliseLink } from '../../shared/links/normaliseLink.js';

/**
 * Which link targets a section may hold: the one link normaliser (shared/links), with the
 * shorthand people type ("www.sefton.gov.uk", "name@sefton.gov.uk") accepted. The address to
 * keep is `url`, the normalised form, never the text as typed.
 */
export type LinkCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkLinkUrl(input: string): LinkCheck {
  const link = normaliseLink(input, { typed: true });
  return link.ok ? { ok: true, url: link.url } : { ok: false, message: link.message };
}

export function isAllowedUrl(url: string): boolean {
  return normaliseLink(url, { typed: true }).ok;
}

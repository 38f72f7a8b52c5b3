/**
 * THE link normaliser: every place a link enters or leaves a pack (the link dialog, paste,
 * Word import, templates, export to Word, opening a link from the desktop app) asks this one
 * function whether a link may be kept, and keeps the address it returns, never the raw text.
 *
 * It resolves the tricks that fool a check on the raw text:
 *  - case and surrounding white space (`  JaVaScRiPt:…`);
 *  - control, zero-width and direction characters inside the scheme (`java\tscript:`,
 *    `java\u200Bscript:`), which browsers and Word drop before they read it;
 *  - a safe-looking scheme in front of another one (`https:javascript:…`), and `\\` for `//`;
 *  - user names and passwords that disguise the real site (`https://www.gov.uk@evil.example`).
 * The address kept is the canonical one (lower-case scheme and host, punycode, percent-encoded
 * spaces), so what is checked is exactly what a browser or Word will open.
 */

export type LinkUse =
  /** Kept in a pack or a Word file: web pages, email addresses and phone numbers. */
  | 'document'
  /** Handed to the operating system to open (desktop app): https pages and email only, as typed. */
  | 'open';

export interface LinkOptions {
  use?: LinkUse;
  /** Typed by a person: accept `www.example.org` and `name@example.org` as shorthand. */
  typed?: boolean;
}

export type LinkKind = 'web' | 'email' | 'phone';

export type NormalisedLink =
  | { ok: true; url: string; kind: LinkKind }
  | {
      ok: false;
      /** A clause that reads after "the link …": "would run code when clicked (javascript: links are not allowed)". */
      reason: string;
      /** A sentence for a dialog. */
      message: string;
    };

export const MAX_LINK_LENGTH = 2048;

/** C0 and C1 controls, DEL, soft hyphen, zero-width characters, direction marks and overrides, BOM. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE_OR_SPACE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const CODE_SCHEMES = new Set(['javascript:', 'vbscript:', 'livescript:']);
const ALLOWED: Record<LinkUse, ReadonlySet<string>> = {
  document: new Set(['https:', 'http:', 'mailto:', 'tel:']),
  open: new Set(['https:', 'mailto:']),
};
const EMAIL = /^[^@\s/\\<>()[\]"',;:]+@[^@\s/\\<>()[\]"',;:]+\.[^@\s/\\<>()[\]"',;:.]+$/;
const BARE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const PHONE = /^\+?[0-9().-]{3,40}$/;

const WHERE_LINKS_GO = 'Links can go to web pages (https:// or http://), email addresses (mailto:) or phone numbers (tel:).';
const INCOMPLETE = 'That is not a complete web address. Start it with https:// (for example https://www.gov.uk).';

function refuse(reason: string, message: string): NormalisedLink {
  return { ok: false, reason, message };
}

function decodeSafe(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function parse(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

export function normaliseLink(input: unknown, options: LinkOptions = {}): NormalisedLink {
  const use = options.use ?? 'document';
  if (typeof input !== 'string') return refuse('is not text', 'A link address must be text.');
  if (input.length > MAX_LINK_LENGTH * 2) return refuse(`is longer than 2,048 characters`, `That address is too long (links can be up to 2,048 characters).`);
  let raw: string;
  if (use === 'open') {
    // Handed to the operating system as it is: nothing hidden or spaced may be in it at all.
    if (HAS_INVISIBLE_OR_SPACE.test(input)) return refuse('contains spaces or invisible characters', 'That address contains spaces or invisible characters, so it is not opened.');
    raw = input;
  } else {
    raw = input.replace(INVISIBLE, '').trim();
  }
  if (!raw) return refuse('is empty', 'Enter the address of a web page, an email address or a phone number.');

  let candidate = raw;
  if (options.typed) {
    if (BARE_EMAIL.test(raw)) candidate = `mailto:${raw}`;
    else if (/^www\./i.test(raw)) candidate = `https://${raw}`;
  }
  const schemeMatch = SCHEME.exec(candidate);
  if (!schemeMatch) return refuse('is not a full web, email or phone address', INCOMPLETE);
  const scheme = `${schemeMatch[1]!.toLowerCase()}:`;
  if (CODE_SCHEMES.has(scheme)) {
    return refuse(`would run code when clicked (${scheme} links are not allowed)`, `${WHERE_LINKS_GO} “${scheme}” links are not allowed: they would run code when clicked.`);
  }
  if (!ALLOWED[use].has(scheme)) {
    const allowed = [...ALLOWED[use]].join(', ');
    return refuse(`uses ${scheme}, which is not allowed (only ${allowed} links)`, `${use === 'open' ? 'Only https web pages and email addresses are opened from the app.' : WHERE_LINKS_GO} “${scheme}” links are not allowed.`);
  }
  const rest = candidate.slice(scheme.length);
  if (scheme === 'http:' || scheme === 'https:') return webLink(scheme, rest, candidate, use);
  if (scheme === 'mailto:') return emailLink(candidate);
  return phoneLink(rest);
}

function webLink(scheme: string, rest: string, candidate: string, use: LinkUse): NormalisedLink {
  // "https:javascript:…" or "https:evil.example": a browser reads a host out of it, so it is
  // never what the text seems to say. A real web address has // after its scheme.
  if (!/^[/\\]{2}/.test(rest)) return refuse('is not a complete web address (it needs // after the scheme)', INCOMPLETE);
  const url = parse(candidate);
  if (!url || !url.hostname) return refuse('has no site name', 'That web address has no site name.');
  if (url.protocol !== scheme) return refuse('is not a complete web address', INCOMPLETE);
  if (url.username || url.password) {
    return refuse('has a user name or password in it', 'Links with a user name or password in them are not allowed: they are often used to disguise where a link goes.');
  }
  // Handed to the operating system as written: only the plain https://host form, never
  // backslashes, which some systems read as a file path.
  if (use === 'open' && (!/^https:\/\//i.test(candidate) || candidate.includes('\\'))) return refuse('is not written as a plain https:// address', 'Only plain https:// addresses are opened from the app.');
  if (url.href.length > MAX_LINK_LENGTH) return refuse(`is longer than 2,048 characters`, `That address is too long (links can be up to 2,048 characters).`);
  // The canonical address, except a lone "/" the author did not type ("https://www.gov.uk").
  const href = url.pathname === '/' && !url.search && !url.hash && !/[/\\]$/.test(candidate) ? url.href.slice(0, -1) : url.href;
  return { ok: true, url: href, kind: 'web' };
}

function emailLink(candidate: string): NormalisedLink {
  const url = parse(candidate);
  const address = url ? decodeSafe(url.pathname) : null;
  if (!url || address === null || !EMAIL.test(address)) return refuse('is not a valid email address', 'That is not a valid email address (for example name@council.gov.uk).');
  const href = `mailto:${url.pathname}${url.search}`;
  if (href.length > MAX_LINK_LENGTH) return refuse(`is longer than 2,048 characters`, 'That address is too long.');
  return { ok: true, url: href, kind: 'email' };
}

function phoneLink(rest: string): NormalisedLink {
  const number = rest.replace(/[\s\u00a0]/g, '');
  if (!PHONE.test(number) || (number.match(/\d/g)?.length ?? 0) < 3) return refuse('is not a valid phone number', 'That is not a valid phone number (for example tel:+441519342000).');
  return { ok: true, url: `tel:${number}`, kind: 'phone' };
}

/** True when `input` may be kept (document) or opened (open) as a link. */
export function isAllowedLink(input: unknown, options: LinkOptions = {}): boolean {
  return normaliseLink(input, options).ok;
}

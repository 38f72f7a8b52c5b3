import { describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { isSafeExternalUrl } from '../../electron/linkPolicy.js';
import { checkLinkUrl } from '../../renderer/editor/urls.js';
import { normaliseLink } from '../../shared/links/normaliseLink.js';
import { newPack } from '../../shared/pack/defaults.js';
import { checkLink } from '../../shared/templates/links.js';
import { readDocx } from '../fixtures/export/readDocx.js';
import { link, paragraph, stateOf, text } from '../support/referencePack.js';

/**
 * Issue 17, point 4: ONE link normaliser (shared/links/normaliseLink.ts) behind the editor's
 * link dialog, paste, templates, the Word export and the desktop app's "open link", resolving
 * the tricks that fool a check of the raw text.
 */
const refused: Array<[string, string, RegExp]> = [
  ['a safe scheme in front of another', 'https:javascript:alert(1)', /not a complete web address/],
  ['a safe scheme in front of another, with a port', 'https:javascript:1', /not a complete web address/],
  ['mixed case', 'JaVaScRiPt:alert(1)', /would run code when clicked \(javascript: links are not allowed\)/],
  ['leading white space and a line break', ' \n javascript:alert(1)', /would run code/],
  ['a tab inside the scheme', 'java\tscript:alert(1)', /would run code/],
  ['NUL inside the scheme', 'java\u0000script:alert(1)', /would run code/],
  ['a zero-width space inside the scheme', 'java\u200Bscript:alert(1)', /would run code/],
  ['a right-to-left override in front', '\u202Ejavascript:alert(1)', /would run code/],
  ['a soft hyphen inside the scheme', 'java\u00ADscript:alert(1)', /would run code/],
  ['a C1 control inside the scheme', 'java\u0085script:alert(1)', /would run code/],
  ['vbscript', 'VBScript:msgbox(1)', /would run code/],
  ['data: HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', /uses data:, which is not allowed/],
  ['a local file', 'file:///C:/Users/secret.docx', /uses file:/],
  ['a Windows share', '\\\\server\\share\\x.docx', /not a full web, email or phone address/],
  ['a program-launching scheme', 'ms-msdt:/id PCWDiagnostic', /uses ms-msdt:/],
  ['a user name disguising the site', 'https://www.sefton.gov.uk@evil.example/', /user name or password/],
  ['no site name', 'https://', /no site name/],
  ['an email address with a space', 'mailto:a b@example.org', /not a valid email address/],
  ['a phone number with letters', 'tel:0800-CALL-NOW', /not a valid phone number/],
  ['a relative path', '/relative/path', /not a full web, email or phone address/],
  ['HTML entities (never decoded)', '&#106;avascript:alert(1)', /not a full web, email or phone address/],
  ['percent-encoded scheme', '%6Aavascript:alert(1)', /not a full web, email or phone address/],
];

const kept: Array<[string, string, string]> = [
  ['a plain https address', 'https://www.gov.uk/levelling-up', 'https://www.gov.uk/levelling-up'],
  ['upper case scheme and host', 'HTTPS://WWW.GOV.UK/Path', 'https://www.gov.uk/Path'],
  ['white space and control characters around and inside', '  https://www.gov.uk/a\tb\n ', 'https://www.gov.uk/ab'],
  ['a space in the path (percent-encoded)', 'https://www.gov.uk/a b', 'https://www.gov.uk/a%20b'],
  ['backslashes for slashes, as browsers read them', 'https:\\\\www.gov.uk\\x', 'https://www.gov.uk/x'],
  ['an international domain (punycode)', 'https://例え.jp/パス', 'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9'],
  ['http', 'http://example.org', 'http://example.org'],
  ['an email address', 'MAILTO:Democratic.Services@sefton.gov.uk', 'mailto:Democratic.Services@sefton.gov.uk'],
  ['a phone number with spaces', 'tel:+44 151 934 2000', 'tel:+441519342000'],
];

describe('normaliseLink', () => {
  it.each(refused)('refuses %s', (_what, input, reason) => {
    const link = normaliseLink(input);
    expect(link.ok).toBe(false);
    if (!link.ok) {
      expect(link.reason).toMatch(reason);
      expect(link.message).not.toMatch(/[`{}]|Error|undefined/);
    }
  });

  it.each(kept)('keeps %s, as its canonical address', (_what, input, url) => {
    expect(normaliseLink(input)).toMatchObject({ ok: true, url });
  });

  it('accepts what people type in the link dialog (www. and bare email addresses), and nothing else extra', () => {
    expect(normaliseLink('www.sefton.gov.uk', { typed: true })).toMatchObject({ ok: true, url: 'https://www.sefton.gov.uk' });
    expect(normaliseLink('alex@sefton.gov.uk', { typed: true })).toMatchObject({ ok: true, url: 'mailto:alex@sefton.gov.uk' });
    expect(normaliseLink('www.sefton.gov.uk').ok).toBe(false);
  });

  it('opens from the desktop app only plain https and mailto, as written: no http, no hidden characters, no backslashes', () => {
    expect(normaliseLink('https://www.gov.uk/x', { use: 'open' }).ok).toBe(true);
    expect(normaliseLink('mailto:a@b.org', { use: 'open' }).ok).toBe(true);
    for (const url of ['http://example.org/', 'tel:+441519342000', 'https://example.org/ x', ' https://example.org/', 'https://exa\u200Bmple.org/', 'https:\\\\example.org\\', 'https:example.org']) {
      expect(normaliseLink(url, { use: 'open' }).ok, url).toBe(false);
    }
  });
});

describe('every caller uses it', () => {
  it.each(refused)('%s: refused by the link dialog, templates and the desktop app alike', (_what, input) => {
    expect(checkLinkUrl(input).ok).toBe(false);
    expect(checkLink(input)).toMatch(/^the link ".*" /);
    expect(isSafeExternalUrl(input)).toBe(false);
  });

  it('the link dialog and templates keep the same canonical address', () => {
    expect(checkLinkUrl('  HTTPS://WWW.GOV.UK/a b ')).toEqual({ ok: true, url: 'https://www.gov.uk/a%20b' });
    expect(checkLink('tel:+44 151 934 2000')).toBeNull();
  });

  it('the Word export writes the canonical address of good links and exports tricks as plain text, saying why', async () => {
    const content = stateOf([
      paragraph([link('  HTTPS://WWW.SEFTON.GOV.UK/a b', 'Plan'), text(' '), link('https:javascript:alert(1)', 'Trick'), text(' '), link('Java\tScript:alert(1)', 'Other trick')]),
    ]);
    const { buffer, notices } = await exportPackToDocx({ pack: newPack({ title: 'Links' }, [{ id: 'a', title: 'Section', guidance: '', content }]), options: { tableOfContents: 'never' } });
    const doc = await readDocx(buffer);
    const rels = doc.part('word/_rels/document.xml.rels');
    expect(rels).toContain('Target="https://www.sefton.gov.uk/a%20b"');
    expect(rels).not.toMatch(/javascript/i);
    expect(doc.html).toContain('<a href="https://www.sefton.gov.uk/a%20b">Plan</a>');
    expect(doc.html).toMatch(/Trick/);
    expect(notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/the link “https:javascript:alert\(1\)” is not a complete web address.*exported as plain text/),
      expect.stringMatching(/the link “JavaScript:alert\(1\)” would run code when clicked/),
    ]);
  });
});

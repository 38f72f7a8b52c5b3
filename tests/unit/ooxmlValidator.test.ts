import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { makeFeaturePack } from '../fixtures/export/featurePack.js';
import { expectValidDocx, validateDocx } from '../support/ooxml/validateDocx.js';

/**
 * The schema-validation helper itself: it passes a real export part by part, and each kind
 * of breakage makes it fail with a message that names the part and the element.
 */
let valid: Uint8Array;

beforeAll(async () => {
  valid = (await exportPackToDocx({ pack: makeFeaturePack(), options: { tableOfContents: 'always' } })).buffer;
});

function edited(parts: Record<string, (xml: string) => string>, extra: Record<string, string> = {}): Uint8Array {
  const zip = unzipSync(valid);
  for (const [name, edit] of Object.entries(parts)) zip[name] = strToU8(edit(strFromU8(zip[name]!)));
  for (const [name, xml] of Object.entries(extra)) zip[name] = strToU8(xml);
  return zipSync(zip);
}

function errorsOf(docx: Uint8Array, part: string): string[] {
  const report = validateDocx(docx).find((r) => r.part === part);
  if (!report) throw new Error(`${part} was not checked`);
  return report.errors;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';

/**
 * document.xml with `body` as the body's first content, its root's mc:Ignorable set to
 * `ignorable` (removed when null) and `rootAttributes` added. The root already declares
 * mc, w14 and the other prefixes Word uses.
 */
function withBody(body: string, ignorable: string | null, rootAttributes = ''): Uint8Array {
  return edited({
    'word/document.xml': (xml) =>
      xml
        .replace(/ mc:Ignorable="[^"]*"/, ignorable === null ? '' : ` mc:Ignorable="${ignorable}"`)
        .replace(/<w:document /, `<w:document ${rootAttributes} `)
        .replace('<w:body>', `<w:body>${body}`),
  });
}

describe('validateDocx: the OOXML schema check used for every export', () => {
  it('checks every part of a real export, each against the root its content type calls for', () => {
    const reports = expectValidDocx(valid);
    const roots = Object.fromEntries(reports.map((r) => [r.part, r.root]));
    expect(roots).toMatchObject({
      '[Content_Types].xml': 'ct:Types',
      '_rels/.rels': 'rel:Relationships',
      'docProps/core.xml': 'cp:coreProperties',
      'docProps/app.xml': 'ep:Properties',
      'docProps/custom.xml': 'op:Properties',
      'word/document.xml': 'w:document',
      'word/styles.xml': 'w:styles',
      'word/numbering.xml': 'w:numbering',
      'word/settings.xml': 'w:settings',
      'word/header1.xml': 'w:hdr',
      'word/footer1.xml': 'w:ftr',
      'word/footnotes.xml': 'w:footnotes',
      'word/fontTable.xml': 'w:fonts',
      'word/theme/theme1.xml': 'a:theme',
    });
    expect(reports.every((r) => r.errors.length === 0)).toBe(true);
  });

  it.each([
    ['word/styles.xml', 'a value outside an enumeration', (x: string) => x.replace('<w:jc w:val="left"/>', '<w:jc w:val="sideways"/>'), /\/w:styles\/w:docDefaults\/w:pPrDefault\/w:pPr\/w:jc: .*'sideways' is not an element of the set/],
    ['word/document.xml', 'an element the schema does not have', (x: string) => x.replace(/<w:r>/, '<w:r><w:rPr><w:bogus/></w:rPr>'), /\/w:document\/w:body\/w:p\[\d+\]\/w:r(\[1\])?\/w:rPr\/w:bogus: Element 'w:bogus': This element is not expected/],
    ['word/document.xml', 'paragraph properties in the wrong order', (x: string) => x.replace(/<w:pPr>/, '<w:pPr><w:jc w:val="left"/><w:keepNext/>'), /w:pPr\/w:keepNext: Element 'w:keepNext': This element is not expected/],
    ['docProps/core.xml', 'a creation date without xsi:type="dcterms:W3CDTF"', (x: string) => x.replace(/(<dcterms:created) xsi:type="dcterms:W3CDTF"/, '$1'), /dcterms:created: .*abstract/],
    ['docProps/core.xml', 'a creation date that is not a date', (x: string) => x.replace(/(<dcterms:created[^>]*>)[^<]*/, '$1yesterday'), /dcterms:created: .*'yesterday' is not accepted by the pattern/],
    ['word/numbering.xml', 'an extension attribute whose namespace is not declared ignorable', (x: string) => x.replace(/ mc:Ignorable="[^"]*"/, ''), /w:abstractNum(\[1\])?: .*attribute 'w15:restartNumberingAfterBreak' is not allowed/],
    ['word/footer1.xml', 'XML that is not well-formed', (x: string) => x.replace('</w:ftr>', ''), /^not well-formed: Premature end of data/],
    ['word/header1.xml', 'a root that is not the one its content type calls for', (x: string) => x.replace('<w:hdr ', '<w:ftr ').replace('</w:hdr>', '</w:ftr>'), /root element is w:ftr, but its content type .*header\+xml calls for w:hdr/],
    ['_rels/.rels', 'two relationships with one id', (x: string) => x.replace('Id="rId2"', 'Id="rId1"'), /Relationship\[2\]: .*'rId1' is not a valid value of the atomic type 'xs:ID'/],
    ['word/_rels/document.xml.rels', 'a relationship to a part that is not there', (x: string) => x.replace('</Relationships>', '<Relationship Id="rIdGone" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/gone.png"/></Relationships>'), /Relationship rIdGone points at media\/gone\.png, which is not in the package/],
    ['[Content_Types].xml', 'an override for a part that is not there', (x: string) => x.replace('</Types>', '<Override PartName="/word/gone.xml" ContentType="application/xml"/></Types>'), /Override for \/word\/gone\.xml, which is not in the package/],
  ])('fails on a broken %s: %s', (part, _what, edit, expected) => {
    const errors = errorsOf(edited({ [part]: edit }), part);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(expected);
  });

  it('throws from expectValidDocx with each invalid part and its errors', () => {
    const broken = edited({ 'word/styles.xml': (x) => x.replace('<w:jc w:val="left"/>', '<w:jc w:val="sideways"/>') });
    expect(() => expectValidDocx(broken, 'The feature pack export')).toThrow(/^The feature pack export is not valid OOXML:\nword\/styles\.xml:\n {2}- \/w:styles\/w:docDefaults/);
  });

  it('names a part with no content type', () => {
    const zip = unzipSync(valid);
    zip['word/stray.bin'] = new Uint8Array([1, 2, 3]);
    expect(errorsOf(zipSync(zip), 'word/stray.bin')).toEqual(['no content type in [Content_Types].xml']);
  });

  describe('Markup Compatibility, as Word applies it before reading', () => {
    // The markup sits inside a run: libxml2 takes about 2 s to report an unexpected element
    // directly in w:body or w:p (it lists every alternative), and milliseconds elsewhere.
    it('drops an ignorable extension attribute and element, and keeps the content of one listed in mc:ProcessContent', () => {
      const body = `<w:p><w:r w14:unknownAttribute="1"><w14:unknownExtension/><w:t>kept</w:t><w14:wrapper><w:t>unwrapped</w:t></w14:wrapper></w:r></w:p>`;
      expect(errorsOf(withBody(body, 'w14', 'mc:ProcessContent="w14:wrapper"'), 'word/document.xml')).toEqual([]);
      // Without the wrapper in ProcessContent it goes with its content; still valid.
      expect(errorsOf(withBody(body, 'w14'), 'word/document.xml')).toEqual([]);
      // Not ignorable: the same markup is an error, as in Word.
      expect(errorsOf(withBody(body, null), 'word/document.xml').join('\n')).toMatch(/w14:unknownAttribute' is not allowed[\s\S]*w14:unknownExtension/);
    });

    it('takes the Fallback of mc:AlternateContent when the Choice needs an extension, and the Choice when it needs only ISO markup', () => {
      const alternate = (choice: string, fallback: string, requires: string) =>
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="${requires}">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
      const good = '<w:t>fine</w:t>';
      const bad = '<w:pPr/>';
      expect(errorsOf(withBody(alternate(bad, good, 'w14'), 'w14 w15 wp14'), 'word/document.xml')).toEqual([]);
      expect(errorsOf(withBody(alternate(good, bad, 'w14'), 'w14 w15 wp14'), 'word/document.xml').join('\n')).toMatch(/\/w:document\/w:body\/w:p(\[1\])?\/w:r\/w:pPr: Element 'w:pPr': This element is not expected/);
      expect(errorsOf(withBody(alternate(bad, good, 'w'), 'w14 w15 wp14'), 'word/document.xml').join('\n')).toMatch(/\/w:r\/w:pPr: /);
      expect(errorsOf(withBody(alternate(good, bad, 'w'), 'w14 w15 wp14'), 'word/document.xml')).toEqual([]);
    });

    it('refuses mc:MustUnderstand for a namespace it does not understand', () => {
      expect(errorsOf(withBody('', 'w15', 'mc:MustUnderstand="w14"'), 'word/document.xml').join('\n')).toMatch(/MustUnderstand names http:\/\/schemas\.microsoft\.com\/office\/word\/2010\/wordml/);
    });
  });

  it('validates comments parts, including the Word 2012 extension part, and says what is wrong in them', () => {
    const addComments = (comments: string, extended: string) => {
      const zip = unzipSync(valid);
      const types = strFromU8(zip['[Content_Types].xml']!).replace(
        '</Types>',
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
          '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>',
      );
      zip['[Content_Types].xml'] = strToU8(types);
      zip['word/comments.xml'] = strToU8(comments);
      zip['word/commentsExtended.xml'] = strToU8(extended);
      return zipSync(zip);
    };
    const comment = (attrs: string) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W} ${MC} ${W14} mc:Ignorable="w14"><w:comment w:id="0" ${attrs}><w:p w14:paraId="00000001"><w:r><w:t>Check the figures</w:t></w:r></w:p></w:comment></w:comments>`;
    const extended = (done: string) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:commentEx w15:paraId="00000001" w15:done="${done}"/></w15:commentsEx>`;
    const good = addComments(comment('w:author="Alex Officer" w:date="2026-11-01T09:00:00Z" w:initials="AO"'), extended('0'));
    expect(validateDocx(good).filter((r) => r.part.startsWith('word/comments')).map((r) => [r.part, r.root, r.errors])).toEqual([
      ['word/comments.xml', 'w:comments', []],
      ['word/commentsExtended.xml', 'w15:commentsEx', []],
    ]);
    const bad = addComments(comment('w:date="2026-11-01T09:00:00Z"'), extended('maybe'));
    expect(errorsOf(bad, 'word/comments.xml').join('\n')).toMatch(/w:comment: .*'w:author' is required/);
    expect(errorsOf(bad, 'word/commentsExtended.xml').join('\n')).toMatch(/w15:commentEx: .*'maybe'/);
  });
});

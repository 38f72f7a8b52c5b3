import { describe, expect, it } from 'vitest';
import { exportPackToDocx, type ExportInput } from '../../electron/export/exportPack.js';
import { BUILT_IN_TEMPLATES } from '../../electron/templates/builtInDefinitions.js';
import { newPack } from '../../shared/pack/defaults.js';
import { packFromTemplate } from '../../shared/templates/toPack.js';
import { RULE_FIXTURES } from '../fixtures/export/accessibilityFixtures.js';
import { makeFeaturePack, TINY_PNG } from '../fixtures/export/featurePack.js';
import { makeHostileExportPack } from '../fixtures/export/hostilePack.js';
import { paragraphs, readDocx } from '../fixtures/export/readDocx.js';
import { expectValidDocx } from '../support/ooxml/validateDocx.js';
import { makeReferencePack } from '../support/referencePack.js';

/**
 * Every Word file the exporter writes for the test fixtures is valid OOXML, part by part
 * (tests/support/ooxml/validateDocx.ts): the reference pack, the feature pack in each
 * contents mode and with a logo, every accessibility fixture (failing and passing), the
 * built-in templates, an empty pack, and a pack built to break a Word writer.
 */
const WHEN = new Date('2026-11-01T09:00:00Z');
const logo = { dataUrl: TINY_PNG, altText: 'Sefton Council logo' };

const CASES: Array<[string, () => ExportInput]> = [
  ['the reference pack (about 55,000 words)', () => ({ pack: makeReferencePack() })],
  ['the feature pack with a contents page laid out with page numbers', () => ({ pack: makeFeaturePack(), options: { tableOfContents: 'always' } })],
  ['the feature pack without contents, with a council name and logo', () => ({ pack: makeFeaturePack(), options: { tableOfContents: 'never' }, branding: { councilName: 'Sefton Council', logo } })],
  ['the feature pack with contents but no page numbers', () => ({ pack: makeFeaturePack(), options: { tableOfContents: 'always', tocPageNumbers: 'never' } })],
  ['an empty pack', () => ({ pack: newPack({ title: 'Empty' }, [], WHEN) })],
  ...RULE_FIXTURES.flatMap((f): Array<[string, () => ExportInput]> => [
    [`the accessibility fixture that fails “${f.rule}”`, () => ({ pack: f.failing.pack, branding: f.failing.branding })],
    [`the accessibility fixture that passes “${f.rule}”`, () => ({ pack: f.passing.pack, branding: f.passing.branding })],
  ]),
  ...BUILT_IN_TEMPLATES.map((t): [string, () => ExportInput] => [`a pack from the built-in template “${t.name}”`, () => ({ pack: packFromTemplate(t, `From ${t.name}`, WHEN) })]),
];

describe('every export is schema-valid OOXML', () => {
  it.each(CASES)('%s', { timeout: 60_000 }, async (_name, input) => {
    const { buffer } = await exportPackToDocx(input());
    expectValidDocx(buffer);
  });

  it('a pack built to break a Word writer still exports a valid file, with the writable text kept', async () => {
    const { buffer, notices } = await exportPackToDocx({
      pack: makeHostileExportPack(),
      options: { tableOfContents: 'always' },
      branding: { councilName: 'Council\uFFFF', logo: { ...logo, altText: 'Logo \u0000\uFFFE' } },
      authorName: 'Alex\uD800 Officer',
    });
    const reports = expectValidDocx(buffer);
    expect(reports.map((r) => r.part)).toEqual(expect.arrayContaining(['word/document.xml', 'docProps/core.xml', 'docProps/custom.xml']));
    const doc = await readDocx(buffer);
    const body = paragraphs(doc.part('word/document.xml')).map((p) => p.text).join('\n');
    expect(body).toContain('abcdefg\u0085h\u2028i'); // only the characters XML cannot hold are gone
    expect(body).toContain('Council');
    expect(doc.part('docProps/core.xml')).toContain('<dc:creator>Alex Officer</dc:creator>');
    expect(notices.map((n) => n.message)).toEqual(expect.arrayContaining([expect.stringContaining('table inside a table cell')]));
    // Absurd sizes were brought into Word's range rather than written as NaN or 1e+30.
    const xml = doc.part('word/document.xml');
    expect(xml).not.toMatch(/NaN|Infinity|e\+/);
    expect(Math.max(...[...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])))).toBe(3276);
  });
});

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli.js';
import { RULE_FIXTURES } from '../fixtures/export/accessibilityFixtures.js';
import { makeFeaturePack as makeExemptFeaturePack } from '../fixtures/export/featurePack.js';

/** The feature pack as a public report (an exempt one names its version in the file name). */
function makeFeaturePack() {
  const pack = makeExemptFeaturePack();
  pack.frontSheet.access = { exempt: false, schedule12aParagraph: null };
  return pack;
}
import { expectValidDocx } from '../support/ooxml/validateDocx.js';

let dir: string;
let savedDataDir: string | undefined;

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { io: { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) }, lines, errors };
}

async function titleOf(docx: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(docx));
  return /<dc:title>([^<]*)<\/dc:title>/.exec(await zip.file('docProps/core.xml')!.async('string'))![1]!;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'export-cli-'));
  // Never pick up the developer's own app settings.
  savedDataDir = process.env.BRIEFING_DATA_DIR;
  process.env.BRIEFING_DATA_DIR = path.join(dir, 'data');
});
afterEach(async () => {
  if (savedDataDir === undefined) delete process.env.BRIEFING_DATA_DIR;
  else process.env.BRIEFING_DATA_DIR = savedDataDir;
  await fs.rm(dir, { recursive: true, force: true });
});

describe('briefing export', () => {
  it('exports one pack next to itself and says what it did', async () => {
    const file = path.join(dir, 'Feature test pack.briefing');
    await fs.writeFile(file, JSON.stringify(makeFeaturePack()));
    const { io, lines } = capture();
    expect(await runCli(['export', file], io)).toBe(0);
    const out = path.join(dir, 'Feature test pack.docx');
    expect(await titleOf(out)).toBe('Feature test pack');
    expectValidDocx(out, 'The file the CLI wrote');
    expect(lines.at(-1)).toMatch(/^Exported Feature test pack\.briefing → .*Feature test pack\.docx \(\d+ KB, [\d.]+ s\): OK \(0 accessibility errors, 1 warning\)$/);
    expect(lines.some((l) => l.includes('warning') && l.includes('underlined'))).toBe(true);
    expect(lines.some((l) => l.startsWith('  note') && l.includes('collapsible-container'))).toBe(true);
  });

  it('writes to -o and applies a --branding file', async () => {
    const file = path.join(dir, 'p.briefing');
    await fs.writeFile(file, JSON.stringify(makeFeaturePack()));
    const branding = path.join(dir, 'settings.json');
    await fs.writeFile(branding, JSON.stringify({ authorName: 'Pat Author', branding: { councilName: 'Sefton Council', fontFamily: 'Verdana' } }));
    const { io } = capture();
    const out = path.join(dir, 'out', 'agenda item 5.docx');
    await fs.mkdir(path.dirname(out));
    expect(await runCli(['export', file, '-o', out, '--branding', branding, '--quiet'], io)).toBe(0);
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Sefton Council');
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('w:ascii="Verdana"');
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>Pat Author</dc:creator>');
  });

  it('--strict refuses a pack with accessibility errors and writes nothing', async () => {
    const fixture = RULE_FIXTURES.find((f) => f.rule === 'image-alt-text')!;
    const file = path.join(dir, 'bad.briefing');
    await fs.writeFile(file, JSON.stringify(fixture.failing.pack));
    const { io, lines } = capture();
    expect(await runCli(['export', file, '--strict'], io)).toBe(1);
    expect(lines.some((l) => l.includes('error') && l.includes('alt text') && l.includes('Fix:'))).toBe(true);
    expect(lines.at(-1)).toBe('bad.briefing: NOT EXPORTED: 1 accessibility error (--strict)');
    await expect(fs.access(path.join(dir, 'bad.docx'))).rejects.toThrow();
    // Without --strict the same pack exports, with the error listed.
    expect(await runCli(['export', file], capture().io)).toBe(0);
    await fs.access(path.join(dir, 'bad.docx'));
  });

  it('refuses to overwrite a document that is open in Word, in plain English', async () => {
    const file = path.join(dir, 'Agenda.briefing');
    await fs.writeFile(file, JSON.stringify(makeFeaturePack()));
    await fs.writeFile(path.join(dir, 'Agenda.docx'), 'old');
    await fs.writeFile(path.join(dir, '~$Agenda.docx'), 'owner');
    const { io, lines } = capture();
    expect(await runCli(['export', file], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/Agenda\.briefing: FAILED: “Agenda\.docx” is open in Word or another program/);
    expect(await fs.readFile(path.join(dir, 'Agenda.docx'), 'utf8')).toBe('old');
  });

  it('exports a folder with a progress line per file and a summary, carrying on past a broken file', async () => {
    const packs = path.join(dir, 'packs');
    await fs.mkdir(packs);
    await fs.writeFile(path.join(packs, 'a.briefing'), JSON.stringify(makeFeaturePack()));
    await fs.writeFile(path.join(packs, 'b.briefing'), '{ not json');
    await fs.writeFile(path.join(packs, 'c.briefing'), JSON.stringify(RULE_FIXTURES[0]!.passing.pack));
    await fs.writeFile(path.join(packs, 'notes.txt'), 'ignored');
    const outDir = path.join(dir, 'word');
    const { io, lines } = capture();
    expect(await runCli(['export', packs, '--out-dir', outDir, '--quiet'], io)).toBe(1);
    expect(lines[0]).toMatch(/^\[1\/3\] a\.briefing → .*a\.docx {2}OK \(0 accessibility errors, 1 warning\)$/);
    expect(lines[1]).toMatch(/^\[2\/3\] b\.briefing → .*b\.docx {2}FAILED: b\.briefing is damaged: it is not readable JSON/);
    expect(lines[2]).toMatch(/^\[3\/3\] c\.briefing → .*c\.docx {2}OK/);
    expect(lines[3]).toMatch(/^Exported 2 of 3 packs to .*word in [\d.]+ s \(1 failed\)\.$/);
    expect((await fs.readdir(outDir)).sort()).toEqual(['a.docx', 'c.docx']);
  });

  it('explains wrong usage instead of guessing', async () => {
    const { io, errors } = capture();
    expect(await runCli(['export'], io)).toBe(2);
    expect(errors[0]).toContain('name one .briefing file or one folder');
    const file = path.join(dir, 'p.briefing');
    await fs.writeFile(file, JSON.stringify(makeFeaturePack()));
    expect(await runCli(['export', dir], io)).toBe(2);
    expect(errors.at(-1)).toContain('--out-dir');
    expect(await runCli(['export', file, '--toc', 'sometimes'], io)).toBe(2);
    expect(await runCli(['export', path.join(dir, 'missing.briefing')], io)).toBe(1);
    expect(errors.at(-1)).toContain('could not be found');
  });
});

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli.js';
import { expectValidDocx } from '../support/ooxml/validateDocx.js';
import { reviewedPack, settledPack } from '../support/reviewPack.js';

/** `briefing export --review final|markup` (issue 14, point 6) on real files. */
let dir: string;
let savedDataDir: string | undefined;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'export-review-cli-'));
  savedDataDir = process.env.BRIEFING_DATA_DIR;
  process.env.BRIEFING_DATA_DIR = path.join(dir, 'data');
});
afterEach(async () => {
  if (savedDataDir === undefined) delete process.env.BRIEFING_DATA_DIR;
  else process.env.BRIEFING_DATA_DIR = savedDataDir;
  await fs.rm(dir, { recursive: true, force: true });
});

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { io: { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) }, lines, errors };
}

describe('briefing export --review', () => {
  it('markup writes the comments and tracked changes; the default (final) refuses open suggestions and says where', async () => {
    const file = path.join(dir, 'Reviewed.briefing');
    await fs.writeFile(file, JSON.stringify(reviewedPack()));
    const before = await fs.readFile(file, 'utf8');

    const final = capture();
    expect(await runCli(['export', file], final.io)).toBe(1);
    const said = final.lines.join('\n');
    expect(said).toContain('FAILED: 4 suggested changes are still open');
    expect(said).toContain('Section 1 “Summary”, paragraph 2: Suggested deletion “very strongly” is still open');
    await expect(fs.stat(path.join(dir, 'Reviewed.docx'))).rejects.toThrow();

    const markup = capture();
    const out = path.join(dir, 'for-review.docx');
    expect(await runCli(['export', file, '--review', 'markup', '-o', out], markup.io)).toBe(0);
    expectValidDocx(out, 'The review copy from the CLI');
    const zip = unzipSync(new Uint8Array(await fs.readFile(out)));
    expect(strFromU8(zip['word/comments.xml']!)).toContain('Which evidence? Please name the survey.');
    expect(strFromU8(zip['word/document.xml']!)).toMatch(/<w:ins w:id="\d+" w:author="Alice Reviewer"/);
    expect(await fs.readFile(file, 'utf8')).toBe(before); // the pack is never touched
  });

  it('final works once settled; bad values and --pdf with markup are usage errors', async () => {
    const file = path.join(dir, 'Settled.briefing');
    await fs.writeFile(file, JSON.stringify(settledPack()));
    expect(await runCli(['export', file, '--review', 'final'], capture().io)).toBe(0);
    const zip = unzipSync(new Uint8Array(await fs.readFile(path.join(dir, 'Settled.docx'))));
    expect(zip['word/comments.xml']).toBeUndefined();
    const bad = capture();
    expect(await runCli(['export', file, '--review', 'tracked'], bad.io)).toBe(2);
    expect(bad.errors.join('\n')).toContain('--review must be final or markup.');
    const pdf = capture();
    expect(await runCli(['export', file, '--pdf', '--review', 'markup'], pdf.io)).toBe(2);
    expect(pdf.errors.join('\n')).toContain('cannot be combined with --pdf');
  });
});

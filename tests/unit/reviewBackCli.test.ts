import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli.js';
import { parsePackBytes } from '../../shared/pack/parse.js';
import { reviewedPack } from '../support/reviewPack.js';
import { reviewedInWord } from '../support/reviewedInWord.js';

/** `briefing review-back` (issue 14, point 7) on real files. */
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'review-back-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { io: { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) }, lines, errors };
}

const readPack = async (file: string) => parsePackBytes(await fs.readFile(file));

describe('briefing review-back', () => {
  it('places the reviewer’s comment and changes, keeps the pack as it was in .bak; again writes nothing', async () => {
    const pack = path.join(dir, 'Clean energy.briefing');
    await fs.writeFile(pack, JSON.stringify(reviewedPack()));
    const before = await fs.readFile(pack, 'utf8');
    const docx = path.join(dir, 'reviewed.docx');
    await fs.writeFile(docx, await reviewedInWord());

    const dry = capture();
    expect(await runCli(['review-back', pack, docx, '--dry-run'], dry.io)).toBe(0);
    expect(dry.lines[0]).toBe('Added 1 comment thread, 0 replies and 2 suggested changes.');
    expect(dry.lines.at(-1)).toBe('Dry run: nothing written.');
    expect(await fs.readFile(pack, 'utf8')).toBe(before);

    const real = capture();
    expect(await runCli(['review-back', pack, docx], real.io)).toBe(0);
    expect(real.lines.at(-1)).toBe(`Wrote ${pack} (the pack as it was is kept as Clean energy.briefing.bak).`);
    expect(await fs.readFile(`${pack}.bak`, 'utf8')).toBe(before);
    const back = await readPack(pack);
    expect(Object.values(back.review.threads).find((t) => t.author.name === 'Lee Office')).toMatchObject({ quote: 'fair settlement' });
    expect(Object.values(back.review.suggestions).filter((s) => s.author.name === 'Lee Office')).toHaveLength(2);

    const again = capture();
    const written = await fs.readFile(pack, 'utf8');
    expect(await runCli(['review-back', pack, docx], again.io)).toBe(0);
    expect(again.lines[0]).toBe('Added 0 comment threads, 0 replies and 0 suggested changes.');
    expect(again.lines.at(-1)).toBe('Nothing new, so nothing was written.');
    expect(await fs.readFile(pack, 'utf8')).toBe(written);
  });

  it('--out writes elsewhere; what cannot be placed is listed and exits 1; bad files get one plain line and nothing is written', async () => {
    const pack = path.join(dir, 'Changed.briefing');
    const changed = reviewedPack();
    changed.sections[0]!.content.root.children[1] = { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'A wholly different sentence.', format: 0 }] } as never;
    await fs.writeFile(pack, JSON.stringify(changed));
    const before = await fs.readFile(pack, 'utf8');
    const docx = path.join(dir, 'reviewed.docx');
    await fs.writeFile(docx, await reviewedInWord());
    const out = path.join(dir, 'Result.briefing');

    const partial = capture();
    expect(await runCli(['review-back', pack, docx, '--out', out], partial.io)).toBe(1);
    expect(partial.lines.join('\n')).toMatch(/could not be placed:\n {2}Comment by Lee Office “Say how much we ask for\.”: the text it is on \(“fair settlement”\) was not found in the pack/);
    expect(await fs.readFile(pack, 'utf8')).toBe(before);
    expect(Object.values((await readPack(out)).review.suggestions).filter((s) => s.author.name === 'Lee Office').length).toBeGreaterThan(0);

    const notWord = path.join(dir, 'notes.docx');
    await fs.writeFile(notWord, 'plain text, not Word');
    const bad = capture();
    expect(await runCli(['review-back', pack, notWord], bad.io)).toBe(1);
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatch(/^review-back: “notes\.docx” is not a Word document/);
    expect(bad.errors[0]).not.toMatch(/\n\s+at /);
    expect(await fs.readFile(pack, 'utf8')).toBe(before);

    const corrupt = path.join(dir, 'Broken.briefing');
    await fs.writeFile(corrupt, '{ "not": "a pack"');
    const broken = capture();
    expect(await runCli(['review-back', corrupt, docx], broken.io)).toBe(1);
    expect(broken.errors[0]).toMatch(/^review-back: /);
    expect(await fs.readFile(corrupt, 'utf8')).toBe('{ "not": "a pack"');

    const usage = capture();
    expect(await runCli(['review-back', pack], usage.io)).toBe(2);
    expect(usage.errors[0]).toContain('name the pack and the reviewed Word copy');
  });
});

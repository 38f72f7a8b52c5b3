import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { readDocx } from '../../electron/docx/readDocx.js';
import { bringBackFromWord } from '../../electron/review/backFromWord.js';
import { inlineText } from '../../electron/review/packText.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { reviewedPack } from '../support/reviewPack.js';

/**
 * The round trip of issue 14: export with comments and tracked changes → reviewed in
 * LibreOffice (tests/support/reviewInLibreOffice.py: a comment and two tracked changes, saved
 * as Word by LibreOffice's own filter) → brought back → the new thread and suggestions sit on
 * the right words, and what the pack already had is not added twice.
 */
const run = promisify(execFile);
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const python = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p));
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

function find(nodes: readonly SerializedNodeJson[], test: (n: SerializedNodeJson) => boolean, out: SerializedNodeJson[] = []): SerializedNodeJson[] {
  for (const n of nodes) {
    if (test(n)) out.push(n);
    if (Array.isArray(n.children)) find(n.children, test, out);
  }
  return out;
}

describe.skipIf(!soffice || !python)('back from Word, reviewed in LibreOffice (skipped without LibreOffice or python3)', () => {
  it('a comment and tracked changes made in LibreOffice land on the same words of the pack', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'back-from-lo-'));
    dirs.push(dir);
    const pack = reviewedPack();
    const { buffer } = await exportPackToDocx({ pack, options: { review: 'markup' } });
    await fs.writeFile(path.join(dir, 'export.docx'), Buffer.from(buffer));
    await run(python!, [path.resolve('tests/support/reviewInLibreOffice.py'), path.join(dir, 'export.docx'), path.join(dir, 'reviewed.docx'), path.join(dir, 'lo-profile')], { timeout: 200_000 });

    const doc = readDocx(new Uint8Array(await fs.readFile(path.join(dir, 'reviewed.docx'))), { fileName: 'reviewed.docx' });
    const { pack: back, report } = bringBackFromWord(pack, doc, new Date('2026-12-02T09:00:00Z'));
    expect(report).toMatchObject({ threadsAdded: 1, suggestionsAdded: 2 });
    expect(report.notPlaced).toEqual([]);
    // Everything the export carried came back as the pack's own, not as new.
    expect(report.alreadyInPack).toBeGreaterThanOrEqual(8);

    const thread = Object.values(back.review.threads).find((t) => t.author.name === 'Lee Office')!;
    expect(thread).toMatchObject({ sectionId: 's1', quote: 'fair settlement', resolved: null });
    const summary = back.sections[0]!.content.root.children;
    expect(find(summary, (n) => n.type === 'mark' && (n.ids as string[]).includes(thread.id)).map((m) => inlineText(m.children))).toEqual(['fair settlement']);
    expect(Object.values(back.review.comments).filter((c) => c.threadId === thread.id).map((c) => c.text)).toEqual(['Say how much we ask for.']);

    const lee = Object.values(back.review.suggestions).filter((s) => s.author.name === 'Lee Office');
    expect(lee.map((s) => [s.kind, s.text, s.sectionId]).sort()).toEqual([['delete', 'before the meeting', 's1'], ['insert', 'sharply ', 's2']]);
    const risks = back.sections[1]!.content.root.children[0]!;
    const ins = find([risks], (n) => n.type === 'suggestion' && n.kind === 'insert' && lee.some((s) => s.id === n.suggestionId));
    expect(ins).toHaveLength(1);
    const kids = risks.children!;
    expect(inlineText(kids.slice(0, kids.indexOf(ins[0]!)))).toBe('Costs may rise ');
  }, 240_000);
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDocx } from '../../electron/import/importDocx.js';
import { DocxReadError } from '../../electron/docx/errors.js';
import { runCli } from '../../electron/cli/cli.js';
import { useTempDirs } from '../support/tempDir.js';
import { HOSTILE_FILES, linkedPictureDocx, zipBomb } from '../support/hostileDocx.js';

/**
 * Point 7 of the import issue: each hostile file is refused with its own plain-English message
 * (no stack trace, no code words), and `briefing import` writes nothing for it and carries on
 * with the next file.
 */
const tempDir = useTempDirs();

describe('hostile Word files', () => {
  for (const hostile of HOSTILE_FILES) {
    it(`${hostile.name}: refused as ${hostile.reason}, in plain English`, async () => {
      let error: unknown;
      try {
        analyseDocx(await hostile.bytes(), hostile.name);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DocxReadError);
      const { reason, message, code } = error as DocxReadError;
      expect(reason).toBe(hostile.reason);
      expect(code).toBe('INVALID_FILE');
      expect(message).toMatch(hostile.says);
      expect(message).toContain(`“${hostile.name}”`);
      expect(message).not.toMatch(/`|Error:|\bat \w+ \(|ENOENT|undefined|null/);
    });
  }

  it('a zip bomb costs no more memory than the cap: unpacking stops there', async () => {
    const bomb = zipBomb(200);
    const before = process.memoryUsage().rss;
    expect(() => analyseDocx(bomb, 'bomb.docx')).toThrow(/would unpack to more than 64 MB/);
    expect((process.memoryUsage().rss - before) / 1024 / 1024).toBeLessThan(200);
  });

  it('a linked picture is never fetched: the document imports and the preview says the picture was left out', async () => {
    const doc = analyseDocx(await linkedPictureDocx(), 'linked.docx');
    expect(doc.analysis.notes.map((n) => n.message).join('\n')).toContain('2 pictures are linked to a file outside the document rather than stored in it, and left out (“file:///C:/Users/officer/Pictures/chart.png”, …). Nothing outside the document is opened.');
  });

  it('briefing import writes no pack for any of them, imports the good file among them, and exits 1', async () => {
    const dir = await tempDir('hostile-cli');
    const out = path.join(dir, 'packs');
    const files: string[] = [];
    for (const hostile of HOSTILE_FILES) {
      const file = path.join(dir, hostile.name);
      await fs.writeFile(file, await hostile.bytes());
      files.push(file);
    }
    const good = path.join(dir, 'good.docx');
    await fs.copyFile(path.resolve('tests/fixtures/import/pandoc-report.docx'), good);
    files.splice(3, 0, good);
    const lines: string[] = [];
    const code = await runCli(['import', ...files, '--out-dir', out], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(code).toBe(1);
    for (const hostile of HOSTILE_FILES) expect(lines.find((l) => l.includes(hostile.name) && l.includes('FAILED:'))).toMatch(hostile.says);
    expect(lines.at(-1)).toMatch(/^Imported 1 of 9 documents in [\d.]+ s \(8 failed\)\.$/);
    expect(await fs.readdir(out)).toEqual(['Digital connectivity in Sefton.briefing']);
  });
});

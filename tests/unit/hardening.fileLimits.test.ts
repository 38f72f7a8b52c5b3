import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli.js';
import { FolderScanner } from '../../electron/templates/folderScan.js';
import { PackHistory } from '../../electron/workspace/history.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { RecoveryJournal } from '../../electron/workspace/recoveryJournal.js';
import { SettingsStore } from '../../electron/workspace/settingsStore.js';
import { newPack } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { useTempDirs } from '../support/tempDir.js';

/**
 * Issue 17, points 2 and 4: memory bounded by file size (stat, then a bounded read) and the
 * shapes of file a folder can hold: huge files, folders and pipes with a pack's name, other
 * encodings, upper-case extensions, hard links.
 */
const tempDir = useTempDirs();
const MB = 1024 * 1024;

async function sparse(file: string, bytes: number): Promise<void> {
  const handle = await fs.open(file, 'w');
  await handle.truncate(bytes); // a sparse file: instant, and no disk space used
  await handle.close();
}

function packText(title: string): string {
  return serialisePack(newPack({ title }, [], new Date('2026-11-01T09:00:00Z')));
}

function storeIn(dir: string) {
  return new PackStore({ workspaceDir: dir, trash: async () => undefined });
}

function cli() {
  const lines: string[] = [];
  return { io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }, lines };
}

describe('files far over the size limit are refused from their size, with memory bounded', () => {
  it('lists, opens, validates and scans a 600 MB and a 160 MB file under 300 MB of memory, saying "too large" in plain English', { timeout: 60_000 }, async () => {
    const dir = await tempDir('huge');
    await fs.writeFile(path.join(dir, 'Normal.briefing'), packText('Normal pack'));
    await sparse(path.join(dir, 'Huge.briefing'), 600 * MB);
    await sparse(path.join(dir, 'Big.briefing'), 160 * MB);
    await sparse(path.join(dir, 'Big.briefing-template'), 160 * MB);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/memoryProbe.ts', dir], { encoding: 'utf8', maxBuffer: 16 * MB });
    expect(run.status, run.stderr).toBe(0);
    const probe = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      list: Array<{ file: string; broken?: string; title?: string }>;
      opened: Record<string, string>;
      cli: string[];
      cliCode: number;
      templates: Array<{ file: string; broken: string }>;
      peak_rss_mb: number;
    };
    const huge = '"Huge.briefing" is too large to be a briefing pack (600 MB; the limit is 50 MB). Nothing was read from it.';
    const big = '"Big.briefing" is too large to be a briefing pack (160 MB; the limit is 50 MB). Nothing was read from it.';
    expect(probe.list).toEqual(
      expect.arrayContaining([
        { file: 'Normal.briefing', title: 'Normal pack' },
        { file: 'Huge.briefing', broken: huge.replace('"Huge.briefing"', 'Huge.briefing') },
        { file: 'Big.briefing', broken: big.replace('"Big.briefing"', 'Big.briefing') },
      ]),
    );
    expect(probe.opened).toEqual({ 'Normal.briefing': 'opened', 'Huge.briefing': huge, 'Big.briefing': big });
    expect(probe.cli.join('\n')).toMatch(/FAIL {2}.*Huge\.briefing: Huge\.briefing is too large to be a briefing pack \(600 MB; the limit is 50 MB\)/);
    expect(probe.cliCode).toBe(1);
    expect(probe.templates).toEqual([{ file: 'Big.briefing-template', broken: expect.stringMatching(/is too large to be a template \(160\.0 MB; templates may be up to 10 MB\)/) }]);
    expect(JSON.stringify(probe)).not.toMatch(/Invalid string length|RangeError|ERR_/);
    console.log(`peak_rss_mb while listing and opening 600 MB and 160 MB files: ${probe.peak_rss_mb}`);
    expect(probe.peak_rss_mb).toBeLessThan(300);
  });

  it('bounds the app’s own files too: settings, journal, history and backups over their limits are refused, not loaded', async () => {
    const dataDir = await tempDir('data');
    const workspace = await tempDir('ws');
    await sparse(path.join(dataDir, 'settings.json'), 300 * MB);
    const settings = new SettingsStore(dataDir);
    expect((await settings.get()).workspaceDir).toMatch(/Briefing Packs$/);
    expect(settings.notice).toMatch(/settings\.json is too large to be a settings file \(300 MB; the limit is 2 MB\)/);

    await fs.mkdir(path.join(dataDir, 'recovery'));
    await sparse(path.join(dataDir, 'recovery', `${'a'.repeat(32)}.json`), 200 * MB);
    expect(await new RecoveryJournal(dataDir).list(workspace, async () => null)).toEqual([]);

    const store = storeIn(workspace);
    const { file, pack } = await store.create('Versions');
    const history = new PackHistory(workspace);
    const snap = (await history.snapshot(file, pack, 'manual'))!;
    const folder = path.join(workspace, '.history', createHash('sha256').update(pack.id).digest('hex').slice(0, 24));
    await sparse(path.join(folder, `${snap.id}.briefing`), 120 * MB);
    await expect(history.read(pack.id, snap.id)).rejects.toMatchObject({ code: 'INVALID_FILE', message: expect.stringContaining('That version is too large to be a briefing pack (120 MB') });
    await sparse(path.join(folder, `${snap.id}.json`), 120 * MB);
    expect(await history.list(pack.id)).toEqual([]); // a version whose description is too large is not listed (the file stays)
  });
});

describe('what sits in a folder under a pack’s or a template’s name', () => {
  it('lists a folder named “x.briefing” as not a pack file, and refuses it everywhere else', async () => {
    const dir = await tempDir('folder');
    await fs.mkdir(path.join(dir, 'Looks like a pack.briefing'));
    await fs.mkdir(path.join(dir, 'Looks like a template.briefing-template'));
    const store = storeIn(dir);
    expect((await store.list()).entries).toEqual([
      { kind: 'broken', file: 'Looks like a pack.briefing', error: { code: 'INVALID_FILE', message: '“Looks like a pack.briefing” is a folder, not a pack file.' }, modifiedAt: expect.any(String) },
    ]);
    await expect(store.open('Looks like a pack.briefing')).rejects.toMatchObject({ code: 'INVALID_FILE', message: '"Looks like a pack.briefing" is a folder, not a briefing pack file.' });
    const { io, lines } = cli();
    expect(await runCli(['validate', path.join(dir, 'Looks like a pack.briefing')], io)).toBe(1);
    expect(lines[0]).toMatch(/FAIL .*: Looks like a pack\.briefing is a folder, not a briefing pack file\./);
    const scan = await new FolderScanner().scan(dir, 'shared', 1);
    expect(scan.broken).toEqual([{ source: 'shared', file: 'Looks like a template.briefing-template', error: { code: 'INVALID_FILE', message: '"Looks like a template.briefing-template" is a folder, not a template file.' } }]);
  });

  it.runIf(process.platform !== 'win32')('lists a pipe named “x.briefing” as not an ordinary file, without waiting on it', async () => {
    const dir = await tempDir('fifo');
    execFileSync('mkfifo', [path.join(dir, 'Pipe.briefing')]);
    const store = storeIn(dir);
    const started = Date.now();
    expect((await store.list()).entries).toEqual([expect.objectContaining({ kind: 'broken', file: 'Pipe.briefing', error: { code: 'INVALID_FILE', message: '“Pipe.briefing” is not an ordinary file, so it is not a pack file.' } })]);
    await expect(store.open('Pipe.briefing')).rejects.toMatchObject({ code: 'INVALID_FILE', message: expect.stringContaining('is not an ordinary file') });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ['UTF-16 with a byte order mark (Notepad’s “Unicode”)', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), /is saved as UTF-16 text \(“Unicode” in some editors\), not UTF-8/],
    ['UTF-16 big-endian without a byte order mark', (t: string) => Buffer.from(t, 'utf16le').swap16(), /is saved as UTF-16 text/],
    ['Windows-1252 (an “é” as one byte)', (t: string) => Buffer.from(t.replace('Café', 'Caf\u00e9'), 'latin1'), /is not UTF-8 text \(byte \d+ is not valid UTF-8\).*such as Windows-1252/],
    ['UTF-32', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.alloc(8)]), /is saved as UTF-32 text/],
  ])('names a pack saved as %s, in the list, on open and in the CLI', async (_name, encode, expected) => {
    const dir = await tempDir('enc');
    const bytes = encode(packText('Café culture'));
    await fs.writeFile(path.join(dir, 'Encoded.briefing'), bytes);
    const store = storeIn(dir);
    const [entry] = (await store.list()).entries;
    expect(entry).toMatchObject({ kind: 'broken', error: { code: 'INVALID_FILE', message: expect.stringMatching(expected) } });
    await expect(store.open('Encoded.briefing')).rejects.toMatchObject({ message: expect.stringMatching(expected) });
    const { io, lines } = cli();
    await runCli(['validate', path.join(dir, 'Encoded.briefing')], io);
    expect(lines[0]).toMatch(expected);
    expect(await fs.readFile(path.join(dir, 'Encoded.briefing'))).toEqual(bytes);
  });

  it('opens a UTF-8 pack with a byte order mark, and keeps its revision the hash of the bytes on disk', async () => {
    const dir = await tempDir('bom');
    await fs.writeFile(path.join(dir, 'Bom.briefing'), `\ufeff${packText('With BOM')}`);
    const store = storeIn(dir);
    const opened = await store.open('Bom.briefing');
    expect(opened.pack.frontSheet.title).toBe('With BOM');
    expect((await store.revision('Bom.briefing')).revision).toBe(opened.revision);
    await store.save('Bom.briefing', opened.pack, opened.revision); // no false conflict
  });
});

describe('extensions in any case', () => {
  it('lists, opens, saves, duplicates and exports packs named .BRIEFING or .Briefing, and reads .BRIEFING-TEMPLATE templates', async () => {
    const dir = await tempDir('case');
    await fs.writeFile(path.join(dir, 'UPPER.BRIEFING'), packText('Upper'));
    await fs.writeFile(path.join(dir, 'Mixed.Briefing'), packText('Mixed'));
    const template = await fs.readFile('tests/fixtures/templates/valid-ward-briefing.briefing-template');
    await fs.writeFile(path.join(dir, 'Ward.BRIEFING-TEMPLATE'), template);
    const store = storeIn(dir);
    const files = (await store.list()).entries.map((e) => `${e.kind}:${e.file}`).sort();
    expect(files).toEqual(['pack:Mixed.Briefing', 'pack:UPPER.BRIEFING']);
    const opened = await store.open('UPPER.BRIEFING');
    const saved = await store.save('UPPER.BRIEFING', { ...opened.pack, frontSheet: { ...opened.pack.frontSheet, version: '2' } }, opened.revision);
    expect(saved.file).toBe('UPPER.BRIEFING');
    expect((await store.open('UPPER.BRIEFING')).pack.frontSheet.version).toBe('2');
    expect((await store.duplicate('Mixed.Briefing')).file).toBe('Copy of Mixed.briefing');
    expect((await new FolderScanner().scan(dir, 'shared', 1)).templates.map((t) => t.summary.file)).toEqual(['Ward.BRIEFING-TEMPLATE']);
    const { io, lines } = cli();
    expect(await runCli(['validate', path.join(dir, 'Ward.BRIEFING-TEMPLATE'), path.join(dir, 'UPPER.BRIEFING')], io)).toBe(0);
    expect(lines[0]).toMatch(/^OK .*template "Ward briefing"/);
    const out = path.join(dir, 'out');
    expect(await runCli(['export', dir, '--out-dir', out, '--quiet'], io)).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['Copy of Mixed.docx', 'Mixed.docx', 'UPPER.docx']);
  });
});

describe('hard links', () => {
  it('treats a pack with another name (link count above 1) like a link out of the workspace: listed with the reason, never opened or written', async () => {
    const root = await tempDir('hardlink');
    const workspace = path.join(root, 'workspace');
    await fs.mkdir(workspace);
    const outside = path.join(root, 'outside.briefing');
    await fs.writeFile(outside, packText('Someone else’s pack'));
    await fs.link(outside, path.join(workspace, 'Linked.briefing'));
    const before = await fs.readFile(outside);
    const store = storeIn(workspace);
    expect((await store.list()).entries).toEqual([expect.objectContaining({ kind: 'broken', file: 'Linked.briefing', error: { code: 'PERMISSION', message: expect.stringContaining('is a hard link') } })]);
    await expect(store.open('Linked.briefing')).rejects.toMatchObject({ code: 'PERMISSION', message: expect.stringMatching(/hard link.*outside your workspace folder/) });
    const pack = newPack({ title: 'Overwrite attempt' }, []);
    await expect(store.save('Linked.briefing', pack, null)).rejects.toMatchObject({ code: 'PERMISSION' });
    await expect(store.delete('Linked.briefing')).rejects.toMatchObject({ code: 'PERMISSION' });
    expect(await fs.readFile(outside)).toEqual(before);
  });
});

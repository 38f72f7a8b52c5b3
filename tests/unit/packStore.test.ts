import { describe, expect, it } from 'vitest';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { PackStore } from '../../electron/workspace/packStore.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { HostError } from '../../shared/api/errors.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const FIXTURES = path.resolve('tests/fixtures/packs');

async function storeIn(dir: string) {
  return new PackStore({ workspaceDir: dir, trash: (file) => moveToFolderTrash(file, dir) });
}

describe('PackStore', () => {
  it('creates the workspace folder and a pack, lists it with its front-sheet summary, and opens it', async () => {
    const dir = path.join(await tempDir(), 'Documents', 'Briefing Packs');
    const store = await storeIn(dir);
    const created = await store.create('Cabinet: connectivity');
    expect(created.file).toBe('Cabinet connectivity.briefing');
    const list = await store.list();
    expect(list.entries).toEqual([
      expect.objectContaining({ kind: 'pack', file: created.file, title: 'Cabinet: connectivity', status: 'draft', classification: 'OFFICIAL', meetingDate: '' }),
    ]);
    const opened = await store.open(created.file);
    expect(opened.pack).toEqual(created.pack);
    expect(opened.revision).toBe(created.revision);
  });

  it('saves with the right revision, refuses a stale one with CONFLICT, and keeps a backup', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    const { file, pack, revision } = await store.create('Skills');
    const saved = await store.save(file, { ...pack, frontSheet: { ...pack.frontSheet, reportOf: 'Director of Education' } }, revision);
    expect((await store.open(file)).pack.frontSheet.reportOf).toBe('Director of Education');
    const stale = store.save(file, { ...pack, frontSheet: { ...pack.frontSheet, reportOf: 'Someone else' } }, revision);
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.open(file)).pack.frontSheet.reportOf).toBe('Director of Education');
    expect(JSON.parse(await fs.readFile(path.join(dir, '.backups', file), 'utf8')).frontSheet.reportOf).toBe('');
    expect(saved.revision).not.toBe(revision);
  });

  it('serialises concurrent saves of one file: exactly one wins per revision, the file is never mixed', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    const { file, pack, revision } = await store.create('Race');
    const attempts = Array.from({ length: 10 }, (_, i) => store.save(file, { ...pack, frontSheet: { ...pack.frontSheet, version: `0.${i}` } }, revision));
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as HostError).code === 'CONFLICT')).toHaveLength(9);
    expect((await store.open(file)).pack.frontSheet.version).toBe('0.0');
  });

  it('lists corrupt and newer-version files with a plain-English reason and never changes them', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    await store.create('Good pack');
    const corrupt = readFileSync(path.join(FIXTURES, 'bad', 'truncated.briefing'));
    const newer = readFileSync(path.join(FIXTURES, 'bad', 'newer-version.briefing'));
    await fs.writeFile(path.join(dir, 'Damaged.briefing'), corrupt);
    await fs.writeFile(path.join(dir, 'From the future.briefing'), newer);

    const entries = (await store.list()).entries;
    const byFile = Object.fromEntries(entries.map((e) => [e.file, e]));
    expect(byFile['Good pack.briefing']).toMatchObject({ kind: 'pack' });
    expect(byFile['Damaged.briefing']).toMatchObject({ kind: 'broken', error: { code: 'INVALID_FILE', message: expect.stringMatching(/Damaged\.briefing is damaged/) } });
    expect(byFile['From the future.briefing']).toMatchObject({ kind: 'broken', error: { code: 'NEWER_VERSION', message: expect.stringMatching(/newer version of Briefing Studio/) } });

    await expect(store.open('From the future.briefing')).rejects.toMatchObject({ code: 'NEWER_VERSION' });
    await expect(store.open('Damaged.briefing')).rejects.toMatchObject({ code: 'INVALID_FILE' });
    // Saving over them without having opened them (no revision) is refused too.
    const { pack } = await store.open('Good pack.briefing');
    await expect(store.save('From the future.briefing', pack, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(store.save('Damaged.briefing', pack, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await fs.readFile(path.join(dir, 'From the future.briefing'))).toEqual(newer);
    expect(await fs.readFile(path.join(dir, 'Damaged.briefing'))).toEqual(corrupt);
  });

  it('renames (title and file), duplicates and deletes to the .trash folder', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    const { file } = await store.create('Draft');
    const renamed = await store.rename(file, 'R&D investment: our ask');
    expect(renamed.file).toBe('R&D investment our ask.briefing');
    expect(renamed.pack.frontSheet.title).toBe('R&D investment: our ask');
    await expect(fs.access(path.join(dir, file))).rejects.toThrow();
    const copy = await store.duplicate(renamed.file);
    expect(copy.pack.frontSheet.title).toBe('Copy of R&D investment: our ask');
    expect(copy.pack.id).not.toBe(renamed.pack.id);
    await store.delete(renamed.file);
    expect((await store.list()).entries.map((e) => e.file)).toEqual([copy.file]);
    const trashed = await fs.readdir(path.join(dir, '.trash'));
    expect(trashed).toHaveLength(1);
    expect(trashed[0]).toMatch(/R&D investment our ask\.briefing$/);
  });

  it('gives unique file names when titles clash', async () => {
    const store = await storeIn(await tempDir());
    const a = await store.create('Cabinet');
    const b = await store.create('Cabinet');
    expect([a.file, b.file]).toEqual(['Cabinet.briefing', 'Cabinet (2).briefing']);
  });

  it('refuses names that would leave the workspace, and missing packs with NOT_FOUND', async () => {
    const store = await storeIn(await tempDir());
    expect(() => store.pathOf('../outside.briefing')).toThrow(HostError);
    expect(() => store.pathOf('/etc/passwd')).toThrow(HostError);
    await expect(store.open('Nowhere.briefing')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/could not be found/) });
  });

  it('maps a read-only workspace to PERMISSION with a plain message', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    const { file, pack, revision } = await store.create('Locked');
    const denied = new PackStore({
      workspaceDir: dir,
      trash: async () => undefined,
      fs: { ...fs, open: async () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) },
    });
    await expect(denied.save(file, pack, revision)).rejects.toMatchObject({ code: 'PERMISSION', message: expect.stringMatching(/do not have permission/) });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PackReadAhead, packInPageUrl } from '../../electron/workspace/packReadAhead.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { createServices } from '../../electron/services.js';
import { startServer } from '../../electron/browserHost/serve.js';
import { useTempDirs } from '../support/tempDir.js';

// Reading a pack ahead while the page that opens it starts: never stale, never failed, never
// handed out except through openPack, and never started by another site's requests.

const tempDir = useTempDirs();

async function storeWithPack(title = 'Read ahead') {
  const dir = await tempDir('ws');
  const store = new PackStore({ workspaceDir: dir, trash: (file) => moveToFolderTrash(file, dir) });
  const created = await store.create(title);
  const open = vi.fn((file: string) => store.open(file));
  const readAhead = new PackReadAhead({ open, stamp: (file) => store.stamp(file) });
  return { dir, store, created, open, readAhead };
}

describe('PackReadAhead', () => {
  it('hands out what it read, once, when the file has not changed', async () => {
    const { created, open, readAhead } = await storeWithPack();
    readAhead.start(created.file);
    readAhead.start(created.file); // already under way: not read twice
    const taken = await readAhead.take(created.file);
    expect(taken).toEqual({ file: created.file, pack: created.pack, revision: created.revision });
    expect(open).toHaveBeenCalledTimes(1);
    expect(await readAhead.take(created.file)).toBeNull();
  });

  it('never hands out a pack that changed on disk after it was read', async () => {
    const { dir, store, created, open, readAhead } = await storeWithPack();
    readAhead.start(created.file);
    // The read ahead has finished reading before the file changes.
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    await open.mock.results[0]!.value;
    // Someone else saves the pack meanwhile (and the clock moves on, as it does between two saves).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const saved = await store.save(created.file, { ...created.pack, frontSheet: { ...created.pack.frontSheet, title: 'Changed by a colleague' } }, created.revision);
    await fs.utimes(path.join(dir, created.file), new Date(), new Date(Date.now() + 5000));
    expect(await readAhead.take(created.file)).toBeNull();
    expect((await store.open(created.file)).revision).toBe(saved.revision);
  });

  it('forgets what was not taken in time, holds only a few, and a failed read is never handed out', async () => {
    let now = 0;
    const { created, store } = await storeWithPack();
    const readAhead = new PackReadAhead({ open: (f) => store.open(f), stamp: (f) => store.stamp(f), ttlMs: 1000, max: 2, now: () => now });
    readAhead.start(created.file);
    now = 1500;
    expect(await readAhead.take(created.file)).toBeNull();
    readAhead.start('Missing one.briefing');
    expect(await readAhead.take('Missing one.briefing')).toBeNull();
    readAhead.start('a.briefing');
    readAhead.start('b.briefing');
    readAhead.start(created.file); // over the limit: not read ahead
    expect(await readAhead.take(created.file)).toBeNull();
  });

  it('goes through the same confinement as openPack: a path out of the workspace is never read', async () => {
    const { store } = await storeWithPack();
    const open = vi.fn((f: string) => store.open(f));
    const readAhead = new PackReadAhead({ open, stamp: (f) => store.stamp(f) });
    readAhead.start('../outside.briefing');
    expect(await readAhead.take('../outside.briefing')).toBeNull();
    expect(open).not.toHaveBeenCalled();
  });
});

describe('packInPageUrl', () => {
  it('takes only a pack name openPack would accept', () => {
    expect(packInPageUrl(new URL('http://h/?pack=Cabinet+report.briefing&section=x'))).toBe('Cabinet report.briefing');
    expect(packInPageUrl(new URL('http://h/?pack=notes.txt'))).toBeNull();
    expect(packInPageUrl(new URL('http://h/?screen=settings'))).toBeNull();
    expect(packInPageUrl(new URL('http://h/?pack=a%00b.briefing'))).toBeNull();
  });
});

describe('openPack with a read ahead', () => {
  it('returns the same pack as a fresh open, and the new version if the file changed in between', async () => {
    const workspace = await tempDir('ws');
    const services = createServices({ platform: { host: 'browser', appVersion: 't', dataDir: await tempDir('data'), trash: moveToFolderTrash }, workspaceOverride: workspace });
    const created = await services.createPack({ title: 'Sefton connectivity' });
    services.readAheadPack(created.file);
    expect(await services.openPack({ file: created.file })).toEqual(created);
    services.readAheadPack(created.file);
    const text = (await fs.readFile(path.join(workspace, created.file), 'utf8')).replace('Sefton connectivity', 'Sefton connectivity (edited)');
    await fs.writeFile(path.join(workspace, created.file), text);
    await fs.utimes(path.join(workspace, created.file), new Date(), new Date(Date.now() + 5000));
    expect((await services.openPack({ file: created.file })).pack.frontSheet.title).toBe('Sefton connectivity (edited)');
  });
});

describe('browser host: reading ahead for the page', () => {
  async function hostWithSpy() {
    const rendererDir = await tempDir('renderer');
    await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Briefing Studio</title>');
    await fs.writeFile(path.join(rendererDir, 'app.js'), '');
    const readAheadPack = vi.fn();
    const handlers = createServices({ platform: { host: 'browser', appVersion: 't', dataDir: await tempDir('data'), trash: moveToFolderTrash }, workspaceOverride: await tempDir('ws') });
    const server = await startServer({ handlers, readAheadPack, rendererDir });
    const get = (pathAndQuery: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: server.port, path: pathAndQuery, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        }).on('error', reject);
      });
    return { server, readAheadPack, get };
  }

  it("starts for the user's own loads of the page, and for nothing else", async () => {
    const { server, readAheadPack, get } = await hostWithSpy();
    try {
      expect(await get('/?pack=Mine.briefing&section=s1', { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'none' })).toBe(200);
      expect(readAheadPack).toHaveBeenLastCalledWith('Mine.briefing');
      await get('/?pack=Reloaded.briefing', { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'same-origin' });
      expect(readAheadPack).toHaveBeenLastCalledWith('Reloaded.briefing');
      readAheadPack.mockClear();
      await get('/?pack=Theirs.briefing', { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'cross-site' });
      await get('/?pack=Image.briefing', { 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Site': 'same-origin' });
      await get('/app.js?pack=Script.briefing');
      await get('/?pack=../../etc/passwd');
      expect(readAheadPack).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  });
});

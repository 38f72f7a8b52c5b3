import { promises as realFs, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, withTransientRetry, type AtomicFs } from '../../electron/workspace/atomicWrite.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { HostError } from '../../shared/api/errors.js';
import { newPack } from '../../shared/pack/defaults.js';
import { tempDir } from './safetySupport.js';
import { canMountHere } from '../support/mountProbe.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** Real fs, with rename failing `times` times with `code`. */
function flakyRename(code: string, times: number): AtomicFs & { calls: number } {
  const fs = {
    calls: 0,
    open: realFs.open,
    copyFile: realFs.copyFile,
    unlink: realFs.unlink,
    mkdir: realFs.mkdir,
    rename: (async (from: string, to: string) => {
      fs.calls++;
      if (fs.calls <= times) throw errno(code);
      return realFs.rename(from, to);
    }) as typeof realFs.rename,
  };
  return fs;
}

describe('transient Windows errors (EPERM, EBUSY)', () => {
  it('retries a rename that fails with EBUSY or EPERM a few times, then succeeds', async () => {
    const dir = await tempDir('retry');
    const target = path.join(dir, 'a.briefing');
    for (const code of ['EBUSY', 'EPERM']) {
      const fs = flakyRename(code, 3);
      await writeFileAtomic(target, `written after ${code}`, { fs, retryDelaysMs: [1, 1, 1, 1, 1] });
      expect(fs.calls).toBe(4);
      expect(await realFs.readFile(target, 'utf8')).toBe(`written after ${code}`);
    }
    expect((await realFs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('gives up after the bounded number of retries, leaving the old file and no temp file', async () => {
    const dir = await tempDir('retry');
    const target = path.join(dir, 'a.briefing');
    await realFs.writeFile(target, 'old');
    const fs = flakyRename('EBUSY', 100);
    await expect(writeFileAtomic(target, 'new', { fs, retryDelaysMs: [1, 1, 1] })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(fs.calls).toBe(4);
    expect(await realFs.readFile(target, 'utf8')).toBe('old');
    expect(await realFs.readdir(dir)).toEqual(['a.briefing']);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      withTransientRetry(async () => {
        calls++;
        throw errno('ENOSPC');
      }, [1, 1]),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls).toBe(1);
  });
});

describe('disk full', () => {
  it('injected ENOSPC while writing: plain-English DISK_FULL, previous version intact, no temp file', async () => {
    const dir = await tempDir('enospc');
    const okStore = new PackStore({ workspaceDir: dir, trash: async () => undefined });
    const created = await okStore.create('Budget');
    const before = await realFs.readFile(path.join(dir, created.file), 'utf8');
    const fullDisk: AtomicFs = {
      ...realFs,
      open: (async (...args: Parameters<typeof realFs.open>) => {
        const handle = await realFs.open(...args);
        const write = handle.writeFile.bind(handle);
        handle.writeFile = (async (data: string | Uint8Array) => {
          await write(typeof data === 'string' ? data.slice(0, 10) : data.slice(0, 10));
          throw errno('ENOSPC');
        }) as typeof handle.writeFile;
        return handle;
      }) as typeof realFs.open,
    };
    const store = new PackStore({ workspaceDir: dir, trash: async () => undefined, fs: fullDisk });
    const error = await store.save(created.file, { ...created.pack, frontSheet: { ...created.pack.frontSheet, reportOf: 'Director' } }, created.revision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('DISK_FULL');
    expect((error as HostError).message).toMatch(/disk is full/);
    expect(await realFs.readFile(path.join(dir, created.file), 'utf8')).toBe(before);
    expect((await realFs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  const canMount = canMountHere();
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) execFileSync('umount', [m]);
  });

  it.skipIf(!canMount)('a real tiny tmpfs fills up: DISK_FULL, previous version intact (skipped where tmpfs cannot be mounted: needs Linux and root)', async () => {
    const dir = await tempDir('tmpfs');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', dir]);
    mounts.push(dir);
    const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
    const created = await store.create('Budget');
    const before = await realFs.readFile(path.join(dir, created.file), 'utf8');
    const huge = 'x'.repeat(200_000);
    const error = await store.save(created.file, { ...created.pack, frontSheet: { ...created.pack.frontSheet, title: 'Budget' }, sections: [{ id: 's', title: 'Big', guidance: huge.slice(0, 20_000), content: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: huge }] }] } } }] }, created.revision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('DISK_FULL');
    expect(await realFs.readFile(path.join(dir, created.file), 'utf8')).toBe(before);
    expect((await realFs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!canMount)('a real read-only bind mount: PERMISSION in plain English, file untouched (root ignores chmod, so a read-only mount is used)', async () => {
    const source = await tempDir('ro-src');
    const okStore = new PackStore({ workspaceDir: source, trash: async () => undefined });
    const created = await okStore.create('Budget');
    const before = await realFs.readFile(path.join(source, created.file), 'utf8');
    const ro = await tempDir('ro');
    execFileSync('mount', ['--bind', source, ro]);
    mounts.push(ro);
    execFileSync('mount', ['-o', 'remount,bind,ro', ro]);
    const store = new PackStore({ workspaceDir: ro, trash: async () => undefined });
    const opened = await store.open(created.file);
    const error = await store.save(created.file, { ...opened.pack, frontSheet: { ...opened.pack.frontSheet, reportOf: 'x' } }, opened.revision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('PERMISSION');
    expect((error as HostError).message).toMatch(/permission/);
    expect(await realFs.readFile(path.join(source, created.file), 'utf8')).toBe(before);
    await expect(realFs.access(ro, constants.W_OK)).rejects.toMatchObject({ code: 'EROFS' });
  });
});

describe('read-only folder (injected EROFS/EACCES) and deleted file', () => {
  it('EROFS and EACCES on create of the temp file become PERMISSION errors and nothing changes', async () => {
    const dir = await tempDir('erofs');
    const okStore = new PackStore({ workspaceDir: dir, trash: async () => undefined });
    const created = await okStore.create('Budget');
    const before = await realFs.readFile(path.join(dir, created.file), 'utf8');
    for (const code of ['EROFS', 'EACCES']) {
      const store = new PackStore({ workspaceDir: dir, trash: async () => undefined, fs: { ...realFs, open: (async () => { throw errno(code); }) as typeof realFs.open } });
      await expect(store.save(created.file, created.pack, created.revision)).rejects.toMatchObject({ code: 'PERMISSION' });
    }
    expect(await realFs.readFile(path.join(dir, created.file), 'utf8')).toBe(before);
  });

  it('a file deleted while open is written again by the next save', async () => {
    const dir = await tempDir('deleted');
    const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
    const created = await store.create('Budget');
    await realFs.unlink(path.join(dir, created.file));
    expect(await store.revision(created.file)).toEqual({ exists: false, revision: null });
    const pack = { ...created.pack, frontSheet: { ...created.pack.frontSheet, reportOf: 'Still here' } };
    await store.save(created.file, pack, created.revision);
    expect((await store.open(created.file)).pack.frontSheet.reportOf).toBe('Still here');
  });

  it('a vanished network folder (EIO / ENETUNREACH) gives UNAVAILABLE in plain English', async () => {
    const dir = await tempDir('net');
    const store = new PackStore({ workspaceDir: dir, trash: async () => undefined, fs: { ...realFs, open: (async () => { throw errno('ENETUNREACH'); }) as typeof realFs.open } });
    const pack = newPack({ title: 'x' });
    await expect(store.save('x.briefing', pack, null)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/not responding/) });
  });
});

describe('leftover temp files from killed saves', () => {
  it('are swept once an hour old; fresh ones (a save in progress elsewhere) and packs are left alone', async () => {
    const dir = await tempDir('sweep');
    const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
    await store.create('Budget');
    const old = path.join(dir, '.Budget.briefing.0123456789ab.tmp');
    const fresh = path.join(dir, '.Budget.briefing.ba9876543210.tmp');
    await realFs.writeFile(old, 'half a save');
    await realFs.writeFile(fresh, 'a save in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await realFs.utimes(old, twoHoursAgo, twoHoursAgo);
    expect(await store.sweepTempFiles()).toBe(1);
    expect((await realFs.readdir(dir)).sort()).toEqual(['.Budget.briefing.ba9876543210.tmp', 'Budget.briefing']);
  });
});

describe('network folder gone', () => {
  it('the workspace folder disappears while a pack is open: UNAVAILABLE with a reconnect hint; saving works again when it is back', async () => {
    const parent = await tempDir('netgone');
    const dir = path.join(parent, 'Shared drive');
    await realFs.mkdir(dir);
    const store = new PackStore({ workspaceDir: dir, trash: async () => undefined });
    const created = await store.create('Budget');
    await realFs.rename(dir, path.join(parent, 'unplugged'));
    const pack = { ...created.pack, frontSheet: { ...created.pack.frontSheet, reportOf: 'Words typed offline' } };
    const error = await store.save(created.file, pack, created.revision).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('UNAVAILABLE');
    expect((error as HostError).message).toMatch(/not available any more.*reconnect/);
    await realFs.rename(path.join(parent, 'unplugged'), dir);
    await store.save(created.file, pack, created.revision);
    expect((await store.open(created.file)).pack.frontSheet.reportOf).toBe('Words typed offline');
  });
});

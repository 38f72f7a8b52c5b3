import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, type AtomicFs } from '../../electron/workspace/atomicWrite.js';
import { SerialQueue } from '../../electron/workspace/serialQueue.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();

/** Real fs, except that writing the temp file stops half-way with ENOSPC. */
function fsFailingMidWrite(): AtomicFs {
  return {
    ...fs,
    open: (async (file: string, flags: string) => {
      const handle = await fs.open(file, flags);
      const realWrite = handle.writeFile.bind(handle);
      handle.writeFile = (async (data: string | Uint8Array) => {
        const half = typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2);
        await realWrite(half);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }) as typeof handle.writeFile;
      return handle;
    }) as AtomicFs['open'],
  };
}

describe('writeFileAtomic', () => {
  it('replaces the file and keeps the previous version as a backup', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'pack.briefing');
    const backup = path.join(dir, '.backups', 'pack.briefing');
    await writeFileAtomic(target, 'first', { backupPath: backup });
    await writeFileAtomic(target, 'second', { backupPath: backup });
    expect(await fs.readFile(target, 'utf8')).toBe('second');
    expect(await fs.readFile(backup, 'utf8')).toBe('first');
  });

  it('keeps the previous file intact when the write fails part-way, and leaves no temp file', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'pack.briefing');
    const original = JSON.stringify({ words: 'every word the member wrote'.repeat(1000) });
    await fs.writeFile(target, original);
    const attempt = writeFileAtomic(target, JSON.stringify({ words: 'new text'.repeat(5000) }), { fs: fsFailingMidWrite() });
    await expect(attempt).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(target, 'utf8')).toBe(original);
    expect(await fs.readdir(dir)).toEqual(['pack.briefing']);
  });

  it('fails when the rename fails, leaving the old file and no temp file', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'pack.briefing');
    await fs.writeFile(target, 'old');
    const failingRename: AtomicFs = { ...fs, rename: async () => Promise.reject(Object.assign(new Error('EBUSY'), { code: 'EBUSY' })) };
    await expect(writeFileAtomic(target, 'new', { fs: failingRename })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['pack.briefing']);
  });
});

describe('SerialQueue', () => {
  it('runs tasks for one key strictly one after another, and other keys in parallel', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task = (key: string, id: number, ms: number) =>
      queue.run(key, async () => {
        log.push(`start ${key}${id}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${key}${id}`);
      });
    await Promise.all([task('a', 1, 30), task('a', 2, 1), task('b', 1, 5)]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps going after a failed task', async () => {
    const queue = new SerialQueue();
    await expect(queue.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('k', async () => 'next')).resolves.toBe('next');
  });
});

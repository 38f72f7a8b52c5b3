import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh real folder under the OS temp dir, removed after the current test. */
export function useTempDirs() {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (prefix = 'unit'): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `briefing-${prefix}-`));
    made.push(dir);
    return dir;
  };
}

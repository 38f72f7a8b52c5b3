import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_IDENTITY_FILE, loadHostIdentity, readHostIdentity, writeHostIdentity } from '../../electron/browserHost/hostIdentity.js';
import { removeDir, startBrowserHost } from '../support/browserHost.js';
import { tempDir } from './safetySupport.js';

/**
 * Issue 13, point 5: the browser host keeps its address and token per data folder, with
 * owner-only permissions, so a tab left open across a restart can still save; a file anyone
 * else could read or change is never trusted.
 */
const posix = process.platform !== 'win32';

describe('browser host identity (token and port kept per data folder)', () => {
  it('the real host keeps the same address and token across a restart, in a 0600 file; another data folder gets another token', async () => {
    const dataDir = await tempDir('data');
    const workspaceDir = await tempDir('ws');
    const first = await startBrowserHost({ dataDir, workspaceDir });
    await first.stop();
    const second = await startBrowserHost({ dataDir, workspaceDir });
    try {
      expect(second.url).toBe(first.url);
      expect(second.token).toMatch(/^[0-9a-f]{64}$/);
      const file = path.join(dataDir, HOST_IDENTITY_FILE);
      if (posix) expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ token: second.token, port: Number(new URL(second.origin).port) });
      // The token still guards the API: a wrong one is refused, the kept one accepted.
      const call = (token: string) => fetch(`${second.origin}/api/getAppInfo`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
      expect((await call('0'.repeat(64))).status).toBe(401);
      expect((await call(second.token)).status).toBe(200);
    } finally {
      await second.stop();
    }
    const otherData = await tempDir('data');
    const other = await startBrowserHost({ dataDir: otherData, workspaceDir });
    await other.stop();
    expect(other.token).not.toBe(second.token);
    await Promise.all([removeDir(dataDir), removeDir(otherData), removeDir(workspaceDir)]);
  });

  it.runIf(posix)('a token file others could read, a link, another shape or a damaged file is replaced, never used', async () => {
    const dataDir = await tempDir('data');
    const file = path.join(dataDir, HOST_IDENTITY_FILE);
    const kept = await loadHostIdentity(dataDir);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await loadHostIdentity(dataDir)).token).toBe(kept.token); // stable

    await fs.chmod(file, 0o644);
    expect((await readHostIdentity(dataDir)).reason).toMatch(/could be read by other users/);
    const fresh = await loadHostIdentity(dataDir);
    expect(fresh.token).not.toBe(kept.token);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    // A link planted in its place (pointing at a file the attacker controls) is not followed.
    const planted = path.join(dataDir, 'planted.json');
    await fs.writeFile(planted, JSON.stringify({ token: 'a'.repeat(64) }), { mode: 0o600 });
    await fs.rm(file);
    await fs.symlink(planted, file);
    expect((await readHostIdentity(dataDir)).reason).toMatch(/not a plain file/);
    const afterLink = await loadHostIdentity(dataDir);
    expect(afterLink.token).not.toBe('a'.repeat(64));
    expect((await fs.lstat(file)).isSymbolicLink()).toBe(false);
    expect(JSON.parse(await fs.readFile(planted, 'utf8')).token).toBe('a'.repeat(64)); // its target untouched

    await fs.writeFile(file, '{"token":"short"}', { mode: 0o600 });
    expect((await readHostIdentity(dataDir)).reason).toMatch(/damaged/);
    await writeHostIdentity(dataDir, { token: 'b'.repeat(64), port: 40123 });
    expect((await loadHostIdentity(dataDir, { fresh: true })).port).toBe(40123); // --new-token keeps the address
    expect((await loadHostIdentity(dataDir)).token).not.toBe('b'.repeat(64));
    await removeDir(dataDir);
  });
});

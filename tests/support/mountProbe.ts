import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Whether this machine lets the tests mount a tiny tmpfs and read-only bind mounts (Linux,
 * root, and a container allowed to mount). Probed for real: mount a tmpfs, then unmount it.
 */
export function canMountHere(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  let dir: string | undefined;
  try {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-mount-probe-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    if (dir) {
      try {
        rmdirSync(dir);
      } catch {
        // still mounted or already gone; nothing more to do
      }
    }
  }
}

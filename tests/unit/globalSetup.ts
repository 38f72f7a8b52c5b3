import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The shell's boot tests run the built bundles (dist/electron/main.cjs and preload.cjs, and
 * the renderer main serves), so build first when any source changed since the last build
 * (electron/tooling/build.mjs skips the work when nothing did).
 */
export default function setup(): void {
  execFileSync(process.execPath, [path.resolve('electron/tooling/build.mjs'), '--quiet'], { stdio: 'inherit' });
}

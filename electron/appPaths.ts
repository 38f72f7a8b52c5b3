import path from 'node:path';
import os from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The repository / app root: found by walking up from this module to package.json, so it
 * works from the TypeScript sources (tests) and from the bundles in dist/electron alike.
 */
export function appRoot(): string {
  let dir = typeof __dirname !== 'undefined' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function rendererDistDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/** Where the browser host keeps settings, journals and history (Electron uses userData). */
export function defaultDataDir(): string {
  if (process.env.BRIEFING_DATA_DIR) return path.resolve(process.env.BRIEFING_DATA_DIR);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Briefing Studio');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Briefing Studio');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'briefing-studio');
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACK_EXTENSION } from '../../shared/pack/format.js';

/** Template files share the pack family but open as "new pack from this template". */
export const TEMPLATE_EXTENSION = '.briefing-template';

export interface LaunchFile {
  kind: 'pack' | 'template';
  file: string;
}

/**
 * The files to open from a command line: the first launch's process.argv, or the argv a
 * second launch hands over (`second-instance`, with that launch's working folder). Switches
 * ("--foo") and anything that is not a pack or template file are ignored, so Electron's and
 * Chromium's own arguments and the app path never count as documents.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): LaunchFile[] {
  const files: LaunchFile[] = [];
  for (const arg of argv) {
    if (!arg || arg.startsWith('-') || arg.includes('\0')) continue;
    const lower = arg.toLowerCase();
    const kind = lower.endsWith(PACK_EXTENSION) ? 'pack' : lower.endsWith(TEMPLATE_EXTENSION) ? 'template' : null;
    if (!kind) continue;
    const file = fileFromArg(arg, cwd);
    if (file && !files.some((f) => f.file === file)) files.push({ kind, file });
  }
  return files;
}

/** Plain paths and file:// URLs (some desktops pass those) become absolute paths. */
function fileFromArg(arg: string, cwd: string): string | null {
  if (/^file:\/\//i.test(arg)) {
    try {
      const url = new URL(arg);
      if (url.host !== '' && url.host !== 'localhost') return null;
      return fileURLToPath(url);
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return null; // other URL schemes are not files
  return path.resolve(cwd, arg);
}

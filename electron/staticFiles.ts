import path from 'node:path';
import { promises as fs } from 'node:fs';

/**
 * Static files of the built renderer, for both the Electron `app://` protocol and the browser
 * host. A request path is refused (never normalised into something else) when it could
 * reach outside the renderer folder: `..` segments, encoded or raw backslashes, NUL and
 * control characters, hidden files, malformed escapes, or a link leading out of the folder.
 */
export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function mimeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup = { kind: 'file'; file: string; data: Buffer } | { kind: 'refused' } | { kind: 'missing'; isRoute: boolean };

/** The relative segments of a URL path, or null when the path must be refused outright. */
export function staticSegments(rawPathname: string): string[] | null {
  if (rawPathname.length > 1024) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null; // malformed %-escape
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(rawPathname)) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  for (const segment of segments) {
    // NFKC catches full-width dots and slashes that some file systems fold.
    const folded = segment.normalize('NFKC');
    if (segment.startsWith('.') || folded.startsWith('.') || /[\\/:]/.test(folded)) return null;
  }
  return segments;
}

/** Look a request path up under `root` (an absolute folder). `/` means index.html. */
export async function lookupStatic(root: string, rawPathname: string): Promise<StaticLookup> {
  const segments = staticSegments(rawPathname);
  if (segments === null) return { kind: 'refused' };
  const base = path.resolve(root);
  const file = segments.length === 0 ? path.join(base, 'index.html') : path.join(base, ...segments);
  const isRoute = segments.length === 0 || path.extname(file) === '';
  if (!file.startsWith(base + path.sep)) return { kind: 'refused' };
  let real: string;
  let realBase: string;
  try {
    [real, realBase] = await Promise.all([fs.realpath(file), fs.realpath(base)]);
  } catch {
    return { kind: 'missing', isRoute };
  }
  if (!real.startsWith(realBase + path.sep)) return { kind: 'refused' };
  try {
    const stat = await fs.stat(real);
    if (!stat.isFile()) return { kind: 'missing', isRoute };
    return { kind: 'file', file: real, data: await fs.readFile(real) };
  } catch {
    return { kind: 'missing', isRoute };
  }
}

import { packRef, type OpenedPack } from '../../shared/api/contract.js';

/** What identifies one version of a file on disk, as far as a stat can tell. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface PackReadAheadOptions {
  /** Open a pack exactly as openPack does (read, check, migrate). */
  open(file: string): Promise<OpenedPack>;
  /** The file's stamp now (throws if it cannot be read). */
  stamp(file: string): Promise<FileStamp>;
  /** How long a read-ahead waits to be taken (default 5 s). */
  ttlMs?: number;
  /** At most this many at once (default 4): they hold whole packs in memory. */
  max?: number;
  now?: () => number;
}

interface Pending {
  at: number;
  before: Promise<FileStamp | null>;
  opened: Promise<OpenedPack | null>;
}

const sameStamp = (a: FileStamp, b: FileStamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/**
 * A page that opens a pack (?pack=… in its address) asks for it as soon as its first script
 * runs, but the host learns which pack it will be earlier, when it serves the page. The read
 * ahead starts opening the pack then, so reading and checking a long pack overlaps the page
 * starting up instead of following it (~50 ms for the reference pack).
 *
 * Only openPack ever hands out what was read ahead, and only once, within a few seconds, and
 * only if the file's stamp (size, modification and change times, inode) is the same as just
 * before it was read; otherwise, or if the read ahead failed, the pack is opened afresh, so
 * nothing stale or failed is ever returned. Reading ahead goes through the same open (and so
 * the same confinement to the workspace) as openPack.
 */
export class PackReadAhead {
  private readonly pending = new Map<string, Pending>();
  private readonly options: PackReadAheadOptions;

  constructor(options: PackReadAheadOptions) {
    this.options = options;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private expire(): void {
    const ttl = this.options.ttlMs ?? 5000;
    for (const [file, entry] of this.pending) if (this.now() - entry.at > ttl) this.pending.delete(file);
  }

  /** Start opening `file` in the background (no-op if it is already being read ahead). */
  start(file: string): void {
    this.expire();
    if (this.pending.has(file) || this.pending.size >= (this.options.max ?? 4)) return;
    const before = this.options.stamp(file).catch(() => null);
    // The stamp is taken first, so a change made while reading shows up as a different stamp.
    const opened = before.then((stamp) => (stamp ? this.options.open(file) : null)).catch(() => null);
    this.pending.set(file, { at: this.now(), before, opened });
  }

  /** The pack read ahead for `file`, if there is one and the file has not changed since; else null. */
  async take(file: string): Promise<OpenedPack | null> {
    this.expire();
    const entry = this.pending.get(file);
    if (!entry) return null;
    this.pending.delete(file);
    const [before, opened] = await Promise.all([entry.before, entry.opened]);
    if (!before || !opened) return null;
    const now = await this.options.stamp(file).catch(() => null);
    return now && sameStamp(before, now) ? opened : null;
  }
}

/** The pack a page address opens (?pack=…), if it names one openPack would accept; else null. */
export function packInPageUrl(url: URL): string | null {
  const checked = packRef.safeParse(url.searchParams.get('pack'));
  return checked.success ? checked.data : null;
}

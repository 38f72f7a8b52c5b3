import { promises as fs, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SearchResults } from '../../shared/api/contract.js';
import { parsePackBytes } from '../../shared/pack/parse.js';
import { OWN_FILE_LIMITS, readTextFileBounded } from '../workspace/boundedRead.js';
import { readPackFile } from '../workspace/packStore.js';
import { isPackFileName } from '../workspace/packFileNames.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import { mapLimit } from '../workspace/mapLimit.js';
import { indexedPackOf, type IndexedPack } from './packDocument.js';
import { PackSearchIndex } from './searchIndex.js';

/** Bump when the cached shape or the MiniSearch options change: old caches are then rebuilt. */
export const SEARCH_CACHE_VERSION = 1;

/** A file's identity on disk: when either changes, the pack is read and indexed again. */
interface FileStamp {
  mtimeMs: number;
  size: number;
}

const stampSchema = z.object({ mtimeMs: z.number(), size: z.number() });
const sectionSchema = z.object({ id: z.string(), title: z.string(), text: z.string() });
const cacheSchema = z.object({
  cacheVersion: z.literal(SEARCH_CACHE_VERSION),
  workspaceDir: z.string(),
  /** Every pack file seen, including unreadable ones (so they are not re-read every time). */
  stamps: z.record(z.string(), stampSchema),
  docs: z.array(z.object({ file: z.string(), title: z.string(), frontSheet: z.string(), sections: z.array(sectionSchema) })),
  index: z.unknown(),
});

export interface WorkspaceIndexOptions {
  workspaceDir: string;
  /** Folder for the on-disk cache (the app data folder); no cache when omitted. */
  cacheDir?: string;
  /** Wait this long after a change before writing the cache (many saves, one write). */
  cacheWriteDelayMs?: number;
  /**
   * Watch the folder for changes (default true). While the watch works, a search re-checks
   * the files only after a change event or when the last check is older than
   * `watchedFreshForMs` (a safety net for drives whose change events go missing); without
   * it, every search checks (one stat per pack: about 20 ms for 1,000 packs).
   */
  watch?: boolean;
  watchedFreshForMs?: number;
}

/** The cache file for one workspace: named by a hash of the folder path. */
export function searchCacheFile(cacheDir: string, workspaceDir: string): string {
  const key = createHash('sha256').update(path.resolve(workspaceDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'search-index', `${key}.json`);
}

/**
 * Keeps the search index of one workspace folder in step with the files on disk. Before a
 * search it compares every pack's modification time and size with what was indexed and
 * re-reads only the files that changed, appeared or vanished, whoever changed them (this
 * app, a sync client, a colleague on a shared drive). The index is cached in the app data
 * folder so opening a large workspace reads one file instead of every pack.
 */
export class WorkspaceIndex {
  readonly workspaceDir: string;
  private index = new PackSearchIndex();
  private stamps = new Map<string, FileStamp>();
  private loaded: Promise<void> | undefined;
  private syncing: Promise<void> | undefined;
  private lastSync = 0;
  private dirty = true;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheWrite: Promise<void> = Promise.resolve();
  private readonly options: WorkspaceIndexOptions;
  private watcher: FSWatcher | undefined;
  private syncedFolderMtime = -1;
  /** How the index was last made ready: from the cache, or built from the files. */
  loadedFrom: 'cache' | 'files' | undefined;

  constructor(options: WorkspaceIndexOptions) {
    this.options = options;
    this.workspaceDir = path.resolve(options.workspaceDir);
  }

  get cacheFile(): string | undefined {
    return this.options.cacheDir ? searchCacheFile(this.options.cacheDir, this.workspaceDir) : undefined;
  }

  /** Tell the index a pack changed (saved, renamed, deleted here): the next search re-checks. */
  noteChanged(): void {
    this.dirty = true;
  }

  async search(query: string, limit?: number): Promise<SearchResults> {
    await this.ensureFresh();
    return { query, hits: this.index.search(query, limit), indexedPacks: this.index.size };
  }

  /** Bring the index up to date with the folder now (waits for any check in progress). */
  async ensureFresh(force = false): Promise<void> {
    this.loaded ??= this.loadCache();
    await this.loaded;
    const freshFor = this.watcher ? (this.options.watchedFreshForMs ?? 2000) : 0;
    // Saves by this app (and most others) write a temp file and rename it into place, which
    // changes the folder's own modification time: one stat catches them even before the
    // watch event arrives.
    if (!force && !this.dirty && Date.now() - this.lastSync < freshFor && (await this.folderMtime()) === this.syncedFolderMtime) return;
    // One check at a time; a request arriving during a check waits for it, then checks again
    // so it sees changes made while the first one ran.
    while (this.syncing) await this.syncing;
    this.syncing = this.sync().finally(() => (this.syncing = undefined));
    await this.syncing;
  }

  private async folderMtime(): Promise<number> {
    try {
      return (await fs.stat(this.workspaceDir)).mtimeMs;
    } catch {
      return -1;
    }
  }

  private async sync(): Promise<void> {
    this.dirty = false;
    this.syncedFolderMtime = await this.folderMtime();
    if (this.options.watch !== false && !this.watcher) this.startWatching();
    let names: string[];
    try {
      names = (await fs.readdir(this.workspaceDir)).filter(isPackFileName);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') names = [];
      else throw err;
    }
    let changed = false;
    const present = new Set(names);
    for (const file of [...this.stamps.keys()]) {
      if (!present.has(file)) {
        this.stamps.delete(file);
        this.index.remove(file);
        changed = true;
      }
    }
    await mapLimit(names, 16, async (file) => {
      const full = path.join(this.workspaceDir, file);
      let stat;
      try {
        stat = await fs.stat(full);
      } catch {
        return; // vanished since readdir; the next check removes it
      }
      const known = this.stamps.get(file);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return;
      changed = true;
      const doc = await readIndexedPack(full, file);
      if (doc) this.index.put(doc);
      else this.index.remove(file); // unreadable now: the library lists it with its reason
      // Stamp only once indexed, so a cache written meanwhile never claims a file it lacks.
      this.stamps.set(file, { mtimeMs: stat.mtimeMs, size: stat.size });
    });
    this.lastSync = Date.now();
    if (changed) this.scheduleCacheWrite();
  }

  /** Any event in the folder marks the index stale; a failing watch falls back to checking every time. */
  private startWatching(): void {
    try {
      this.watcher = watch(this.workspaceDir, { persistent: false }, () => {
        this.dirty = true;
      });
      this.watcher.on('error', () => this.stopWatching());
    } catch {
      this.watcher = undefined; // folder missing or watching unsupported: check on every search
    }
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.dirty = true;
  }

  /** Stop watching and write any pending cache (when the workspace folder changes). */
  async close(): Promise<void> {
    this.stopWatching();
    if (this.cacheTimer) await this.flush();
  }

  private async loadCache(): Promise<void> {
    const file = this.cacheFile;
    if (!file) return;
    try {
      const cached = cacheSchema.parse(JSON.parse(await readTextFileBounded(file, { maxBytes: OWN_FILE_LIMITS.searchCache, label: 'The search index', kind: 'search index' })));
      if (path.resolve(cached.workspaceDir) !== this.workspaceDir) return;
      this.index = PackSearchIndex.fromJSON({ index: cached.index, docs: cached.docs as IndexedPack[] });
      this.stamps = new Map(Object.entries(cached.stamps));
      this.loadedFrom = 'cache';
    } catch {
      // No cache, or one from another version or damaged: build from the files instead.
      this.index = new PackSearchIndex();
      this.stamps = new Map();
      this.loadedFrom = 'files';
    }
  }

  private scheduleCacheWrite(): void {
    if (!this.cacheFile) return;
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => void this.flush(), this.options.cacheWriteDelayMs ?? 10_000);
    this.cacheTimer.unref?.();
  }

  /** Write the cache now (tests, benchmarks, shutdown). A failed write only costs speed. */
  async flush(): Promise<void> {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    const file = this.cacheFile;
    if (!file) return;
    while (this.syncing) await this.syncing;
    const { index, docs } = this.index.toJSON();
    const text = JSON.stringify({ cacheVersion: SEARCH_CACHE_VERSION, workspaceDir: this.workspaceDir, stamps: Object.fromEntries(this.stamps), docs, index });
    this.cacheWrite = this.cacheWrite.then(async () => {
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, text);
      } catch {
        // The cache is only an accelerator; the next start rebuilds from the packs.
      }
    });
    await this.cacheWrite;
  }
}

async function readIndexedPack(full: string, file: string): Promise<IndexedPack | null> {
  try {
    return indexedPackOf(file, parsePackBytes(await readPackFile(full, file), { label: file }));
  } catch {
    return null;
  }
}

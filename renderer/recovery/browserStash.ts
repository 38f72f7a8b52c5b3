import type { Pack } from '../../shared/pack/schema.js';

/**
 * Unsaved edits kept in the browser's own storage (IndexedDB) while the browser host cannot
 * be reached (issue 13), so a reload or a new tab offers them back once it answers. One entry
 * per pack file, replaced on each write (bounded: never more than one copy of a pack).
 */
export interface StashedEdits {
  file: string;
  packId: string;
  pack: Pack;
  baseRevision: string | null;
  stashedAt: string;
  /** The editor session that kept it: while that window is still open, it is not a recovery. */
  session?: string;
}

export interface BrowserStash {
  put(entry: StashedEdits): Promise<void>;
  get(file: string): Promise<StashedEdits | null>;
  remove(file: string): Promise<void>;
}

const DB_NAME = 'briefing-studio';
const STORE = 'unsaved-edits';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** The IndexedDB stash, or null where there is no IndexedDB (Node tests, locked-down browsers). */
export function indexedDbStash(): BrowserStash | null {
  if (typeof indexedDB === 'undefined') return null;
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'file' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        db = null;
        reject(req.error ?? new Error('IndexedDB could not be opened'));
      };
    }));
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async put(entry) {
      await request((await store('readwrite')).put(entry));
    },
    async get(file) {
      const found = (await request((await store('readonly')).get(file))) as StashedEdits | undefined;
      return found ?? null;
    },
    async remove(file) {
      await request((await store('readwrite')).delete(file));
    },
  };
}

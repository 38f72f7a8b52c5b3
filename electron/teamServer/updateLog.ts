import { promises as fs, openSync, readFileSync, closeSync, fsyncSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * One pack's append-only update log: every Yjs update the server accepts is appended and
 * fsynced before it is acknowledged, so a crash at any moment loses nothing acknowledged.
 * Each record is [length u32][crc32 u32][bytes]; a torn record at the end (the crash came
 * mid-write) fails its length or checksum and is dropped with everything after it, which can
 * only be unacknowledged updates. Compaction writes the whole state as one record to a new
 * file, fsyncs it and renames it over the log, so the log is always either old or new.
 */
const HEADER = 8;

export interface LogContents {
  updates: Uint8Array[];
  /** Bytes of valid records; a torn tail beyond this is cut off before appending again. */
  validBytes: number;
  tornBytes: number;
}

export function readLog(file: string): LogContents {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { updates: [], validBytes: 0, tornBytes: 0 };
    throw err;
  }
  const updates: Uint8Array[] = [];
  let at = 0;
  while (at + HEADER <= bytes.length) {
    const length = bytes.readUInt32LE(at);
    const sum = bytes.readUInt32LE(at + 4);
    if (at + HEADER + length > bytes.length) break;
    const body = bytes.subarray(at + HEADER, at + HEADER + length);
    if (crc32(body) !== sum) break;
    updates.push(new Uint8Array(body));
    at += HEADER + length;
  }
  return { updates, validBytes: at, tornBytes: bytes.length - at };
}

function record(update: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER + update.length);
  out.writeUInt32LE(update.length, 0);
  out.writeUInt32LE(crc32(update), 4);
  out.set(update, HEADER);
  return out;
}

async function fsyncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class UpdateLog {
  private handle: fs.FileHandle | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Records and bytes since the last compaction, to decide when to compact. */
  records = 0;
  bytes = 0;

  constructor(readonly file: string) {}

  /** Read what is there and cut off a torn tail, so new records follow valid ones. */
  open(): Uint8Array[] {
    const contents = readLog(this.file);
    if (contents.tornBytes > 0) {
      const fd = openSync(this.file, 'r+');
      try {
        // Truncating through the descriptor and syncing keeps the cut durable.
        ftruncateSync(fd, contents.validBytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    this.records = contents.updates.length;
    this.bytes = contents.validBytes;
    return contents.updates;
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => {});
    return next;
  }

  private async ensureOpen(): Promise<fs.FileHandle> {
    if (!this.handle) {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      this.handle = await fs.open(this.file, 'a');
    }
    return this.handle;
  }

  /** Append updates as one write and fsync; resolves once they are on disk. */
  append(updates: Uint8Array[]): Promise<void> {
    return this.serial(async () => {
      const handle = await this.ensureOpen();
      const data = Buffer.concat(updates.map(record));
      await handle.write(data);
      await handle.datasync();
      this.records += updates.length;
      this.bytes += data.length;
    });
  }

  /** Replace the log with one record holding `state` (the doc's whole state). */
  compact(state: Uint8Array): Promise<void> {
    return this.serial(async () => {
      const temp = `${this.file}.compact-${process.pid}`;
      const out = await fs.open(temp, 'w');
      try {
        await out.write(record(state));
        await out.sync();
      } finally {
        await out.close();
      }
      if (this.handle) {
        await this.handle.close();
        this.handle = null;
      }
      await fs.rename(temp, this.file);
      await fsyncFolder(path.dirname(this.file));
      this.records = 1;
      this.bytes = HEADER + state.length;
    });
  }

  close(): Promise<void> {
    return this.serial(async () => {
      if (this.handle) await this.handle.close();
      this.handle = null;
    });
  }
}

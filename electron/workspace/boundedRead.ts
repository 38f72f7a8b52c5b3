import { constants, promises as fs } from 'node:fs';
import { HostError } from '../../shared/api/errors.js';
import { decodeFileText } from '../../shared/json/fileText.js';
import { megabytes, tooLargeError } from '../../shared/pack/parse.js';

/**
 * Reading a file whose size we do not control (a pack, a template, a backup, a history
 * version, the journal, settings) without ever holding more of it than the limit:
 *
 *  1. the file is opened without blocking (a FIFO named `x.briefing` cannot hang the app) and
 *     its size taken from the open handle, so it cannot be swapped between check and read;
 *  2. anything that is not an ordinary file (a folder, a device) is refused with its name;
 *  3. a file over the limit is refused from its size alone, before a byte is read;
 *  4. at most `maxBytes + 1` bytes are read, so a file that grows meanwhile is caught too.
 *
 * Errors are HostErrors in plain English ("… is too large to be a briefing pack (600 MB; the
 * limit is 50 MB)"), never Node's "Invalid string length".
 */
export interface BoundedReadOptions {
  maxBytes: number;
  /** How the file is named in messages: `"Budget.briefing"`. */
  label: string;
  /** What it should be: "briefing pack", "template", "settings file". */
  kind: string;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readFileBounded(file: string, options: BoundedReadOptions): Promise<Buffer> {
  const handle = await fs.open(file, OPEN_FLAGS);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new HostError('INVALID_FILE', `${options.label} is a folder, not a ${options.kind} file.`);
    if (!stat.isFile()) throw new HostError('INVALID_FILE', `${options.label} is not an ordinary file (it may be a device or a pipe), so it was not read.`);
    if (stat.size > options.maxBytes) throw tooLargeError(options.label, stat.size, options.maxBytes, options.kind);
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > options.maxBytes) {
      throw new HostError('INVALID_FILE', `${options.label} grew past ${megabytes(options.maxBytes)} while it was being read, so it was not read. Try again once it has finished being written.`);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** A small text file of the app's own (settings, journal, history notes, locks): bounded, UTF-8 only. */
export async function readTextFileBounded(file: string, options: BoundedReadOptions): Promise<string> {
  return decodeFileText(await readFileBounded(file, options), options.label, options.kind);
}

/** Limits for the app's own JSON files; each is far above what the app writes. */
export const OWN_FILE_LIMITS = {
  /** settings.json, with a house-style logo of up to 512 KB (base64). */
  settings: 2 * 1024 * 1024,
  /** A history version's description, a lock file. */
  small: 256 * 1024,
  /** A journal entry: one pack (up to 50 MB) and a few fields. */
  journal: 51 * 1024 * 1024,
  /** The search index cache of a whole workspace. */
  searchCache: 256 * 1024 * 1024,
} as const;

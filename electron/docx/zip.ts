import { crc32, inflateRawSync } from 'node:zlib';
import type { DocxLimits } from './types.js';
import { refusal } from './errors.js';

/**
 * A size-capped reader of the zip container a .docx is. It reads the central directory itself
 * (so a truncated or damaged file is told apart from one that is not a zip at all) and unpacks
 * one part at a time with Node's zlib and `maxOutputLength`: inflation stops the moment a part
 * passes its cap, so a zip bomb (a tiny file that would unpack to gigabytes) costs at most the
 * cap in memory, whatever sizes the directory claims. Every part is checked against its CRC.
 */

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export type BinaryPart = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too-large' } | { kind: 'missing' };

export class DocxZip {
  private readonly entries = new Map<string, ZipEntry>();
  private xmlBytesRead = 0;

  private constructor(
    private readonly data: Uint8Array,
    private readonly view: DataView,
    private readonly limits: DocxLimits,
    private readonly fileName: string | undefined,
  ) {}

  /** Parse the central directory; throws a DocxReadError (truncated, corrupt, encrypted…). */
  static open(data: Uint8Array, limits: DocxLimits, fileName?: string): DocxZip {
    const zip = new DocxZip(data, new DataView(data.buffer, data.byteOffset, data.byteLength), limits, fileName);
    zip.readDirectory();
    return zip;
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** An XML part as text, or null when absent. Throws zip-bomb past the part or total cap. */
  readText(name: string): string | null {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return null;
    const remaining = this.limits.maxTotalXmlBytes - this.xmlBytesRead;
    const cap = Math.min(this.limits.maxXmlPartBytes, remaining);
    const bytes = this.unpack(entry, cap);
    if (bytes === 'too-large') {
      const limit = cap === remaining && remaining < this.limits.maxXmlPartBytes ? this.limits.maxTotalXmlBytes : this.limits.maxXmlPartBytes;
      throw refusal('zip-bomb', this.fileName, { what: cap === remaining && remaining < this.limits.maxXmlPartBytes ? 'its parts together' : `its part “${entry.name}”`, limit });
    }
    this.xmlBytesRead += bytes.length;
    return decodeXmlText(bytes);
  }

  /** A binary part (a picture), never unpacked past `max` bytes. */
  readBinary(name: string, max: number): BinaryPart {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return { kind: 'missing' };
    if (entry.uncompressedSize > max) return { kind: 'too-large' };
    const bytes = this.unpack(entry, max);
    return bytes === 'too-large' ? { kind: 'too-large' } : { kind: 'ok', bytes };
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private readDirectory(): void {
    const { data } = this;
    const looksLikeZip = data.length >= 4 && this.u32(0) === SIG_LOCAL;
    // The end-of-central-directory record is in the last 22 + up to 65,535 (comment) bytes.
    let eocd = -1;
    for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
      if (this.u32(at) === SIG_EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw refusal(looksLikeZip ? 'truncated' : 'corrupt', this.fileName);
    let count = this.u16(eocd + 10);
    let size = this.u32(eocd + 12);
    let offset = this.u32(eocd + 16);
    if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && this.u32(eocd - 20) === SIG_ZIP64_LOCATOR) {
      const record = Number(this.view.getBigUint64(eocd - 20 + 8, true));
      if (record + 56 > data.length || this.u32(record) !== SIG_ZIP64_EOCD) throw refusal('corrupt', this.fileName, { what: 'its table of contents is unreadable' });
      count = Number(this.view.getBigUint64(record + 32, true));
      size = Number(this.view.getBigUint64(record + 40, true));
      offset = Number(this.view.getBigUint64(record + 48, true));
    }
    if (count > this.limits.maxEntries) throw refusal('corrupt', this.fileName, { what: `it lists ${count} parts` });
    if (offset + size > data.length) throw refusal('truncated', this.fileName);
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.length || this.u32(at) !== SIG_CENTRAL) throw refusal('corrupt', this.fileName, { what: 'its table of contents is unreadable' });
      const flags = this.u16(at + 8);
      const method = this.u16(at + 10);
      const crc = this.u32(at + 16);
      let compressedSize = this.u32(at + 20);
      let uncompressedSize = this.u32(at + 24);
      const nameLength = this.u16(at + 28);
      const extraLength = this.u16(at + 30);
      const commentLength = this.u16(at + 32);
      let localOffset = this.u32(at + 42);
      const name = new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength));
      // ZIP64 sizes live in the extra field when the 32-bit ones are saturated.
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
        let extra = at + 46 + nameLength;
        const end = extra + extraLength;
        while (extra + 4 <= end) {
          const id = this.u16(extra);
          const length = this.u16(extra + 2);
          if (id === 0x0001) {
            let field = extra + 4;
            const read64 = () => {
              const value = Number(this.view.getBigUint64(field, true));
              field += 8;
              return value;
            };
            if (uncompressedSize === 0xffffffff) uncompressedSize = read64();
            if (compressedSize === 0xffffffff) compressedSize = read64();
            if (localOffset === 0xffffffff) localOffset = read64();
          }
          extra += 4 + length;
        }
      }
      // Bit 0: the entry is encrypted (a password-protected zip, not how Word encrypts, but refused alike).
      if (flags & 1) throw refusal('encrypted', this.fileName);
      if (!name.endsWith('/')) this.entries.set(name.toLowerCase(), { name, method, flags, crc, compressedSize, uncompressedSize, localOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  private unpack(entry: ZipEntry, cap: number): Uint8Array | 'too-large' {
    const { data } = this;
    const local = entry.localOffset;
    if (local + 30 > data.length) throw refusal('truncated', this.fileName);
    if (this.u32(local) !== SIG_LOCAL) throw refusal('corrupt', this.fileName, { what: `the part “${entry.name}” is not where the file says` });
    const start = local + 30 + this.u16(local + 26) + this.u16(local + 28);
    const end = start + entry.compressedSize;
    if (end > data.length) throw refusal('truncated', this.fileName);
    if (entry.uncompressedSize > cap) return 'too-large';
    const packed = data.subarray(start, end);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = packed;
    } else if (entry.method === 8) {
      try {
        out = inflateRawSync(packed, { maxOutputLength: Math.max(1, cap) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
        throw refusal('corrupt', this.fileName, { what: `the part “${entry.name}” cannot be unpacked` });
      }
    } else {
      throw refusal('corrupt', this.fileName, { what: `the part “${entry.name}” uses a kind of compression Word does not write` });
    }
    if (out.length > cap) return 'too-large';
    if (out.length !== entry.uncompressedSize || crc32(out) !== entry.crc) {
      throw refusal('corrupt', this.fileName, { what: `the part “${entry.name}” fails its check` });
    }
    return out;
  }
}

/** XML parts are UTF-8 (a BOM is dropped); UTF-16 parts, rare but allowed, carry a BOM. */
function decodeXmlText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

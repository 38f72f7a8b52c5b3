import { HostError } from '../api/errors.js';

/**
 * The text of a file we are about to parse as JSON, from its bytes. Packs, templates and the
 * app's own files are UTF-8; anything else is named for what it is (UTF-16 from Notepad's
 * "Unicode", Windows-1252 from an old editor) instead of being read with replacement
 * characters, which would garble every accented letter and then be saved that way.
 */
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a byte order mark: text whose every other byte is zero. */
function looksLikeUtf16(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero === 0) return 'LE';
  if (evenZero > pairs * 0.9 && oddZero === 0) return 'BE';
  return null;
}

/**
 * Decode `bytes` as UTF-8 (a UTF-8 byte order mark is allowed and dropped), or throw
 * INVALID_FILE saying which encoding the file is in. `kind` names the file in messages
 * ("briefing pack").
 */
export function decodeFileText(bytes: Uint8Array, label: string, kind: string): string {
  const utf16 = startsWith(bytes, 0xff, 0xfe) && !startsWith(bytes, 0xff, 0xfe, 0, 0) ? 'LE' : startsWith(bytes, 0xfe, 0xff) ? 'BE' : looksLikeUtf16(bytes);
  if (startsWith(bytes, 0xff, 0xfe, 0, 0) || startsWith(bytes, 0, 0, 0xfe, 0xff)) {
    throw new HostError('INVALID_FILE', `${label} is saved as UTF-32 text, not UTF-8, so it cannot be read as a ${kind}. Save it again as UTF-8.`);
  }
  if (utf16) {
    throw new HostError('INVALID_FILE', `${label} is saved as UTF-16 text (“Unicode” in some editors), not UTF-8, so it cannot be read as a ${kind}. Save it again as UTF-8.`);
  }
  const body = startsWith(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  try {
    return fatalUtf8.decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    throw new HostError(
      'INVALID_FILE',
      `${label} is not UTF-8 text (byte ${at + 1} is not valid UTF-8), so it cannot be read as a ${kind}. It may be saved in another encoding, such as Windows-1252, or not be a text file at all.`,
    );
  }
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      fatalUtf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

import { refusal } from './errors.js';

/**
 * What kind of file this is, from its first bytes, before anything tries to unzip it: so a
 * Word 97 document, a password-protected one, a PDF or an RTF file each gets its own message
 * instead of "damaged".
 *
 * Word 97–2003 (.doc) files and password-protected Word 2007+ files are both OLE compound
 * files. Their directory names the streams inside: "WordDocument" for a .doc, and
 * "EncryptionInfo" + "EncryptedPackage" for an encrypted .docx (MS-OFFCRYPTO). Directory
 * entry names are stored in UTF-16LE, so looking for those names tells the two apart without
 * a full compound-file parser (it only chooses between two refusal messages).
 */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

function containsUtf16(data: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    if (data[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function asciiStart(data: Uint8Array, length: number): string {
  let text = '';
  for (let i = 0; i < Math.min(length, data.length); i++) text += String.fromCharCode(data[i]!);
  return text;
}

/** Throws the refusal for anything that is not a zip container; returns for a zip. */
export function sniffContainer(data: Uint8Array, fileName?: string): void {
  if (data.length === 0) throw refusal('empty', fileName);
  if (startsWith(data, OLE_SIGNATURE)) {
    if (containsUtf16(data, 'EncryptedPackage') || containsUtf16(data, 'EncryptionInfo')) throw refusal('encrypted', fileName);
    if (containsUtf16(data, 'WordDocument')) throw refusal('word-97', fileName);
    if (containsUtf16(data, 'Workbook') || containsUtf16(data, 'Book')) throw refusal('other-office', fileName, { what: 'an older Excel workbook' });
    if (containsUtf16(data, 'PowerPoint Document')) throw refusal('other-office', fileName, { what: 'an older PowerPoint presentation' });
    throw refusal('other-office', fileName, { what: 'an older Office file' });
  }
  if (data[0] === 0x50 && data[1] === 0x4b) return; // "PK": a zip (possibly damaged)
  const head = asciiStart(data, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (head.startsWith('{\\rtf')) throw refusal('rtf', fileName);
  if (head.startsWith('%PDF')) throw refusal('pdf', fileName);
  if (head.startsWith('<') && /<(w:wordDocument|pkg:package|office:document)\b/.test(asciiStart(data, 4096))) {
    throw refusal(/office:document/.test(asciiStart(data, 4096)) ? 'odt' : 'word-xml', fileName);
  }
  throw refusal('not-docx', fileName);
}

import * as zlib from 'node:zlib';
import { Packer, type Document } from 'docx';
import { Zip, ZipPassThrough } from 'fflate';

/**
 * The .docx bytes of a built document. docx writes every part (the OOXML is all the
 * library's); only the DEFLATE of the parts is done by Node's native zlib instead of docx's
 * bundled JavaScript deflate, which took about a sixth of a large export's whole run
 * (the XML of a 55,000-word pack is close to 1 MB). The zip container is still written by
 * fflate, the zip library docx itself uses, through its documented extension point for a
 * custom compressor (a ZipPassThrough subclass).
 *
 * The parts come from docx's compiler (`Packer.compiler`, the step `Packer.toBuffer` runs
 * before zipping). It is not in docx's typings as public, so it is looked up defensively:
 * if a docx upgrade moves it, the export falls back to `Packer.toBuffer` (same document,
 * just slower) and tests/unit/exportPack.test.ts fails to say so.
 */
interface PartsCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly never[]): Map<string, string | Uint8Array>;
}

export function docxPartsCompiler(): PartsCompiler | null {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  return compiler && typeof compiler.compile === 'function' ? (compiler as PartsCompiler) : null;
}

/** zlib.crc32 is in Node 20.15 and later (and Electron's Node); older Nodes use fflate's. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** A zip entry deflated by zlib (level 6, as docx's own zip); each part is pushed whole. */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8; // DEFLATE (APPNOTE 4.4.5)
  }

  override push(chunk: Uint8Array, final?: boolean): void {
    if (!nativeCrc32 || !final) return super.push(chunk, final);
    this.size = chunk.length;
    this.crc = nativeCrc32(chunk);
    this.process(chunk, true);
  }

  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata!(null, zlib.deflateRawSync(chunk, { level: 6 }), final);
  }
}

function zipParts(parts: Map<string, string | Uint8Array>): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  for (const [path, data] of parts) {
    const entry = new NativeDeflate(path);
    zip.add(entry);
    entry.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/**
 * @param inspect sees every part before it is zipped (the public version's leak guard); it
 *   throws to stop the file being written.
 */
export async function packDocx(document: Document, inspect?: (parts: Map<string, string | Uint8Array>) => void): Promise<Buffer> {
  const compiler = docxPartsCompiler();
  if (!compiler) {
    const buffer = await Packer.toBuffer(document);
    if (inspect) inspect(await unzipParts(buffer));
    return buffer;
  }
  const parts = compiler.compile(document, undefined, []);
  inspect?.(parts);
  return zipParts(parts);
}

/** The parts of a finished .docx (only used when docx's compiler could not be reached). */
async function unzipParts(buffer: Buffer): Promise<Map<string, string | Uint8Array>> {
  const { unzipSync } = await import('fflate');
  return new Map(Object.entries(unzipSync(buffer)));
}

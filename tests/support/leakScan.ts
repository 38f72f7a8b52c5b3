import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { decodeEntities } from '../../electron/export/publication/leakGuard.js';

/**
 * The independent exempt-leak scan of the tests: it reads what a reader, a screen reader, a
 * search engine or a curious officer could get out of a published file, with tools that are
 * not the app's own, and reports every marker word found and where.
 * - .docx: every part of the zip as bytes (so pictures' own metadata counts too), and each XML
 *   part's text with the tags removed (a word split over runs is found as one).
 * - .pdf: pdftotext of every page, pdfinfo's document information and XMP metadata (-meta), the
 *   tagged structure's text and alt text (-struct-text), the bookmarks and every object of the
 *   file with its streams decompressed (qpdf --qdf): links, annotations, names, fonts.
 * - the file's own name.
 */
const run = promisify(execFile);

export interface Finding {
  word: string;
  where: string;
}

function search(haystack: string, words: readonly string[], where: string, into: Finding[]): void {
  const lower = haystack.toLowerCase();
  for (const word of words) if (lower.includes(word.toLowerCase())) into.push({ word, where });
}

function textOfXml(xml: string): string {
  return decodeEntities(xml.replace(/<\/w:p>|<w:tab\/>|<w:br\/>/g, ' ').replace(/<[^>]*>/g, ''));
}

export function scanDocx(buffer: Uint8Array, words: readonly string[], fileName?: string): Finding[] {
  const found: Finding[] = [];
  const parts = unzipSync(buffer);
  for (const [name, data] of Object.entries(parts)) {
    const bytes = Buffer.from(data);
    search(bytes.toString('latin1'), words, `${name} (bytes)`, found);
    search(bytes.toString('utf8'), words, `${name} (UTF-8)`, found);
    if (/\.(xml|rels)$/.test(name)) search(textOfXml(bytes.toString('utf8')), words, `${name} (text)`, found);
  }
  if (fileName) search(fileName, words, 'file name', found);
  return found;
}

async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

export async function scanPdf(file: string, words: readonly string[]): Promise<Finding[]> {
  const found: Finding[] = [];
  search(await tool('pdftotext', ['-enc', 'UTF-8', file, '-']), words, 'pdftotext', found);
  search(await tool('pdfinfo', ['-enc', 'UTF-8', file]), words, 'pdfinfo', found);
  search(await tool('pdfinfo', ['-meta', file]), words, 'pdfinfo -meta', found);
  search(await tool('pdfinfo', ['-struct-text', file]), words, 'pdfinfo -struct-text', found);
  search(await tool('pdfinfo', ['-url', file]), words, 'pdfinfo -url', found);
  search(await tool('qpdf', ['--json', '--json-key=outlines', file]), words, 'bookmarks (qpdf --json)', found);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'leak-scan-'));
  try {
    const plain = path.join(dir, 'plain.pdf');
    await run('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', file, plain]).catch((err: { code?: number }) => {
      // qpdf exits 3 for warnings; the file is still written.
      if (err.code !== 3) throw err;
    });
    const bytes = await fs.readFile(plain);
    search(bytes.toString('latin1'), words, 'PDF objects (qpdf --qdf)', found);
    // Strings in PDF objects may be UTF-16 (<FEFF…> hex or literal): decode hex strings too.
    const hex = [...bytes.toString('latin1').matchAll(/<FEFF([0-9A-Fa-f]+)>/g)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le')).join(' ');
    search(hex, words, 'PDF UTF-16 strings', found);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  search(path.basename(file), words, 'file name', found);
  return found;
}

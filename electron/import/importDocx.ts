import { readDocx } from '../docx/readDocx.js';
import type { DocxProgress } from '../docx/types.js';
import { MAX_IMPORT_BYTES } from '../../shared/import/types.js';
import { analyseDocument, type AnalysedDocument } from './analyseDocument.js';

export type ImportProgress = (stage: Parameters<DocxProgress>[0] | 'building', done: number, total: number) => void;

/**
 * The whole reading side of an import: bytes of a .docx to the analysed document (preview and
 * section contents). Synchronous CPU work: the app runs it in a worker thread
 * (importWorker.ts), the command line in its own process. Throws DocxReadError for files it
 * refuses, with the message to show.
 */
export function analyseDocx(bytes: Uint8Array, fileName: string, onProgress?: ImportProgress): AnalysedDocument {
  const doc = readDocx(bytes, { fileName, onProgress, limits: { maxFileBytes: MAX_IMPORT_BYTES } });
  onProgress?.('building', 0, 1);
  const analysed = analyseDocument(doc, fileName);
  onProgress?.('building', 1, 1);
  return analysed;
}

import { parentPort } from 'node:worker_threads';
import { HostError } from '../../shared/api/errors.js';
import { analyseDocx, type ImportProgress } from './importDocx.js';
import type { AnalysedDocument } from './analyseDocument.js';

/**
 * The import worker (bundled as dist/electron/importWorker.cjs): reads one Word document and
 * posts progress, then the analysed document or a plain-English error. One document per worker.
 */
export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
}

export type WorkerReply =
  | { type: 'progress'; stage: Parameters<ImportProgress>[0]; done: number; total: number }
  | { type: 'done'; result: AnalysedDocument }
  | { type: 'error'; error: { code: string; message: string } };

const PROGRESS_EVERY_MS = 50;

if (parentPort) {
  const port = parentPort;
  port.once('message', ({ bytes, fileName }: WorkerRequest) => {
    let last = 0;
    const onProgress: ImportProgress = (stage, done, total) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && done < total) return;
      last = now;
      port.postMessage({ type: 'progress', stage, done, total } satisfies WorkerReply);
    };
    try {
      port.postMessage({ type: 'done', result: analyseDocx(bytes, fileName, onProgress) } satisfies WorkerReply);
    } catch (err) {
      const error = err instanceof HostError ? err.toJSON() : { code: 'INVALID_FILE', message: `“${fileName}” could not be read as a Word document. Nothing was written.` };
      port.postMessage({ type: 'error', error } satisfies WorkerReply);
    }
  });
}

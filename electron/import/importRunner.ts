import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HostError } from '../../shared/api/errors.js';
import { appRoot } from '../appPaths.js';
import { analyseDocx, type ImportProgress } from './importDocx.js';
import type { AnalysedDocument } from './analyseDocument.js';
import type { WorkerReply, WorkerRequest } from './importWorker.js';

/**
 * Runs the reading side of an import somewhere that is not the thread answering requests: a
 * worker thread (the desktop app and the browser host), so a long document never holds up the
 * Electron main process or the HTTP server, and its memory is capped; or in-line, a slice at
 * a time, for tests that run from the TypeScript sources.
 */
export interface RunningImport {
  result: Promise<AnalysedDocument>;
  cancel(): void;
}

export type ImportRunner = (bytes: Uint8Array, fileName: string, onProgress: ImportProgress) => RunningImport;

/** The worker bundle (electron/tooling/build.mjs builds electron/import/importWorker.ts there). */
export function importWorkerScript(): string {
  return path.join(appRoot(), 'dist', 'electron', 'importWorker.cjs');
}

/** Heap cap of an import worker: a hostile document cannot take the app's memory with it. */
const WORKER_HEAP_MB = 1024;

export function workerRunner(script = importWorkerScript()): ImportRunner {
  let code: string | null = null;
  return (bytes, fileName, onProgress) => {
    if (!existsSync(script)) throw new HostError('UNAVAILABLE', 'Briefing Studio’s import helper is missing from this installation. Reinstall the app (or run npm run build).');
    // Loaded as text and run with eval: the bundle can sit inside Electron's app.asar archive.
    code ??= readFileSync(script, 'utf8');
    const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const result = new Promise<AnalysedDocument>((resolve, reject) => {
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') onProgress(reply.stage, reply.done, reply.total);
        else if (reply.type === 'done') {
          settled = true;
          resolve(reply.result);
          void worker.terminate();
        } else {
          settled = true;
          reject(new HostError(reply.error.code as HostError['code'], reply.error.message));
          void worker.terminate();
        }
      });
      worker.on('error', (err) => {
        if (settled) return;
        settled = true;
        const outOfMemory = /memory|heap/i.test(String(err));
        reject(new HostError('INVALID_FILE', outOfMemory ? `“${fileName}” needs more memory to read than Briefing Studio allows, so it was not imported. Split it into smaller documents and import those.` : `“${fileName}” could not be read: the import stopped unexpectedly. Nothing was written.`));
      });
      worker.on('exit', () => {
        if (!settled) {
          settled = true;
          reject(new HostError('UNKNOWN', 'The import was stopped.'));
        }
      });
    });
    const copy = bytes.slice(); // transferred to the worker: the job keeps nothing it does not need
    worker.postMessage({ bytes: copy, fileName } satisfies WorkerRequest, [copy.buffer]);
    return { result, cancel: () => void worker.terminate() };
  };
}

/** In-line, for tests from the sources: the same work, after the current request has been answered. */
export function inlineRunner(): ImportRunner {
  return (bytes, fileName, onProgress) => {
    let cancelled = false;
    const result = new Promise<AnalysedDocument>((resolve, reject) => {
      setImmediate(() => {
        if (cancelled) return reject(new HostError('UNKNOWN', 'The import was stopped.'));
        try {
          resolve(analyseDocx(bytes, fileName, onProgress));
        } catch (err) {
          reject(err);
        }
      });
    });
    return { result, cancel: () => void (cancelled = true) };
  };
}

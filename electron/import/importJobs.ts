import { randomUUID } from 'node:crypto';
import { HostError } from '../../shared/api/errors.js';
import { MAX_IMPORT_BYTES, IMPORT_CHUNK_BYTES, type ImportJobStatus } from '../../shared/import/types.js';
import type { AnalysedDocument } from './analyseDocument.js';
import type { ImportRunner, RunningImport } from './importRunner.js';

/**
 * Uploads and import jobs, the same over both transports: the renderer sends the file in
 * pieces (importUpload), starts a job (importStart), polls it (importStatus) for progress and
 * the preview, then commits or cancels. Everything is held in memory, bounded: a few uploads
 * at once, each at most MAX_IMPORT_BYTES, and anything left alone is dropped after a while.
 */
interface Upload {
  id: string;
  fileName: string;
  totalBytes: number;
  chunks: Buffer[];
  received: number;
  touched: number;
}

interface Job {
  id: string;
  fileName: string;
  status: ImportJobStatus;
  running: RunningImport | null;
  document: AnalysedDocument | null;
  touched: number;
}

export const MAX_OPEN_UPLOADS = 4;
export const MAX_OPEN_JOBS = 8;
/** Uploads and jobs nobody has asked about for this long are dropped. */
export const IDLE_MS = 30 * 60 * 1000;

export class ImportJobs {
  private readonly uploads = new Map<string, Upload>();
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly runner: () => ImportRunner,
    private readonly now: () => number = Date.now,
  ) {}

  private sweep(): void {
    const limit = this.now() - IDLE_MS;
    for (const [id, u] of this.uploads) if (u.touched < limit) this.uploads.delete(id);
    for (const [id, j] of this.jobs) {
      if (j.touched < limit) {
        j.running?.cancel();
        this.jobs.delete(id);
      }
    }
  }

  upload(args: { uploadId: string | null; fileName: string; totalBytes: number; offset: number; chunk: string }): { uploadId: string; received: number } {
    this.sweep();
    if (args.totalBytes > MAX_IMPORT_BYTES) {
      throw new HostError('INVALID_FILE', `“${args.fileName}” is ${Math.round(args.totalBytes / 1024 / 1024)} MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB Briefing Studio can bring in. Word files are usually this big because of their pictures: in Word, use File › Compress Pictures (or save a copy without the pictures) and import that.`);
    }
    let upload = args.uploadId ? this.uploads.get(args.uploadId) : undefined;
    if (args.uploadId && !upload) throw new HostError('NOT_FOUND', 'The file being sent was dropped (it waited too long). Choose it again.');
    if (!upload) {
      if (this.uploads.size >= MAX_OPEN_UPLOADS) throw new HostError('UNAVAILABLE', 'Several imports are already being sent. Wait for them to finish, then try again.');
      upload = { id: randomUUID(), fileName: args.fileName, totalBytes: args.totalBytes, chunks: [], received: 0, touched: this.now() };
      this.uploads.set(upload.id, upload);
    }
    if (args.offset !== upload.received || args.totalBytes !== upload.totalBytes) throw new HostError('INVALID_ARGUMENT', 'The file arrived out of order. Choose it again.');
    const bytes = Buffer.from(args.chunk, 'base64');
    if (bytes.length > IMPORT_CHUNK_BYTES || upload.received + bytes.length > upload.totalBytes) {
      this.uploads.delete(upload.id);
      throw new HostError('INVALID_ARGUMENT', 'The file arrived larger than announced. Choose it again.');
    }
    upload.chunks.push(bytes);
    upload.received += bytes.length;
    upload.touched = this.now();
    return { uploadId: upload.id, received: upload.received };
  }

  start(uploadId: string): { jobId: string } {
    this.sweep();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new HostError('NOT_FOUND', 'The file to import was not found (it may have waited too long). Choose it again.');
    if (upload.received !== upload.totalBytes) throw new HostError('INVALID_ARGUMENT', 'The file has not arrived completely yet. Choose it again.');
    if ([...this.jobs.values()].filter((j) => j.status.state === 'running').length >= MAX_OPEN_JOBS) throw new HostError('UNAVAILABLE', 'Several imports are already running. Wait for them to finish, then try again.');
    this.uploads.delete(uploadId);
    const bytes = new Uint8Array(Buffer.concat(upload.chunks));
    const job: Job = { id: randomUUID(), fileName: upload.fileName, status: { state: 'running', stage: 'waiting', done: 0, total: 1 }, running: null, document: null, touched: this.now() };
    this.jobs.set(job.id, job);
    try {
      job.running = this.runner()(bytes, upload.fileName, (stage, done, total) => {
        if (job.status.state === 'running') job.status = { state: 'running', stage, done, total };
      });
    } catch (err) {
      job.status = { state: 'failed', error: errorData(err) };
      return { jobId: job.id };
    }
    job.running.result.then(
      (document) => {
        if (job.status.state !== 'running') return;
        job.document = document;
        job.status = { state: 'ready', analysis: document.analysis };
        job.running = null;
      },
      (err) => {
        if (job.status.state !== 'running') return;
        job.status = { state: 'failed', error: errorData(err) };
        job.running = null;
      },
    );
    return { jobId: job.id };
  }

  status(jobId: string): ImportJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new HostError('NOT_FOUND', 'This import is no longer open. Choose the file again.');
    job.touched = this.now();
    return job.status;
  }

  /** The analysed document of a finished job (for committing). */
  document(jobId: string): { fileName: string; document: AnalysedDocument } {
    const job = this.jobs.get(jobId);
    if (!job) throw new HostError('NOT_FOUND', 'This import is no longer open. Choose the file again.');
    if (!job.document) throw new HostError('INVALID_ARGUMENT', job.status.state === 'running' ? 'The document is still being read.' : 'This import did not finish, so there is nothing to bring in.');
    job.touched = this.now();
    return { fileName: job.fileName, document: job.document };
  }

  /** Stop a job (or drop an upload) and forget it. */
  cancel(id: string): { cancelled: boolean } {
    const job = this.jobs.get(id);
    if (job) {
      job.running?.cancel();
      this.jobs.delete(id);
      return { cancelled: true };
    }
    return { cancelled: this.uploads.delete(id) };
  }

  /** A whole upload's bytes, taken (and forgotten): for reading it here rather than in a job. */
  take(uploadId: string): { fileName: string; bytes: Uint8Array } {
    this.sweep();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new HostError('NOT_FOUND', 'The file was not found (it may have waited too long). Choose it again.');
    if (upload.received !== upload.totalBytes) throw new HostError('INVALID_ARGUMENT', 'The file has not arrived completely yet. Choose it again.');
    this.uploads.delete(uploadId);
    return { fileName: upload.fileName, bytes: new Uint8Array(Buffer.concat(upload.chunks)) };
  }

  finish(jobId: string): void {
    this.jobs.delete(jobId);
  }
}

function errorData(err: unknown): { code: string; message: string } {
  if (err instanceof HostError) return err.toJSON();
  return { code: 'UNKNOWN', message: 'The document could not be read. Nothing was written.' };
}

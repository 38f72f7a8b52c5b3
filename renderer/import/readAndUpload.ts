import { HostError } from '../../shared/api/errors.js';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES, type ImportAnalysis, type ImportJobStatus } from '../../shared/import/types.js';
import { host } from '../host/hostClient.js';

/**
 * Sending a Word document to the back end and waiting for its preview. The file goes in pieces
 * (base64 JSON, the same over Electron IPC and the browser host's HTTP), then the back end
 * reads it in a worker thread while this polls for progress, so neither the page nor the host
 * is held up, and the user sees how far it has got and can cancel.
 */
export type ImportStep =
  | { step: 'sending'; done: number; total: number }
  | { step: Extract<ImportJobStatus, { state: 'running' }>['stage']; done: number; total: number };

export const STEP_LABELS: Record<ImportStep['step'], string> = {
  sending: 'Sending the document',
  waiting: 'Starting',
  opening: 'Opening the document',
  reading: 'Reading the text',
  pictures: 'Reading the pictures',
  notes: 'Reading notes, comments and headers',
  building: 'Building the sections',
};

export interface ImportHandle {
  cancelled: boolean;
  /** The upload or job to cancel on the back end, once there is one. */
  id: string | null;
}

const POLL_MS = 120;

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new HostError('INVALID_FILE', 'The file could not be read. It may have been moved or deleted; choose it again.'));
    reader.readAsDataURL(blob);
  });
}

export function tooLargeMessage(file: { name: string; size: number }): string | null {
  if (file.size <= MAX_IMPORT_BYTES) return null;
  return `“${file.name}” is ${Math.round(file.size / 1024 / 1024)} MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB Briefing Studio can bring in. Word files are usually this big because of their pictures: in Word, use File › Compress Pictures (or save a copy without the pictures) and import that.`;
}

/** Send a Word document to the back end in pieces; its upload id. Throws HostError with the message to show. */
export async function uploadWordFile(file: File, onStep: (step: Extract<ImportStep, { step: 'sending' }>) => void, handle: ImportHandle): Promise<string> {
  const tooLarge = tooLargeMessage(file);
  if (tooLarge) throw new HostError('INVALID_FILE', tooLarge);
  if (file.size === 0) throw new HostError('INVALID_FILE', `“${file.name}” is empty (0 bytes), so there is nothing to import. Check you chose the right file.`);
  let uploadId: string | null = null;
  for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
    if (handle.cancelled) throw new HostError('UNKNOWN', 'Cancelled.');
    onStep({ step: 'sending', done: offset, total: file.size });
    const chunk = await base64Of(file.slice(offset, offset + IMPORT_CHUNK_BYTES));
    ({ uploadId } = await host.importUpload({ uploadId, fileName: file.name, totalBytes: file.size, offset, chunk }));
    handle.id = uploadId;
  }
  onStep({ step: 'sending', done: file.size, total: file.size });
  return uploadId!;
}

/** Upload, read and return the preview; throws HostError with the message to show. */
export async function readWordDocument(file: File, onStep: (step: ImportStep) => void, handle: ImportHandle): Promise<{ jobId: string; analysis: ImportAnalysis }> {
  const uploadId = await uploadWordFile(file, onStep, handle);
  const { jobId } = await host.importStart({ uploadId });
  handle.id = jobId;
  for (;;) {
    if (handle.cancelled) throw new HostError('UNKNOWN', 'Cancelled.');
    const status = await host.importStatus({ jobId });
    if (status.state === 'ready') return { jobId, analysis: status.analysis };
    if (status.state === 'failed') throw new HostError(status.error.code as HostError['code'], status.error.message);
    if (status.state === 'cancelled') throw new HostError('UNKNOWN', 'Cancelled.');
    onStep({ step: status.stage, done: status.done, total: status.total });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function cancelImport(handle: ImportHandle): Promise<void> {
  handle.cancelled = true;
  if (handle.id) await host.importCancel({ id: handle.id }).catch(() => undefined);
}

/** Is this a file to offer importing (drag and drop)? The back end decides for sure. */
export function looksLikeWordFile(name: string): boolean {
  return /\.(docx|docm|dotx|doc)$/i.test(name);
}

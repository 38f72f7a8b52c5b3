import { HostError } from '../../shared/api/errors.js';
import { MAX_TEMPLATE_BYTES } from '../../shared/templates/format.js';

/**
 * The browser host has no native file dialogs, so templates travel as text: Import reads a
 * file picked with <input type=file>, Export hands the text to the browser as a download.
 */
export async function readTemplateFile(file: File): Promise<string> {
  // Refuse a huge file before reading it into memory; the host checks again after.
  if (file.size > MAX_TEMPLATE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new HostError('INVALID_FILE', `"${file.name}" is too large to be a template (${mb} MB; templates may be up to ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB).`);
  }
  try {
    return await file.text();
  } catch {
    throw new HostError('INVALID_FILE', `"${file.name}" could not be read. It may have been moved, or it is not a text file.`);
  }
}

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the text is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

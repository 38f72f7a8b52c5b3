import { z } from 'zod';
import { PUBLICATION_VERSIONS } from './versions.js';

/** What the publishing methods of the host contract exchange (PDF, print, agenda pack). */

export const AGENDA_FORMAT_NAMES = ['pdf', 'docx'] as const;

export const agendaPackArgs = z
  .object({
    /** Pack file names in the workspace, in agenda order. */
    files: z.array(z.string().min(1).max(255)).min(1).max(100),
    meeting: z.string().trim().min(1).max(200),
    /** YYYY-MM-DD, or '' when the meeting has no date yet. */
    date: z.union([z.literal(''), z.iso.date()]),
    versions: z.array(z.enum(PUBLICATION_VERSIONS)).min(1).max(2),
    formats: z.array(z.enum(AGENDA_FORMAT_NAMES)).min(1).max(2),
  })
  .strict();

export interface PdfEngineStatus {
  /** The engine that will make PDFs, e.g. "Microsoft Edge 131", or null when there is none. */
  engine: string | null;
  /** Why PDFs cannot be made here, in plain English (null when they can). */
  message: string | null;
}

export type PrintResult = { kind: 'printed' } | { kind: 'cancelled' } | { kind: 'html'; html: string; title: string };

export interface AgendaFileResult {
  fileName: string;
  bytes: number;
}

export type AgendaPackResult =
  | { kind: 'saved'; folder: string; files: AgendaFileResult[] }
  | { kind: 'download'; files: Array<AgendaFileResult & { base64: string }> }
  | { kind: 'cancelled' };

export const MIME_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

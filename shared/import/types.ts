import type { FrontSheet } from '../pack/schema.js';

/**
 * What importing a Word document shows before anything is written: the parts it found (each
 * would-be section with its word count), the front-sheet fields it filled and from what text,
 * and what will be dropped. Shared by the back end (which builds it) and the renderer (which
 * shows it and lets the user choose where each part goes).
 */

/** Largest .docx accepted. Pictures are stored as they are in a pack (base64 in its JSON), so this keeps an imported pack small enough to save. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** The file travels to the back end in pieces of this size (base64 in JSON over HTTP, or IPC). */
export const IMPORT_CHUNK_BYTES = 2 * 1024 * 1024;
/** base64 of one piece: 4 characters per 3 bytes. */
export const IMPORT_CHUNK_BASE64_CHARS = Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4;

/** A front-sheet field the importer can fill. */
export type FrontSheetFieldKey =
  | 'title'
  | 'meeting.name'
  | 'meeting.date'
  | 'reportOf'
  | 'leadCabinetMember'
  | 'contactOfficer.name'
  | 'contactOfficer.phone'
  | 'contactOfficer.email'
  | 'wardsAffected'
  | 'keyDecision.isKeyDecision'
  | 'keyDecision.forwardPlanRef'
  | 'access.exempt'
  | 'access.schedule12aParagraph'
  | 'classification'
  | 'version';

export const FRONT_SHEET_FIELD_LABELS: Record<FrontSheetFieldKey, string> = {
  title: 'Title',
  'meeting.name': 'Meeting',
  'meeting.date': 'Meeting date',
  reportOf: 'Report of',
  leadCabinetMember: 'Lead cabinet member',
  'contactOfficer.name': 'Contact officer',
  'contactOfficer.phone': 'Contact phone',
  'contactOfficer.email': 'Contact email',
  wardsAffected: 'Wards affected',
  'keyDecision.isKeyDecision': 'Key decision',
  'keyDecision.forwardPlanRef': 'Forward plan reference',
  'access.exempt': 'Exempt information',
  'access.schedule12aParagraph': 'Schedule 12A paragraph',
  classification: 'Classification',
  version: 'Version',
};

export type FillSource = 'title' | 'table' | 'paragraph' | 'header' | 'footer' | 'properties' | 'file-name' | 'heading';

export interface FrontSheetFill {
  field: FrontSheetFieldKey;
  /** The value as shown to the user ("3 December 2026", "Yes"). */
  value: string;
  /** The text in the document it was read from. */
  source: string;
  from: FillSource;
}

/** A would-be section: the document's content under one top-level heading (or before the first). */
export interface ImportPart {
  key: string;
  /** The heading's text; '' for the text before the first heading. */
  title: string;
  kind: 'heading' | 'preamble';
  words: number;
  /** The first words, to recognise it by. */
  snippet: string;
  tables: number;
  lists: number;
  pictures: number;
}

/** Something the import leaves out or changes, in plain English, with how many. */
export interface ImportNote {
  kind: 'dropped' | 'changed' | 'accessibility';
  message: string;
}

export interface ImportAnalysis {
  fileName: string;
  title: string;
  /** Front-sheet values read from the document (only the fields that were filled). */
  frontSheet: Partial<FrontSheetPatch>;
  fills: FrontSheetFill[];
  parts: ImportPart[];
  notes: ImportNote[];
  words: number;
  /** Pictures that will be flagged for missing alt text. */
  picturesWithoutAltText: number;
}

/** The front-sheet values an import sets (nested objects whole, as the pack stores them). */
export type FrontSheetPatch = Pick<FrontSheet, 'title' | 'meeting' | 'reportOf' | 'leadCabinetMember' | 'contactOfficer' | 'wardsAffected' | 'keyDecision' | 'access' | 'classification' | 'version'>;

/** Where the imported parts go. */
export type ImportTarget =
  | { kind: 'new-pack' }
  | { kind: 'template'; source: 'built-in' | 'user' | 'shared'; file: string }
  | { kind: 'open-pack'; mode: 'new-sections' | 'current-section' };

/** Where one part goes: its own section, a template section (by index), or nowhere. */
export type PartDestination = { kind: 'own' } | { kind: 'template'; index: number } | { kind: 'skip' };

/** Progress of an import job, polled by the renderer (both transports). */
export type ImportJobStatus =
  | { state: 'running'; stage: 'waiting' | 'opening' | 'reading' | 'pictures' | 'notes' | 'building'; done: number; total: number }
  | { state: 'ready'; analysis: ImportAnalysis }
  | { state: 'failed'; error: { code: string; message: string } }
  | { state: 'cancelled' };

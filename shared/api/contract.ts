import { z } from 'zod';
import { packSchema, type Pack } from '../pack/schema.js';
import { STATUSES, type PackStatus, type Classification } from '../pack/vocabulary.js';
import type { GamechangerId } from '../gamechangers/index.js';
import { PACK_EXTENSION } from '../pack/format.js';
import { settingsPatchSchema, type Settings } from './settings.js';
import type { HostErrorData } from './errors.js';
import { browseFoldersArgs, createFolderArgs, type FolderListing } from './folders.js';
import {
  CONFLICT_CHOICES,
  MAX_IMPORT_TEXT_CHARS,
  templateRefArgs,
  templateVersionArg,
  userTemplateArgs,
  type ExportedTemplate,
  type PublishedTemplate,
  type TemplateGallery,
  type TemplateWriteOutcome,
} from '../templates/api.js';
import { exportOptionsSchema, type AccessibilityReport, type ExportResult } from '../export/types.js';
import { agendaPackArgs, type AgendaPackResult, type PdfEngineStatus, type PrintResult } from '../publication/api.js';
import type { ImportJobStatus } from '../import/types.js';
import { importCommitArgs, importIdSchema, importUploadArgs } from '../import/schemas.js';
import type { Section } from '../pack/schema.js';
import type { SerializedNodeJson } from '../richtext/serialized.js';

/**
 * THE contract between the renderer and the back end: one table of methods, each with a
 * zod schema for its argument and a TypeScript result type. Electron's preload exposes
 * exactly these names on `window.briefing`; main registers one ipcMain.handle per entry;
 * the browser host serves each as POST /api/<name>. Nothing else crosses the boundary.
 */

/** A pack is addressed by its file name inside the workspace folder, never by a path. */
export const packFileName = z
  .string()
  .min(PACK_EXTENSION.length + 1)
  .max(255)
  .refine((name) => name.toLowerCase().endsWith(PACK_EXTENSION), { message: `must be a ${PACK_EXTENSION} file name` })
  .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && !name.startsWith('..'), {
    message: 'must be a plain file name inside the workspace, without folders',
  });

/**
 * A pack to open or save: a plain file name in the workspace, or an absolute path the user
 * picked in a native dialog during this run. The back end (electron/workspace/confine.ts)
 * decides which are allowed; this schema only keeps out what can never be a pack path.
 */
export const packRef = z
  .string()
  .min(PACK_EXTENSION.length + 1)
  .max(4096)
  .refine((ref) => !ref.includes('\0'), { message: 'must not contain NUL characters' })
  .refine((ref) => ref.toLowerCase().endsWith(PACK_EXTENSION), { message: `must be a ${PACK_EXTENSION} file name` });

export interface AppInfo {
  appVersion: string;
  host: 'electron' | 'browser';
  workspaceDir: string;
  dataDir: string;
  platform: string;
}

export interface PackSummary {
  file: string;
  title: string;
  meetingName: string;
  meetingDate: string;
  status: PackStatus;
  classification: Classification;
  sectionCount: number;
  /** ISO time the pack was last saved. */
  updatedAt: string;
  /** Gamechangers any section is tagged with (for the library filter). */
  gamechangerIds?: GamechangerId[];
  /** Whether the front sheet marks this a key decision. */
  keyDecision?: boolean;
}

/** A matching snippet: plain text plus [start, end) ranges of the matching words in it. */
export interface SearchSnippet {
  text: string;
  highlights: Array<[number, number]>;
}

/** One place in a pack that matched: a section (sectionId) or its title / front sheet (null). */
export interface SearchMatch {
  sectionId: string | null;
  /** The section title, or "Title" / "Front sheet". */
  where: string;
  snippet: SearchSnippet;
}

export interface SearchHit {
  file: string;
  title: string;
  score: number;
  matches: SearchMatch[];
}

export interface SearchResults {
  query: string;
  /** Best first. */
  hits: SearchHit[];
  /** How many packs the index holds. */
  indexedPacks: number;
}

export interface SettingsState {
  settings: Settings;
  /** Set when settings.json could not be read and defaults are in use. */
  notice: string | null;
  /** Where the settings file lives. */
  file: string;
}

/** A pack file that could not be read: shown in the library with its reason, never rewritten. */
export interface BrokenPackEntry {
  file: string;
  error: HostErrorData;
  modifiedAt: string;
}

export type PackListEntry = ({ kind: 'pack' } & PackSummary) | ({ kind: 'broken' } & BrokenPackEntry);

export interface PackList {
  workspaceDir: string;
  entries: PackListEntry[];
}

export interface OpenedPack {
  file: string;
  pack: Pack;
  /** Content hash of the file as read or written; saving checks it to detect outside changes. */
  revision: string;
}

export interface SavedPack {
  file: string;
  revision: string;
  savedAt: string;
}

// ---- Safety: recovery journal, history, locks, conflicts, damaged files (issue 6) ----

export interface LockHolder {
  user: string;
  machine: string;
  /** ISO time the holder last refreshed the lock ('' if unknown). */
  since: string;
  stale: boolean;
  staleReason?: string;
}

export type LockResult =
  | { status: 'acquired'; tookOverFrom?: LockHolder }
  | { status: 'held'; holder: LockHolder }
  /** The folder cannot hold a lock file (e.g. read-only): editing goes on, saving will say why it fails. */
  | { status: 'unavailable'; message: string };

export interface RecoverablePack {
  file: string;
  title: string;
  journaledAt: string;
  words: number;
  fileExists: boolean;
  /** The file was saved by something else after these edits began. */
  changedOnDiskSince: boolean;
}

/** A pack deleted from the library, kept in the data folder so it can be restored (issue 13). */
export interface DeletedPack {
  id: string;
  /** Its file name when it was deleted. */
  file: string;
  title: string;
  deletedAt: string;
  /** After this it is removed for good. */
  keptUntil: string;
}

export interface RecoveredPack {
  file: string;
  pack: Pack;
  baseRevision: string | null;
  journaledAt: string;
  /** The editor session that wrote it: a window still open with it has not really ended. */
  session?: string;
}

export const SNAPSHOT_REASONS = ['explicit', 'auto', 'export', 'manual', 'before-restore', 'before-reload', 'before-overwrite', 'recovered', 'discarded-recovery', 'before-word-review'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

export interface SnapshotInfo {
  id: string;
  packId: string;
  /** The pack's file name when the snapshot was taken. */
  file: string;
  title: string;
  at: string;
  words: number;
  reason: SnapshotReason;
  name?: string;
  /** Hash of the content (without the save time), so an unchanged pack is not kept twice. */
  contentHash?: string;
  /** Who was working (the name in settings) when it was kept. */
  by?: string;
}

export interface PackRevision {
  exists: boolean;
  revision: string | null;
}

/** A readable earlier version of a damaged pack. */
export interface RecoverySource {
  kind: 'backup' | 'snapshot';
  /** For snapshots. */
  packId?: string;
  id?: string;
  title: string;
  at: string;
  words: number;
}

export interface RecoveredDamagedPack extends OpenedPack {
  /** Where the damaged file was moved, when the user agreed to move it aside. */
  damagedMovedTo?: string;
}

const snapshotId = z.string().min(1).max(100);
const sessionId = z.string().min(1).max(100);

const noArgs = z.object({}).strict();

/** `method<Result>()(argsSchema, summary)`: the argument type is inferred from the schema. */
function method<Result>() {
  return <Args extends z.ZodType>(args: Args, summary: string) => ({ args, summary, result: undefined as unknown as Result });
}

const fileArg = z.object({ file: packFileName }).strict();
const refArg = z.object({ file: packRef }).strict();

export const hostMethods = {
  getAppInfo: method<AppInfo>()(noArgs, 'Which host, which folders'),
  getSettings: method<Settings>()(noArgs, 'Read the settings'),
  updateSettings: method<Settings>()(settingsPatchSchema.strict(), 'Change some settings'),
  chooseFolder: method<{ folder: string | null }>()(
    z.object({ purpose: z.enum(['workspace', 'sharedTemplates']) }).strict(),
    'Ask the user for a folder in a native dialog (desktop app only); pass it to updateSettings',
  ),
  browseFolders: method<FolderListing>()(browseFoldersArgs, 'The folder chooser of the browser host: the folders in one the user may choose from (or the roots)'),
  createFolder: method<{ path: string }>()(createFolderArgs, 'The folder chooser of the browser host: make a new folder in one the user may choose from'),
  listPacks: method<PackList>()(noArgs, 'Every pack in the workspace, with broken files and their reasons'),
  createPack: method<OpenedPack>()(z.object({ title: z.string().max(300).optional() }).strict(), 'Create a new pack file'),
  openPack: method<OpenedPack>()(refArg, 'Read a pack'),
  savePack: method<SavedPack>()(
    z
      .object({
        file: packRef,
        pack: packSchema,
        baseRevision: z.string().nullable(),
        /** 'explicit' (Save button, Ctrl+S) always keeps a history snapshot; 'auto' at most every 10 minutes. */
        snapshot: z.enum(['explicit', 'auto']).optional(),
      })
      .strict(),
    'Save a pack atomically; CONFLICT if the file changed on disk since baseRevision',
  ),
  savePackAs: method<OpenedPack>()(
    z.object({ pack: packSchema, title: z.string().trim().min(1).max(300) }).strict(),
    'Save a copy of a pack under a new title and file name',
  ),
  renamePack: method<OpenedPack>()(
    z.object({ file: packFileName, title: z.string().trim().min(1).max(300) }).strict(),
    'Change a pack title and its file name',
  ),
  duplicatePack: method<OpenedPack>()(refArg, 'Copy a pack as "Copy of …"'),
  deletePack: method<{ file: string; deletedId?: string }>()(fileArg, 'Move a pack to the deleted packs (data folder), from where it can be restored for 30 days'),
  listDeletedPacks: method<DeletedPack[]>()(noArgs, 'Packs deleted from this workspace in the last 30 days, newest first'),
  restoreDeletedPack: method<{ file: string; title: string }>()(
    z.object({ id: z.string().regex(/^[0-9TZ-]+-[0-9a-f]{8}$/).max(80) }).strict(),
    'Put a deleted pack back in the workspace (its old file name, or a free one)',
  ),
  journalPack: method<{ journaledAt: string; written: boolean }>()(
    z.object({ file: packRef, pack: packSchema, baseRevision: z.string().nullable(), session: sessionId, seq: z.number().int().min(0) }).strict(),
    'Keep the latest unsaved state of an open pack in the recovery journal (data folder)',
  ),
  clearJournal: method<{ file: string }>()(
    z.object({ file: packRef, session: sessionId, seq: z.number().int().min(0) }).strict(),
    'A clean save of edits up to seq: drop the recovery entry unless it holds later edits',
  ),
  listRecoverable: method<RecoverablePack[]>()(noArgs, 'Packs with unsaved changes left by a crash'),
  getRecovered: method<RecoveredPack | null>()(refArg, 'The journaled unsaved state of one pack, if any'),
  discardRecovered: method<{ file: string }>()(refArg, 'Discard the recovered unsaved changes of a pack'),
  packRevision: method<PackRevision>()(refArg, 'Whether a pack file exists and its current revision (to notice changes on disk)'),
  resolveConflict: method<OpenedPack>()(
    z.object({ file: packRef, pack: packSchema, choice: z.enum(['reload', 'copy', 'overwrite']) }).strict(),
    'After CONFLICT: reload theirs (mine kept in history), keep mine as a copy, or overwrite (theirs kept in history)',
  ),
  lockPack: method<LockResult>()(z.object({ file: packRef, takeOver: z.boolean().optional() }).strict(), 'Take or refresh the editing lock beside a pack'),
  unlockPack: method<{ file: string }>()(refArg, 'Release our editing lock'),
  listHistory: method<SnapshotInfo[]>()(z.object({ packId: z.string().min(1).max(100) }).strict(), 'Snapshots of a pack, newest first'),
  snapshotPack: method<SnapshotInfo | null>()(
    z.object({ file: packRef, pack: packSchema, reason: z.enum(SNAPSHOT_REASONS), name: z.string().max(200).optional() }).strict(),
    'Keep a snapshot in the history (export, before restore, "Name this version")',
  ),
  readSnapshot: method<Pack>()(z.object({ packId: z.string().min(1).max(100), id: snapshotId }).strict(), 'The pack as it was in one snapshot'),
  nameSnapshot: method<SnapshotInfo>()(
    z.object({ packId: z.string().min(1).max(100), id: snapshotId, name: z.string().max(200) }).strict(),
    'Name (or unname) a snapshot; named snapshots are always kept',
  ),
  damagedPackSources: method<RecoverySource[]>()(refArg, 'Readable backups and snapshots of a pack that cannot be opened'),
  recoverDamagedPack: method<RecoveredDamagedPack>()(
    z
      .object({
        file: packRef,
        source: z.object({ kind: z.enum(['backup', 'snapshot']), packId: z.string().max(100).optional(), id: snapshotId.optional() }).strict(),
        /** With the user's consent only: move the damaged file aside and restore under its name. */
        moveDamagedAside: z.boolean(),
      })
      .strict(),
    'Open an earlier version of a damaged pack, as a copy or (with consent) in its place',
  ),
  searchPacks: method<SearchResults>()(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    'Full-text search over titles, front sheets and section text of every pack',
  ),
  setPackStatus: method<OpenedPack>()(
    z.object({ file: packFileName, status: z.enum(STATUSES), baseRevision: z.string().nullable().optional() }).strict(),
    'Move a pack along the status path, recording who and when',
  ),
  getSettingsState: method<SettingsState>()(noArgs, 'The settings with any notice about a broken settings file'),
  listTemplates: method<TemplateGallery>()(noArgs, 'Templates from the built-in, user and shared folders, with broken files and folder states'),
  createPackFromTemplate: method<OpenedPack>()(
    templateRefArgs.extend({ title: z.string().trim().min(1).max(300) }).strict(),
    'Create a new pack from a template',
  ),
  saveTemplateFromPack: method<TemplateWriteOutcome>()(
    z
      .object({
        pack: packSchema,
        name: z.string().trim().min(1).max(300),
        description: z.string().max(2000).default(''),
        version: templateVersionArg,
        includeContent: z.boolean(),
        onConflict: z.enum(CONFLICT_CHOICES),
      })
      .strict(),
    'Save a pack as a template in "Your templates"',
  ),
  importTemplate: method<TemplateWriteOutcome>()(
    z.object({ fileName: z.string().min(1).max(255), text: z.string().max(MAX_IMPORT_TEXT_CHARS), onConflict: z.enum(CONFLICT_CHOICES) }).strict(),
    'Validate a template file\'s text and add it to "Your templates"',
  ),
  exportTemplate: method<ExportedTemplate>()(templateRefArgs, 'A template\'s file name and text, for saving as a file'),
  publishTemplate: method<PublishedTemplate>()(userTemplateArgs, 'Copy one of your templates to the shared folder (never over a newer version)'),
  deleteTemplate: method<{ file: string }>()(userTemplateArgs, 'Move one of your templates to the trash'),
  checkAccessibility: method<AccessibilityReport>()(
    z.object({ pack: packSchema }).strict(),
    'Accessibility check of a pack as it would be exported to Word',
  ),
  exportToWord: method<ExportResult>()(
    z.object({ pack: packSchema, file: packFileName.optional(), options: exportOptionsSchema.optional() }).strict(),
    'Export a pack to Word: save dialog and file in Electron, the bytes for a download in the browser host',
  ),

  // ---- Publishing (issue 16): PDF, print, the meeting's agenda pack ----
  pdfEngineStatus: method<PdfEngineStatus>()(noArgs, 'Which PDF engine this host has (the app\'s own Chromium, a browser or LibreOffice on the machine), or why there is none'),
  exportToPdf: method<ExportResult>()(
    z.object({ pack: packSchema, file: packFileName.optional(), options: exportOptionsSchema.optional() }).strict(),
    'Export a pack to an accessible PDF in the version asked for: save dialog and file in Electron, the bytes in the browser host',
  ),
  printPack: method<PrintResult>()(
    z.object({ pack: packSchema, options: exportOptionsSchema.optional() }).strict(),
    'Print a pack (the same pages as its PDF): the system print dialog in Electron, the HTML for the page to print in the browser host',
  ),
  makeAgendaPack: method<AgendaPackResult>()(
    agendaPackArgs.extend({ files: z.array(packFileName).min(1).max(100) }).strict(),
    'The agenda pack of a meeting from packs in the workspace, in order: public and/or full, PDF and/or Word; to a chosen folder in Electron, as downloads in the browser host',
  ),
  // ---- Import of Word documents (issue 15) ----
  // The file goes up in pieces (base64, IMPORT_CHUNK_BYTES each: small JSON bodies over HTTP,
  // the same over IPC); a job reads it off the main thread and is polled for progress and the
  // preview; nothing is written until importCommit.
  importUpload: method<{ uploadId: string; received: number }>()(importUploadArgs, 'Send the next piece of a Word document to import'),
  importStart: method<{ jobId: string }>()(z.object({ uploadId: importIdSchema }).strict(), 'Start reading an uploaded Word document (in a worker); poll importStatus'),
  importStatus: method<ImportJobStatus>()(z.object({ jobId: importIdSchema }).strict(), 'Progress of an import, then its preview (or why it failed)'),
  importCommit: method<ImportCommitResult>()(
    importCommitArgs,
    'Bring the document in: a new pack (optionally from a template), or sections or content for the open pack (which the renderer adds and saves)',
  ),
  importCancel: method<{ cancelled: boolean }>()(z.object({ id: importIdSchema }).strict(), 'Stop an import or drop an upload'),
  // ---- Team server (issue 18): signing in and its packs, through the back end ----
  teamStatus: method<TeamStatus>()(noArgs, 'The team server signed in to, if any, and whether it answers'),
  teamSignIn: method<{ as: string; permissions: string[]; expiresAt: string }>()(
    z.object({ address: z.string().trim().min(1).max(300), name: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000) }).strict(),
    'Sign in to a team server (the session is kept by the back end)',
  ),
  teamSignOut: method<{ signedOut: boolean }>()(noArgs, 'Sign out of the team server'),
  teamPacks: method<{ origin: string; packs: TeamPackListing[] }>()(noArgs, 'The packs the team server offers this account'),
  teamSharePack: method<{ origin: string; file: string }>()(z.object({ file: packRef }).strict(), 'Put a local pack (as saved) on the team server'),
  teamOpenPack: method<{ pack: Pack }>()(z.object({ file: z.string().min(1).max(300) }).strict(), 'A team server pack as the server has it now (to open it live)'),
  teamCopyPack: method<OpenedPack>()(z.object({ file: z.string().min(1).max(300) }).strict(), 'Save a local copy of a team server pack in the workspace'),
  // ---- Back from Word (issue 14, point 7) ----
  // A reviewed copy, sent up with importUpload, read by the same DOCX reader; its comments and
  // tracked changes are placed on the given pack (the renderer's, with any unsaved edits), which
  // comes back with a report. The renderer keeps a version first, then applies and saves it.
  reviewBackFromWord: method<BackFromWordOutcome>()(
    z.object({ uploadId: importIdSchema, pack: packSchema }).strict(),
    'Bring a reviewed Word copy back: its comments and tracked changes placed on the pack, with a report',
  ),
} as const;

/** Settings → Team server: where the app stands with the team server. */
export type TeamStatus =
  | { address: string; name: string; signedIn: false; reason: string | null }
  | { address: string; name: string; signedIn: true; origin: string; as: string; permissions: string[]; expiresAt: string; unreachable?: string };

/** One pack on the team server, as the library lists it. */
export interface TeamPackListing {
  file: string;
  id: string;
  title: string;
  status: string;
  exempt: boolean;
  updatedAt: string;
  people: Array<{ name: string }>;
}

/** What reviewBackFromWord gives back: the pack with the review placed, and the report. */
export interface BackFromWordOutcome {
  pack: Pack;
  /** The report in plain English, one line each. */
  lines: string[];
  added: number;
  notPlaced: number;
}

/** What importCommit gives back: the new pack, or what to add to the open pack. */
export type ImportCommitResult = { kind: 'pack'; opened: OpenedPack } | { kind: 'sections'; sections: Section[] } | { kind: 'nodes'; nodes: SerializedNodeJson[] };

export type HostMethods = typeof hostMethods;
export type MethodName = keyof HostMethods;
export type ArgsOf<M extends MethodName> = z.input<HostMethods[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<HostMethods[M]['args']>;
export type ResultOf<M extends MethodName> = HostMethods[M]['result'];

export const METHOD_NAMES = Object.keys(hostMethods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(hostMethods, name);
}

/** What every call returns over either transport. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: HostErrorData };

/** The API as the renderer sees it, whichever transport carries it. */
export type HostApi = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };
/** The API as the back end implements it (arguments already validated). */
export type HostHandlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> };

/**
 * One-way events from the back end to the renderer (the Electron shell only: the browser host
 * has no native menu). Preload exposes each on `window.briefingEvents.<name>(listener)`,
 * returning an unsubscribe function; payloads are validated here before any listener runs.
 */
export const MENU_COMMANDS = ['new', 'newFromTemplate', 'open', 'save', 'saveAs', 'exportWord', 'close', 'exportPdf', 'print', 'importWord', 'shortcutHelp', 'find', 'replace', 'zoomIn', 'zoomOut', 'zoomReset'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];

export const hostEvents = {
  /**
   * A native menu item (or the OS opening a file) asks the renderer to act. `open` carries the
   * pack file; `newFromTemplate` may carry a template file the user opened from the OS.
   */
  menuCommand: z
    .object({
      command: z.enum(MENU_COMMANDS),
      file: packRef.optional(),
      templateFile: z.string().min(1).max(4096).refine((f) => f.toLowerCase().endsWith('.briefing-template') && !f.includes('\0')).optional(),
    })
    .strict(),
} as const;

export type HostEventName = keyof typeof hostEvents;
export type HostEventPayload<E extends HostEventName> = z.output<(typeof hostEvents)[E]>;
export const HOST_EVENT_NAMES = Object.keys(hostEvents) as HostEventName[];

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError, fromNodeError } from '../../shared/api/errors.js';
import type {
  BrokenTemplate,
  ConflictChoice,
  ExportedTemplate,
  PublishedTemplate,
  TemplateGallery,
  TemplateSource,
  TemplateSourceStatus,
  TemplateSummary,
  TemplateWriteOutcome,
} from '../../shared/templates/api.js';
import { TEMPLATE_EXTENSION } from '../../shared/templates/format.js';
import { parseTemplateText, serialiseTemplate } from '../../shared/templates/parse.js';
import type { Template } from '../../shared/templates/schema.js';
import { compareVersions, nextMinorVersion } from '../../shared/templates/version.js';
import { newId } from '../../shared/pack/defaults.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import { uniqueFileName } from '../workspace/fileNames.js';
import { SerialQueue } from '../workspace/serialQueue.js';
import { confinePath } from '../workspace/confine.js';
import { withDeadline } from './deadline.js';
import { FolderScanner, isTemplateFileName, nodeTemplateFs, type FolderScan, type TemplateFs } from './folderScan.js';
import { sharedFolderProblem } from './sharedFolderErrors.js';
import { summarise } from './summary.js';

/** The user's own templates live in this folder inside the workspace. */
export const USER_TEMPLATES_FOLDER = 'Templates';
/** How long the shared folder may take to answer before it is shown as unavailable. */
export const DEFAULT_SHARED_TIMEOUT_MS = 3000;

export interface TemplateFolders {
  builtInDir: string;
  /** `<workspace>/Templates`, created on the first save. */
  userDir: string;
  /** Absolute path of the shared folder, or null when the setting is empty. */
  sharedDir: string | null;
  workspaceDir: string;
}

export interface TemplateLibraryOptions {
  /** Asked on every call, so a changed setting or workspace takes effect at once. */
  folders: () => Promise<TemplateFolders>;
  trash: (absolutePath: string, workspaceDir: string) => Promise<void>;
  sharedTimeoutMs?: number;
  /** File access for the shared folder; tests slow it down to act like a dead network drive. */
  sharedFs?: TemplateFs;
}

/**
 * Templates from three places: built in (read-only, shipped in resources/templates), the
 * user's own (`Templates` in the workspace) and a shared folder from the settings (usually
 * a network drive, usually read-only). Every list re-scans the folders (unchanged files come
 * from a cache), so files added on disk appear without a restart. The shared folder is read
 * under a deadline and at most one scan of it runs at a time, so a hung drive never hangs
 * the app, never piles up stuck reads, and shows as "unavailable" with a plain reason.
 */
export class TemplateLibrary {
  private readonly local = new FolderScanner(nodeTemplateFs);
  private readonly shared: FolderScanner;
  private readonly timeoutMs: number;
  private readonly queue = new SerialQueue();
  private sharedInFlight: { dir: string; promise: Promise<FolderScan> } | null = null;

  constructor(private readonly options: TemplateLibraryOptions) {
    this.shared = new FolderScanner(options.sharedFs ?? nodeTemplateFs);
    this.timeoutMs = options.sharedTimeoutMs ?? DEFAULT_SHARED_TIMEOUT_MS;
  }

  async list(): Promise<TemplateGallery> {
    const folders = await this.options.folders();
    const gallery: TemplateGallery = { templates: [], broken: [], sources: [] };
    const add = (scan: FolderScan) => {
      gallery.templates.push(...scan.templates.map((t) => t.summary));
      gallery.broken.push(...scan.broken);
    };
    const [builtIn, user, shared] = await Promise.all([
      this.scanLocal(folders.builtInDir, 'built-in'),
      this.scanLocal(folders.userDir, 'user'),
      this.scanSharedStatus(folders.sharedDir),
    ]);
    for (const result of [builtIn, user, shared]) {
      gallery.sources.push(result.status);
      if (result.scan) add(result.scan);
    }
    return gallery;
  }

  private async scanLocal(dir: string, source: 'built-in' | 'user'): Promise<{ status: TemplateSourceStatus; scan?: FolderScan }> {
    try {
      return { status: { source, dir, state: 'ok' }, scan: await this.local.scan(dir, source, 8) };
    } catch (err) {
      // No Templates folder yet simply means no templates of your own yet.
      if (source === 'user' && (err as NodeJS.ErrnoException).code === 'ENOENT') return { status: { source, dir, state: 'ok' } };
      return { status: { source, dir, state: 'unavailable', message: fromNodeError(err, `The ${source === 'user' ? 'Templates' : 'built-in templates'} folder ${dir}`).message } };
    }
  }

  private async scanSharedStatus(dir: string | null): Promise<{ status: TemplateSourceStatus; scan?: FolderScan }> {
    if (!dir) return { status: { source: 'shared', dir: null, state: 'not-set' } };
    const notAbsolute = relativeFolderProblem(dir);
    if (notAbsolute) return { status: { source: 'shared', dir, state: 'unavailable', message: notAbsolute.message } };
    try {
      return { status: { source: 'shared', dir, state: 'ok' }, scan: await this.scanShared(dir) };
    } catch (err) {
      return { status: { source: 'shared', dir, state: 'unavailable', message: sharedFolderProblem(err, dir).message } };
    }
  }

  /** One scan of the shared folder at a time; later callers wait on it under their own deadline. */
  private scanShared(dir: string): Promise<FolderScan> {
    if (!this.sharedInFlight || this.sharedInFlight.dir !== dir) {
      const entry = { dir, promise: this.shared.scan(dir, 'shared', 1) };
      this.sharedInFlight = entry;
      void entry.promise
        .catch(() => undefined)
        .finally(() => {
          if (this.sharedInFlight === entry) this.sharedInFlight = null;
        });
    }
    return withDeadline(this.sharedInFlight.promise, this.timeoutMs);
  }

  private dirOf(folders: TemplateFolders, source: TemplateSource): string {
    if (source === 'built-in') return folders.builtInDir;
    if (source === 'user') return folders.userDir;
    if (!folders.sharedDir) throw new HostError('INVALID_ARGUMENT', 'No shared templates folder is set. Choose one under "Shared templates folder" first.');
    const notAbsolute = relativeFolderProblem(folders.sharedDir);
    if (notAbsolute) throw notAbsolute;
    return folders.sharedDir;
  }

  /** A template file's path, refusing any name that would land outside its folder. */
  static pathIn(dir: string, file: string): string {
    const folder = path.resolve(dir);
    const resolved = path.resolve(folder, file);
    if (path.dirname(resolved) !== folder || !isTemplateFileName(file)) {
      throw new HostError('INVALID_ARGUMENT', `"${file}" is not a template file name inside the templates folder.`);
    }
    // The shared confinement rules too: no links out of the folder, device names, and so on.
    return confinePath(file, { workspaceDir: folder, extension: TEMPLATE_EXTENSION });
  }

  /** The whole template (with starter content), validated. */
  async read(source: TemplateSource, file: string): Promise<Template> {
    const folders = await this.options.folders();
    const dir = this.dirOf(folders, source);
    TemplateLibrary.pathIn(dir, file);
    const scanner = source === 'shared' ? this.shared : this.local;
    let entry;
    try {
      const reading = scanner.read(dir, file, source);
      entry = source === 'shared' ? await withDeadline(reading, this.timeoutMs) : await reading;
    } catch (err) {
      throw source === 'shared' ? sharedFolderProblem(err, dir) : fromNodeError(err, `The template "${file}"`);
    }
    if (entry === null) throw new HostError('NOT_FOUND', `The template "${file}" could not be found. It may have been moved, renamed or deleted.`);
    if (entry.kind === 'broken') throw new HostError(entry.broken.error.code, entry.broken.error.message);
    return entry.template;
  }

  async exportTemplate(source: TemplateSource, file: string): Promise<ExportedTemplate> {
    return { fileName: file, text: serialiseTemplate(await this.read(source, file)) };
  }

  /** Validate a template file's text (from Import) and add it to "Your templates". */
  async importText(fileName: string, text: string, onConflict: ConflictChoice): Promise<TemplateWriteOutcome> {
    const template = parseTemplateText(text, { label: `"${path.basename(fileName.replace(/\\/g, '/'))}"` });
    return this.saveUserTemplate(template, onConflict);
  }

  /**
   * Write a template into "Your templates". A template with the same name and version there
   * already is a conflict: 'ask' returns it so the user can choose, 'replace' writes over it,
   * 'keep-both' saves this one as "Name (2)".
   */
  async saveUserTemplate(template: Template, onConflict: ConflictChoice): Promise<TemplateWriteOutcome> {
    const { userDir } = await this.options.folders();
    try {
      await fs.mkdir(userDir, { recursive: true });
    } catch (err) {
      throw fromNodeError(err, `The Templates folder ${userDir}`);
    }
    return this.queue.run(`user:${userDir}`, async () => {
      const scan = await this.local.scan(userDir, 'user', 8);
      const same = scan.templates.find((t) => sameName(t.template.name, template.name) && compareVersions(t.template.version, template.version) === 0);
      if (same && onConflict === 'ask') return { status: 'conflict', existing: same.summary } as const;
      let toWrite = template;
      let file: string;
      if (same && onConflict === 'replace') {
        file = same.summary.file;
      } else {
        if (same) {
          const names = scan.templates.map((t) => t.template.name);
          const ids = new Set(scan.templates.map((t) => t.template.id));
          toWrite = { ...template, name: uniqueName(template.name, names), id: ids.has(template.id) ? `user-${newId()}` : template.id };
        }
        file = uniqueFileName(toWrite.name, await fs.readdir(userDir), TEMPLATE_EXTENSION);
      }
      // Check what we write with the rules we read by, so a template we save can always be
      // opened again (a pack with huge pictures or an odd link makes a template we would refuse).
      const text = serialiseTemplate(toWrite);
      parseTemplateText(text, { label: `The template "${toWrite.name}"` });
      try {
        await writeFileAtomic(TemplateLibrary.pathIn(userDir, file), text);
      } catch (err) {
        throw fromNodeError(err, `Saving the template "${toWrite.name}"`);
      }
      return { status: 'saved', template: summarise(toWrite, 'user', file) } as const;
    });
  }

  /**
   * Copy one of your templates to the shared folder, atomically. The copy there with the same
   * id or name is replaced only by a newer version; an older version is refused, and the same
   * version with different content is refused too (packs record the version they came from,
   * so one version number must always mean one content).
   */
  async publish(file: string): Promise<PublishedTemplate> {
    const folders = await this.options.folders();
    const sharedDir = this.dirOf(folders, 'shared');
    const template = await this.read('user', file);
    const text = serialiseTemplate(template);
    return this.queue.run(`shared:${sharedDir}`, async () => {
      let scan: FolderScan;
      let names: string[];
      try {
        scan = await this.scanShared(sharedDir);
        names = await withDeadline(this.shared.readdirNames(sharedDir), this.timeoutMs);
      } catch (err) {
        throw sharedFolderProblem(err, sharedDir);
      }
      const matches = scan.templates.filter((t) => t.template.id === template.id || sameName(t.template.name, template.name));
      matches.sort((a, b) => compareVersions(b.template.version, a.template.version));
      const newest = matches[0];
      if (newest) {
        const order = compareVersions(template.version, newest.template.version);
        if (order < 0) {
          throw new HostError(
            'CONFLICT',
            `The shared folder already has version ${newest.template.version} of "${newest.template.name}", which is newer than yours (version ${template.version}). Publishing would replace it with an older version, so nothing was changed.`,
          );
        }
        if (order === 0) {
          if (serialiseTemplate(newest.template) === text) return { template: newest.summary, replacedVersion: newest.template.version };
          throw new HostError(
            'CONFLICT',
            `The shared folder already has version ${template.version} of "${newest.template.name}", and it is different from yours. Save your template again with a higher version number (for example ${nextMinorVersion(template.version)}), then publish that. Nothing was changed.`,
          );
        }
      }
      const target = newest ? newest.summary.file : uniqueFileName(template.name, names, TEMPLATE_EXTENSION);
      try {
        // A write to a hung drive cannot be cancelled, but the user is told rather than kept waiting.
        await withDeadline(writeFileAtomic(TemplateLibrary.pathIn(sharedDir, target), text), this.timeoutMs * 5);
      } catch (err) {
        throw sharedFolderProblem(err, sharedDir);
      }
      return { template: summarise(template, 'shared', target), replacedVersion: newest?.template.version ?? null };
    });
  }

  /** Move one of your templates to the trash (built-in and shared ones cannot be deleted here). */
  async delete(file: string): Promise<{ file: string }> {
    const { userDir, workspaceDir } = await this.options.folders();
    const full = TemplateLibrary.pathIn(userDir, file);
    await this.queue.run(`user:${userDir}`, async () => {
      try {
        await fs.access(full);
        await this.options.trash(full, workspaceDir);
      } catch (err) {
        throw fromNodeError(err, `Deleting the template "${file}"`);
      }
    });
    return { file };
  }
}

export type { BrokenTemplate, TemplateSummary };

/** A relative path would depend on where the app was started from: ask for a full one. */
function relativeFolderProblem(dir: string): HostError | null {
  if (path.isAbsolute(dir)) return null;
  return new HostError('INVALID_ARGUMENT', `The shared templates folder must be a full path, such as S:\\Policy\\Templates or /mnt/shared/templates, not "${dir}".`);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}

/** "Name (2)", "Name (3)", … the first not already used (case-insensitive). */
export function uniqueName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.trim().toLocaleLowerCase('en-GB')));
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!used.has(candidate.toLocaleLowerCase('en-GB'))) return candidate;
  }
}

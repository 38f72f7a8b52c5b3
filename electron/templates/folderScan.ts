import { promises as realFs } from 'node:fs';
import path from 'node:path';
import { fromNodeError } from '../../shared/api/errors.js';
import type { BrokenTemplate, TemplateSource, TemplateSummary } from '../../shared/templates/api.js';
import { MAX_TEMPLATE_BYTES } from '../../shared/templates/format.js';
import { checkTemplateSize, parseTemplateBytes } from '../../shared/templates/parse.js';
import { readFileBounded } from '../workspace/boundedRead.js';
import { isTemplateFileName } from '../workspace/packFileNames.js';
import type { Template } from '../../shared/templates/schema.js';
import { mapLimit } from '../workspace/mapLimit.js';
import { summarise } from './summary.js';

/** The three file operations a scan needs; tests wrap them to act like a slow network drive. */
export interface TemplateFs {
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<{ isFile(): boolean; isDirectory?(): boolean; size: number; mtimeMs: number }>;
  /** The file's bytes, refused (HostError) when it is over the template limit or not a file. */
  readFile(file: string, label: string): Promise<Uint8Array>;
}

export const nodeTemplateFs: TemplateFs = {
  readdir: (dir) => realFs.readdir(dir),
  stat: (file) => realFs.stat(file),
  readFile: (file, label) => readFileBounded(file, { maxBytes: MAX_TEMPLATE_BYTES, label, kind: 'template' }),
};

export type ScannedEntry = { kind: 'template'; template: Template; summary: TemplateSummary } | { kind: 'broken'; broken: BrokenTemplate };

export interface FolderScan {
  templates: Array<{ template: Template; summary: TemplateSummary }>;
  broken: BrokenTemplate[];
}

interface Cached {
  mtimeMs: number;
  size: number;
  entry: ScannedEntry;
}

export { isTemplateFileName };

/**
 * Reads every template in one folder. Unchanged files (same mtime and size) come from the
 * cache, so re-scanning on every gallery open is cheap and changes on disk show at once.
 * A bad file becomes a BrokenTemplate with its reason; it never stops the others.
 * Errors reading the folder itself (missing, no permission) are thrown to the caller.
 */
export class FolderScanner {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly fs: TemplateFs = nodeTemplateFs) {}

  /** `concurrency` 1 for network drives: a hung drive then ties up one I/O thread, not all. */
  async scan(dir: string, source: TemplateSource, concurrency: number): Promise<FolderScan> {
    const names = (await this.fs.readdir(dir)).filter(isTemplateFileName).sort((a, b) => a.localeCompare(b));
    const entries = await mapLimit(names, concurrency, (name) => this.read(dir, name, source));
    const seen = new Set(names.map((n) => path.join(dir, n)));
    for (const key of this.cache.keys()) if (path.dirname(key) === dir && !seen.has(key)) this.cache.delete(key);
    const result: FolderScan = { templates: [], broken: [] };
    for (const entry of entries) {
      if (entry?.kind === 'template') result.templates.push({ template: entry.template, summary: entry.summary });
      else if (entry?.kind === 'broken') result.broken.push(entry.broken);
    }
    return result;
  }

  /** Every file name in the folder (including broken and non-template files). */
  readdirNames(dir: string): Promise<string[]> {
    return this.fs.readdir(dir);
  }

  /** One file, read and validated; null if it vanished. */
  async read(dir: string, file: string, source: TemplateSource): Promise<ScannedEntry | null> {
    const full = path.join(dir, file);
    let stat;
    try {
      stat = await this.fs.stat(full);
    } catch {
      return null; // deleted between readdir and stat
    }
    const label = `"${file}"`;
    if (!stat.isFile()) {
      // A folder named "x.briefing-template" is shown with the reason, not silently skipped.
      const message = stat.isDirectory?.() ? `${label} is a folder, not a template file.` : `${label} is not an ordinary file, so it is not a template file.`;
      return { kind: 'broken', broken: { source, file, error: { code: 'INVALID_FILE', message } } };
    }
    const cached = this.cache.get(full);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.entry;
    let entry: ScannedEntry;
    try {
      // Refuse huge files from their size, before reading a byte of them.
      checkTemplateSize(stat.size, label);
      const template = parseTemplateBytes(await this.fs.readFile(full, label), { label });
      entry = { kind: 'template', template, summary: summarise(template, source, file) };
    } catch (err) {
      entry = { kind: 'broken', broken: { source, file, error: fromNodeError(err, label).toJSON() } };
    }
    this.cache.set(full, { mtimeMs: stat.mtimeMs, size: stat.size, entry });
    return entry;
  }
}

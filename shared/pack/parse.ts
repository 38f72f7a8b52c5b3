import { HostError } from '../api/errors.js';
import { decodeFileText } from '../json/fileText.js';
import { jsonDepth } from '../json/jsonDepth.js';
import { reviewPictures } from '../richtext/pictures.js';
import { MAX_NODE_DEPTH } from '../richtext/serialized.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from './format.js';
import { migrateToCurrent, PACK_MIGRATIONS, type JsonObject, type MigrationChain } from './migrations.js';
import { readableIssues } from './readableIssues.js';
import { packSchema, type Pack } from './schema.js';

/** Packs above this size are refused before parsing: real packs with images stay well below. */
export const MAX_PACK_BYTES = 50 * 1024 * 1024;

/**
 * Deepest raw JSON nesting a pack file may have, checked before parsing. Each level of content
 * is two levels of JSON (a node and its children list), plus the few levels of the pack around
 * it. It stays below what the hosts accept in one request (electron/limits.ts), so a pack that
 * opens can always be saved again, and nothing inside it (under a key the app does not know,
 * say) can be nested deeper than the back end and the renderer walk safely.
 */
export const MAX_PACK_JSON_DEPTH = MAX_NODE_DEPTH * 2 + 12;

/** "12.5 MB" for a message. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** The plain-English refusal of a file over its size limit. */
export function tooLargeError(label: string, bytes: number, max: number, kind: string): HostError {
  return new HostError('INVALID_FILE', `${label} is too large to be a ${kind} (${megabytes(bytes)}; the limit is ${max / 1024 / 1024} MB). Nothing was read from it.`);
}

export interface ParseOptions {
  /** The name used in messages, e.g. the file name. */
  label?: string;
  chain?: MigrationChain;
  currentVersion?: number;
}

/** Parse JSON text, mapping a syntax error to a readable INVALID_FILE. */
export function parseJsonText(text: string, label: string): unknown {
  if (text.length > MAX_PACK_BYTES) throw tooLargeError(label, text.length, MAX_PACK_BYTES, 'briefing pack');
  if (text.trim() === '') throw new HostError('INVALID_FILE', `${label} is empty. It may have been damaged while saving.`);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new HostError('INVALID_FILE', `${label} is damaged: it is not readable JSON (${detail}).`);
  }
}

/**
 * Check the `format`/`formatVersion` envelope shared by packs and templates. A file from a
 * newer app is refused with NEWER_VERSION so the caller never rewrites it.
 */
export function readEnvelope(json: unknown, label: string, format: string, kind: string, currentVersion: number): { doc: JsonObject; version: number } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HostError('INVALID_FILE', `${label} is not a ${kind}: it does not contain a ${kind} object.`);
  }
  const doc = json as JsonObject;
  if (doc.format !== format) {
    throw new HostError('INVALID_FILE', `${label} is not a ${kind} (its "format" is ${describeFormat(doc.format)}, expected "${format}").`);
  }
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new HostError('INVALID_FILE', `${label} has no valid format version, so it cannot be read safely.`);
  }
  if (version > currentVersion) {
    throw new HostError(
      'NEWER_VERSION',
      `${label} was saved by a newer version of Briefing Studio (file format ${version}; this app reads up to ${currentVersion}). Update Briefing Studio to open it. The file has not been changed.`,
    );
  }
  return { doc, version };
}

/**
 * The "format" value for a message. Never JSON.stringify an arbitrary value here: a deeply
 * nested one overflows the stack (found by the fuzz test), and a huge one floods the message.
 */
function describeFormat(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === undefined || value === null) return 'missing';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value).slice(0, 60);
}

export function packFromJson(json: unknown, options: ParseOptions = {}): Pack {
  const label = options.label ?? 'This file';
  const current = options.currentVersion ?? PACK_FORMAT_VERSION;
  const { doc, version } = readEnvelope(json, label, PACK_FORMAT, 'briefing pack', current);
  const migrated = migrateToCurrent(doc, version, current, options.chain ?? PACK_MIGRATIONS);
  const result = packSchema.safeParse(migrated);
  if (!result.success) {
    throw new HostError('INVALID_FILE', `${label} is not a valid briefing pack: ${readableIssues(result.error)}.`);
  }
  return withPicturesChecked(result.data);
}

/**
 * Pictures that are not embedded PNG or JPEG (a remote address, SVG, damaged data) are
 * replaced by a placeholder saying what was removed (shared/richtext/pictures.ts). The file
 * on disk is untouched until the author saves.
 */
function withPicturesChecked(pack: Pack): Pack {
  let changed = false;
  const sections = pack.sections.map((section) => {
    const review = reviewPictures(section.content.root);
    if (review.root === section.content.root) return section;
    changed = true;
    return { ...section, content: { ...section.content, root: review.root as typeof section.content.root } };
  });
  return changed ? { ...pack, sections } : pack;
}

/** Refuse JSON text nested deeper than any real pack, before it is parsed. */
export function checkPackNesting(text: string, label: string): void {
  if (jsonDepth(text, MAX_PACK_JSON_DEPTH) > MAX_PACK_JSON_DEPTH) {
    throw new HostError(
      'INVALID_FILE',
      `${label} was refused: it is nested more than ${MAX_PACK_JSON_DEPTH} levels deep (lists inside lists, or content inside content), which no real briefing pack needs.`,
    );
  }
}

export function parsePackText(text: string, options: ParseOptions = {}): Pack {
  const label = options.label ?? 'This file';
  if (text.length > MAX_PACK_BYTES) throw tooLargeError(label, text.length, MAX_PACK_BYTES, 'briefing pack');
  checkPackNesting(text, label);
  return packFromJson(parseJsonText(text, label), options);
}

/** A pack from the bytes of its file: size, encoding (UTF-8 only), nesting, JSON, schema. */
export function parsePackBytes(bytes: Uint8Array, options: ParseOptions = {}): Pack {
  const label = options.label ?? 'This file';
  if (bytes.length > MAX_PACK_BYTES) throw tooLargeError(label, bytes.length, MAX_PACK_BYTES, 'briefing pack');
  return parsePackText(decodeFileText(bytes, label, 'briefing pack'), options);
}

/** The bytes we write: stable key order from the schema, two-space indent, trailing newline. */
export function serialisePack(pack: Pack): string {
  return JSON.stringify(packSchema.parse(pack), null, 2) + '\n';
}

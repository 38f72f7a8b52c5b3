import { HostError } from '../api/errors.js';
import { migrateToCurrent, type MigrationChain } from '../pack/migrations.js';
import { jsonDepth } from '../json/jsonDepth.js';
import { decodeFileText } from '../json/fileText.js';
import { parseJsonText, readEnvelope } from '../pack/parse.js';
import { reviewPictures } from '../richtext/pictures.js';
import { MAX_JSON_DEPTH, MAX_TEMPLATE_BYTES, MAX_TEMPLATE_NESTING, TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION } from './format.js';
import { findLinkProblems } from './links.js';
import { TEMPLATE_MIGRATIONS } from './migrations.js';
import { readableTemplateIssues } from './readableIssues.js';
import { templateSchema, type Template } from './schema.js';

export interface TemplateParseOptions {
  /** The name used in messages: the file name, in quotes. */
  label?: string;
  chain?: MigrationChain;
  currentVersion?: number;
}

const KIND = 'briefing template';

/** UTF-8 size of a string without allocating a copy of it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function checkTemplateSize(bytes: number, label: string): void {
  if (bytes > MAX_TEMPLATE_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    throw new HostError('INVALID_FILE', `${label} is too large to be a template (${mb} MB; templates may be up to ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB). Remove large pictures from its starter content.`);
  }
}

/** The deepest nesting of arrays and objects in JSON text (shared/json/jsonDepth.ts). */
export { jsonDepth };

export function templateFromJson(json: unknown, options: TemplateParseOptions = {}): Template {
  const label = options.label ?? 'This file';
  const current = options.currentVersion ?? TEMPLATE_FORMAT_VERSION;
  const { doc, version } = readEnvelope(json, label, TEMPLATE_FORMAT, KIND, current);
  const migrated = migrateToCurrent(doc, version, current, options.chain ?? TEMPLATE_MIGRATIONS);
  const result = templateSchema.safeParse(migrated);
  if (!result.success) {
    throw new HostError('INVALID_FILE', `${label} is not a valid ${KIND}: ${readableTemplateIssues(result.error)}.`);
  }
  const problems = findLinkProblems(result.data);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more unsafe link${problems.length === 2 ? '' : 's'})` : '';
    throw new HostError('INVALID_FILE', `${label} was refused: in section "${first.sectionTitle}", ${first.reason}${more}.`);
  }
  return withPicturesChecked(result.data);
}

/** Pictures in starter content follow the pack rule: not embedded PNG or JPEG, replaced by a placeholder. */
function withPicturesChecked(template: Template): Template {
  let changed = false;
  const sections = template.sections.map((section) => {
    if (!section.starterContent) return section;
    const review = reviewPictures(section.starterContent.root);
    if (review.root === section.starterContent.root) return section;
    changed = true;
    return { ...section, starterContent: { ...section.starterContent, root: review.root as typeof section.starterContent.root } };
  });
  return changed ? { ...template, sections } : template;
}

/** Read a template file's text: size, nesting, JSON, envelope, schema and links, in that order. */
export function parseTemplateText(text: string, options: TemplateParseOptions = {}): Template {
  const label = options.label ?? 'This file';
  checkTemplateSize(utf8Length(text), label);
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new HostError('INVALID_FILE', `${label} was refused: its content is nested more than ${MAX_TEMPLATE_NESTING} levels deep, which no real template needs.`);
  }
  return templateFromJson(parseJsonText(text, label), options);
}

/** A template from the bytes of its file: size first, then UTF-8 only, then as parseTemplateText. */
export function parseTemplateBytes(bytes: Uint8Array, options: TemplateParseOptions = {}): Template {
  const label = options.label ?? 'This file';
  checkTemplateSize(bytes.length, label);
  return parseTemplateText(decodeFileText(bytes, label, KIND), options);
}

/** The bytes we write: stable key order from the schema, two-space indent, trailing newline. */
export function serialiseTemplate(template: Template): string {
  return JSON.stringify(templateSchema.parse(template), null, 2) + '\n';
}

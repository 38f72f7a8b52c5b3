import { TEMPLATE_EXTENSION } from '../../shared/templates/format.js';
import { parseTemplateBytes, parseTemplateText } from '../../shared/templates/parse.js';
import type { Template } from '../../shared/templates/schema.js';
import { hasExtension } from '../workspace/packFileNames.js';

export function isTemplatePath(file: string): boolean {
  return hasExtension(file, TEMPLATE_EXTENSION);
}

/**
 * `briefing validate` for template files: template owners can check a folder of templates
 * (say, the shared drive) with the same rules the gallery applies. Throws the refusal.
 */
export function describeTemplateText(text: string, label: string): string {
  return describe(parseTemplateText(text, { label }));
}

/** The same from the file's bytes (size and encoding checked first). */
export function describeTemplateBytes(bytes: Uint8Array, label: string): string {
  return describe(parseTemplateBytes(bytes, { label }));
}

function describe(template: Template): string {
  const n = template.sections.length;
  return `template "${template.name}" version ${template.version}, ${n} section${n === 1 ? '' : 's'}`;
}

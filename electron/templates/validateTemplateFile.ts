import { TEMPLATE_EXTENSION } from '../../shared/templates/format.js';
import { parseTemplateText } from '../../shared/templates/parse.js';

export function isTemplatePath(file: string): boolean {
  return file.toLowerCase().endsWith(TEMPLATE_EXTENSION);
}

/**
 * `briefing validate` for template files: template owners can check a folder of templates
 * (say, the shared drive) with the same rules the gallery applies. Throws the refusal.
 */
export function describeTemplateText(text: string, label: string): string {
  const template = parseTemplateText(text, { label });
  const n = template.sections.length;
  return `template "${template.name}" version ${template.version}, ${n} section${n === 1 ? '' : 's'}`;
}

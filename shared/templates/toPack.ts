import { newPack, newSection } from '../pack/defaults.js';
import type { Pack } from '../pack/schema.js';
import { emptyEditorState } from '../richtext/editorState.js';
import type { Template } from './schema.js';

/** A section's guidance prompts as the pack stores them: one prompt per line. */
export function guidanceText(prompts: readonly string[]): string {
  return prompts.map((p) => p.trim()).filter(Boolean).join('\n');
}

/** Pack guidance back into prompts: one per non-empty line. */
export function guidancePrompts(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A new pack from a template: the template's front-sheet defaults under the user's title,
 * one section per template section (guidance, word limit, gamechanger, starter content),
 * and a record of which template and version it came from.
 */
export function packFromTemplate(template: Template, title: string, now = new Date()): Pack {
  const sections = template.sections.map((section) =>
    newSection(section.title, {
      guidance: guidanceText(section.guidance),
      ...(section.gamechangerId ? { gamechangerId: section.gamechangerId } : {}),
      ...(section.wordLimit ? { wordLimit: section.wordLimit } : {}),
      ...(section.kind ? { kind: section.kind } : {}),
      ...(section.exempt ? { exempt: { ...section.exempt } } : {}),
      // A deep copy: packs made from one template must never share objects.
      content: section.starterContent ? structuredClone(section.starterContent) : emptyEditorState(),
    }),
  );
  const pack = newPack({ ...structuredClone(template.frontSheet), title }, sections, now);
  return {
    ...pack,
    template: { id: template.id, name: template.name, version: template.version },
    clearance: { required: structuredClone(template.signOffs), signOffs: {} },
  };
}

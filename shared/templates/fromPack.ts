import { newId } from '../pack/defaults.js';
import type { Pack } from '../pack/schema.js';
import type { SerializedEditorStateJson } from '../richtext/serialized.js';
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION } from './format.js';
import type { FrontSheetDefaults, Template } from './schema.js';
import { guidancePrompts } from './toPack.js';

export interface TemplateFromPackOptions {
  name: string;
  description?: string;
  organisation?: string;
  author?: string;
  version?: string;
  /** true: each section's content becomes starter text; false: structure and guidance only. */
  includeContent: boolean;
  now?: Date;
}

/**
 * The front-sheet values worth keeping in a template: the meeting, who reports, the
 * classification and access. Dates, status and version belong to one pack, so they reset.
 */
export function frontSheetDefaultsFrom(pack: Pack): FrontSheetDefaults {
  const sheet = pack.frontSheet;
  return {
    meeting: { name: sheet.meeting.name, date: '' },
    reportOf: sheet.reportOf,
    leadCabinetMember: sheet.leadCabinetMember,
    contactOfficer: { ...sheet.contactOfficer },
    wardsAffected: [...sheet.wardsAffected],
    keyDecision: { isKeyDecision: sheet.keyDecision.isKeyDecision, forwardPlanRef: '' },
    access: { ...sheet.access },
    classification: sheet.classification,
  };
}

/** "Save pack as template": a fresh template id, version 1.0 unless told otherwise. */
export function templateFromPack(pack: Pack, options: TemplateFromPackOptions): Template {
  return {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    id: `user-${newId()}`,
    name: options.name.trim(),
    description: options.description?.trim() ?? '',
    organisation: options.organisation?.trim() ?? '',
    author: options.author?.trim() ?? '',
    version: options.version?.trim() || '1.0',
    updatedAt: (options.now ?? new Date()).toISOString(),
    frontSheet: frontSheetDefaultsFrom(pack),
    signOffs: structuredClone(pack.clearance.required),
    sections: pack.sections.map((section) => ({
      title: section.title.trim() || 'Untitled section',
      ...(section.gamechangerId ? { gamechangerId: section.gamechangerId } : {}),
      guidance: guidancePrompts(section.guidance),
      ...(section.wordLimit ? { wordLimit: section.wordLimit } : {}),
      ...(section.kind ? { kind: section.kind } : {}),
      ...(section.exempt ? { exempt: { ...section.exempt } } : {}),
      // An empty section adds nothing as starter text, so it is left out.
      ...(options.includeContent && hasContent(section.content) ? { starterContent: structuredClone(section.content) } : {}),
    })),
  };
}

/** True unless the content is only empty paragraphs (what a new section starts with). */
export function hasContent(state: SerializedEditorStateJson): boolean {
  return state.root.children.some((node) => !(node.type === 'paragraph' && (!Array.isArray(node.children) || node.children.length === 0)));
}

import type { TemplateSource, TemplateSummary } from '../../shared/templates/api.js';
import type { Template } from '../../shared/templates/schema.js';

/** What the gallery shows of a template: everything but the starter content itself. */
export function summarise(template: Template, source: TemplateSource, file: string): TemplateSummary {
  return {
    source,
    file,
    id: template.id,
    name: template.name,
    description: template.description,
    organisation: template.organisation,
    author: template.author,
    version: template.version,
    ...(template.updatedAt ? { updatedAt: template.updatedAt } : {}),
    sections: template.sections.map((s) => ({
      title: s.title,
      ...(s.gamechangerId ? { gamechangerId: s.gamechangerId } : {}),
      guidance: s.guidance,
      ...(s.wordLimit ? { wordLimit: s.wordLimit } : {}),
      hasStarterContent: s.starterContent !== undefined,
    })),
    readOnly: source !== 'user',
  };
}

import { defaultFrontSheet, newPack, newSection } from '../../shared/pack/defaults.js';
import type { Pack, Section } from '../../shared/pack/schema.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { emptyEditorState } from '../../shared/richtext/editorState.js';
import { packFromTemplate } from '../../shared/templates/toPack.js';
import type { Template } from '../../shared/templates/schema.js';
import { defaultDestinations, planSections, type PlannedSection } from '../../shared/import/arrange.js';
import type { ImportAnalysis, PartDestination } from '../../shared/import/types.js';
import type { AnalysedDocument, PartContent } from './analyseDocument.js';
import { headingNode } from './lexicalNodes.js';

/**
 * An analysed document as a pack, as sections for an open pack, or as nodes to insert into
 * one section, following a plan (shared/import/arrange.ts). Nothing here touches the disk.
 */
export interface Arrangement {
  template: Template | null;
  /** Per part; parts not named get the default (matched template section, else `restInto`, else their own section). */
  destinations?: Record<string, PartDestination>;
  /** Template section index for parts that match none; null makes them sections of their own. */
  restInto?: number | null;
}

export function destinationsFor(analysis: ImportAnalysis, arrangement: Arrangement): Record<string, PartDestination> {
  const titles = arrangement.template ? arrangement.template.sections.map((s) => s.title) : null;
  return { ...defaultDestinations(analysis.parts, titles, arrangement.restInto ?? null), ...arrangement.destinations };
}

export function planFor(analysis: ImportAnalysis, arrangement: Arrangement): PlannedSection[] {
  const titles = arrangement.template ? arrangement.template.sections.map((s) => s.title) : null;
  return planSections(analysis.parts, destinationsFor(analysis, arrangement), titles);
}

/** h2 → h3, h3 → h4 (h4 stays): a part placed under its own heading inside a section. */
function shiftHeadings(nodes: SerializedNodeJson[]): SerializedNodeJson[] {
  return nodes.map((node) => (node.type === 'heading' ? { ...node, tag: node.tag === 'h2' ? 'h3' : 'h4' } : node));
}

function partNodes(part: PartContent, asHeading: boolean): SerializedNodeJson[] {
  if (!asHeading) return part.nodes;
  return [headingNode('h2', structuredClone(part.titleNodes)), ...shiftHeadings(part.nodes)];
}

export function stateOf(children: SerializedNodeJson[]): SerializedEditorStateJson {
  if (children.length === 0) return emptyEditorState();
  return { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children } };
}

function contentOf(planned: PlannedSection, parts: Map<string, PartContent>): SerializedNodeJson[] {
  return planned.parts.flatMap((p) => partNodes(parts.get(p.key)!, p.asHeading));
}

/** The sections a plan produces. Template sections keep their guidance, word limit and gamechanger, and their starter content when nothing was placed in them. */
export function sectionsFor(doc: AnalysedDocument, arrangement: Arrangement, base: Section[] = []): Section[] {
  const parts = new Map(doc.contents.map((c) => [c.key, c]));
  return planFor(doc.analysis, arrangement).map((planned) => {
    const children = contentOf(planned, parts);
    if (planned.templateIndex !== null && base[planned.templateIndex]) {
      const section = base[planned.templateIndex]!;
      return children.length ? { ...section, content: stateOf(children) } : section;
    }
    return newSection(planned.title.slice(0, 300), { content: stateOf(children) });
  });
}

/** The nodes to put into one section (Insert › Word document › into this section): each part under its heading. */
export function nodesForInsert(doc: AnalysedDocument, destinations: Record<string, PartDestination> = {}): SerializedNodeJson[] {
  return doc.contents.flatMap((part, i) => (destinations[part.key]?.kind === 'skip' ? [] : partNodes(part, doc.analysis.parts[i]!.kind === 'heading')));
}

/** A new pack from the document (and a template, if chosen). The status is always draft. */
export function importedPack(doc: AnalysedDocument, arrangement: Arrangement, title = doc.analysis.title, now = new Date()): Pack {
  const patch = { ...doc.analysis.frontSheet, title: title.slice(0, 300) };
  if (arrangement.template) {
    const fromTemplate = packFromTemplate(arrangement.template, title, now);
    return {
      ...fromTemplate,
      frontSheet: { ...fromTemplate.frontSheet, ...patch, status: 'draft' },
      sections: sectionsFor(doc, arrangement, fromTemplate.sections),
    };
  }
  return newPack({ ...defaultFrontSheet(title), ...patch, status: 'draft' }, sectionsFor(doc, arrangement), now);
}

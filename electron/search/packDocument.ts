import type { Pack } from '../../shared/pack/schema.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';

/** What the search index keeps about one pack: the searchable text, section by section. */
export interface IndexedSection {
  id: string;
  title: string;
  text: string;
}

export interface IndexedPack {
  file: string;
  title: string;
  /** Front-sheet fields other than the title, one per line. */
  frontSheet: string;
  sections: IndexedSection[];
}

/** The fields MiniSearch indexes, with their weights (a title hit outranks a body hit). */
export const SEARCH_FIELDS = ['title', 'frontSheet', 'sectionTitles', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export const FIELD_BOOST: Record<SearchField, number> = { title: 4, sectionTitles: 2, frontSheet: 1.5, body: 1 };

export function indexedPackOf(file: string, pack: Pack): IndexedPack {
  const sheet = pack.frontSheet;
  const frontSheet = [
    sheet.meeting.name,
    sheet.reportOf,
    sheet.leadCabinetMember,
    sheet.contactOfficer.name,
    sheet.contactOfficer.email,
    sheet.wardsAffected.join(', '),
    sheet.keyDecision.forwardPlanRef,
  ]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n');
  return {
    file,
    title: sheet.title,
    frontSheet,
    sections: pack.sections.map((s) => ({ id: s.id, title: s.title, text: plainTextOf(s.content) })),
  };
}

/** The value of one indexed field (MiniSearch's extractField). */
export function fieldOf(doc: IndexedPack, field: string): string {
  switch (field) {
    case 'file':
      return doc.file;
    case 'title':
      return doc.title;
    case 'frontSheet':
      return doc.frontSheet;
    case 'sectionTitles':
      return doc.sections.map((s) => s.title).join('\n');
    case 'body':
      return doc.sections.map((s) => s.text).join('\n');
    default:
      return '';
  }
}

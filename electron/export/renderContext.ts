import type { ExportNotice } from '../../shared/export/types.js';
import type { ListNumbering } from './numbering.js';
import type { SectionReview } from './review/sectionReview.js';

/** What the block and inline mappers share while one section is written. */
export interface RenderContext {
  numbering: ListNumbering;
  /** Record something that could not be exported faithfully, at the current place. */
  notice(message: string): void;
  /** Set when the export carries comments and tracked changes; absent for a final export. */
  review?: SectionReview;
}

/** A context that files notices under `Section N “Title”, paragraph M`. */
export class SectionContext implements RenderContext {
  block = 0;
  review?: SectionReview;
  constructor(
    readonly numbering: ListNumbering,
    private readonly notices: ExportNotice[],
    readonly label: string,
  ) {}

  notice(message: string): void {
    const where = this.block > 0 ? `${this.label}, paragraph ${this.block}` : this.label;
    // One notice per kind and place is enough for the reader.
    if (!this.notices.some((n) => n.where === where && n.message === message)) this.notices.push({ where, message });
  }
}

export function sectionLabel(index: number, title: string): string {
  return `Section ${index + 1} “${title.trim() || 'Untitled section'}”`;
}

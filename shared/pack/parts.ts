import type { Pack, Section } from './schema.js';
import type { Schedule12aParagraph } from './schedule12a.js';

/**
 * The parts of a report as a reader names them: body sections are numbered ("Section 3"),
 * appendices lettered in order ("Appendix B"). Notices and the front sheet name exempt parts by
 * these labels and never by their titles, which may themselves hold exempt information.
 */
export interface PartInfo {
  sectionId: string;
  /** Position in the pack (0-based). */
  index: number;
  kind: 'body' | 'appendix';
  /** "Appendix B" or "Section 3". */
  label: string;
  /** The Schedule 12A paragraph when this part is exempt, else null. */
  exemptParagraph: Schedule12aParagraph | null;
}

/** A, B, …, Z, AA, AB, … (as spreadsheets letter columns). */
export function appendixLetter(n: number): string {
  let letters = '';
  let value = n + 1;
  while (value > 0) {
    const rem = (value - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    value = Math.floor((value - 1) / 26);
  }
  return letters;
}

export function packParts(sections: readonly Section[]): PartInfo[] {
  let body = 0;
  let appendix = 0;
  return sections.map((section, index) => {
    const kind = section.kind === 'appendix' ? 'appendix' : 'body';
    const label = kind === 'appendix' ? `Appendix ${appendixLetter(appendix++)}` : `Section ${++body}`;
    return { sectionId: section.id, index, kind, label, exemptParagraph: section.exempt?.paragraph ?? null };
  });
}

/**
 * The heading an appendix is printed under: its label, then its title without a leading
 * "Appendix" or "Appendix X" the author may have typed ("Appendix: costs" → "Appendix B: costs").
 */
export function partHeading(part: PartInfo, title: string): string {
  const clean = title.trim();
  if (part.kind !== 'appendix') return clean || 'Untitled section';
  const rest = clean.replace(/^appendix(\s+[A-Z]{1,2}\b)?\s*[:.\-–—]?\s*/i, '').trim();
  return rest ? `${part.label}: ${rest}` : part.label;
}

/** Whether the report is public, exempt as a whole (front sheet), or exempt in some parts. */
export type AccessStatus =
  | { kind: 'public' }
  | { kind: 'exempt'; paragraph: Schedule12aParagraph | null }
  | { kind: 'part-exempt'; parts: PartInfo[] };

export function accessStatus(pack: Pick<Pack, 'frontSheet' | 'sections'>): AccessStatus {
  const access = pack.frontSheet.access;
  if (access.exempt) return { kind: 'exempt', paragraph: access.schedule12aParagraph };
  const parts = packParts(pack.sections).filter((p) => p.exemptParagraph !== null);
  return parts.length > 0 ? { kind: 'part-exempt', parts } : { kind: 'public' };
}

/** "Appendix B (paragraph 3) and Appendix C (paragraph 1)" */
export function listExemptParts(parts: readonly PartInfo[]): string {
  const names = parts.map((p) => `${p.label} (paragraph ${p.exemptParagraph})`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The front sheet's "Exempt information" line, for the app's form and for every export. */
export function accessSummary(status: AccessStatus): string {
  switch (status.kind) {
    case 'public':
      return 'No: this report is open to the public';
    case 'exempt':
      return status.paragraph
        ? `Yes: not for publication by virtue of paragraph ${status.paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972`
        : 'Yes: not for publication under Schedule 12A to the Local Government Act 1972 (paragraph to be confirmed)';
    case 'part-exempt':
      return `Part exempt: ${listExemptParts(status.parts)} ${status.parts.length === 1 ? 'is' : 'are'} not for publication under Part 1 of Schedule 12A to the Local Government Act 1972; the rest of the report is open to the public`;
  }
}

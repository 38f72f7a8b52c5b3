/**
 * The two versions a part-exempt or exempt report is published in (plain constants, no zod,
 * so the renderer can show them without loading the schemas).
 * - public: every exempt part removed and replaced by a notice naming it and its paragraph;
 * - full: everything, with exempt parts marked NOT FOR PUBLICATION on every page.
 */
export const PUBLICATION_VERSIONS = ['full', 'public'] as const;
export type PublicationVersion = (typeof PUBLICATION_VERSIONS)[number];

export const PUBLICATION_VERSION_LABELS: Record<PublicationVersion, string> = {
  full: 'Full version (exempt parts marked NOT FOR PUBLICATION)',
  public: 'Public version (exempt parts withheld)',
};

/** Default DRAFT wording; the house style may change the words, never the rule. */
export const DEFAULT_DRAFT_WORDING = 'DRAFT';

/**
 * The DRAFT marking of a pack, or null for an approved pack. Every pack that is not approved
 * carries it, whatever the house style says: only the wording can change (blank wording falls
 * back to "DRAFT"), so a draft can never go out looking final.
 */
export function draftMarking(sheet: { status: string; version: string }, wording?: string): string | null {
  if (sheet.status === 'approved') return null;
  const words = wording?.trim() || DEFAULT_DRAFT_WORDING;
  const version = sheet.version.trim();
  return version ? `${words} (version ${version})` : words;
}

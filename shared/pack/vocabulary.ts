/**
 * The fixed words of a pack: security classifications, statuses and Schedule 12A paragraphs.
 * Plain constants with no zod, so the renderer can show them without loading the schemas
 * (schema.ts builds its enums from these).
 */
export const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export const STATUSES = ['draft', 'for-review', 'approved'] as const;
/** Schedule 12A, Local Government Act 1972, has paragraphs 1 to 7 of exempt information. */
export const SCHEDULE_12A_PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A section is part of the report's body or an appendix. */
export const SECTION_KINDS = ['body', 'appendix'] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];
export type Classification = (typeof CLASSIFICATIONS)[number];
export type PackStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<PackStatus, string> = {
  draft: 'Draft',
  'for-review': 'For review',
  approved: 'Approved',
};

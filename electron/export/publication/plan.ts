import type { Branding } from '../../../shared/branding/schema.js';
import { emptyReview } from '../../../shared/review/vocabulary.js';
import { accessStatus, accessSummary, packParts, partHeading, type AccessStatus, type PartInfo } from '../../../shared/pack/parts.js';
import { notForPublicationMarking, withheldNotice, type Schedule12aParagraph } from '../../../shared/pack/schedule12a.js';
import type { Pack, Section } from '../../../shared/pack/schema.js';
import { draftMarking, type PublicationVersion } from '../../../shared/publication/versions.js';
import { editorStateFromParagraphs } from '../../../shared/richtext/editorState.js';
import { consultationParagraph } from '../../../shared/clearance/consultation.js';

/**
 * What one version of a report is made of, decided once, before any writer (Word, HTML/PDF,
 * agenda pack) sees the pack. For the public version the writers are given a pack that no
 * longer holds any exempt words at all: each exempt part is replaced by a new section made
 * only of its label and the statutory notice, the whole report's sections by one notice when
 * the report is exempt, and review records (comments, suggestions) and clearance comments are
 * dropped. So nothing a writer does, now or later (headings, contents, bookmarks, comments,
 * alt text, document properties), can reach exempt text: it is not in its input.
 */
export interface PlannedPart {
  section: Section;
  info: PartInfo;
  /** The heading printed for the part (an appendix's label joined to its title). */
  heading: string;
  /** Set on parts printed with NOT FOR PUBLICATION (full version only). */
  notForPublication: Schedule12aParagraph | null;
  /** True for the notice standing in for a withheld part (public version). */
  withheld: boolean;
}

export interface PublicationPlan {
  version: PublicationVersion;
  /** The pack the writers read: the original (full) or the sanitised copy (public). */
  pack: Pack;
  parts: PlannedPart[];
  status: AccessStatus;
  /** The front sheet's "Exempt information" line for this version. */
  accessLine: string;
  /** "DRAFT (version 0.4)" for an unapproved pack, else null. */
  draft: string | null;
  /** The classification marking in capitals. */
  marking: string;
  /** Set when the whole report is exempt and this is the full version: every page is marked. */
  wholeNotForPublication: { paragraph: Schedule12aParagraph | null } | null;
  /** Whether the public version differs from the full one (the report has exempt information). */
  hasExemptInformation: boolean;
  /**
   * The consultation paragraph from the sign-offs, judged on the whole report (the public copy
   * has other content, so its hash would never match what the officers cleared). It names
   * roles and references only, never sign-off comments.
   */
  consultation: string | null;
}

function noticeSection(id: string, title: string, notice: string, kind: Section['kind']): Section {
  return { id, title, guidance: '', ...(kind ? { kind } : {}), content: editorStateFromParagraphs([notice]) };
}

export function wholeReportNotice(paragraph: Schedule12aParagraph | null): string {
  return paragraph
    ? withheldNotice('This report', paragraph)
    : 'This report is not for publication because it contains exempt information under Part 1 of Schedule 12A to the Local Government Act 1972.';
}

/** A section id not used in the pack, for a notice that stands in for withheld parts. */
function freshId(pack: Pack, wanted: string): string {
  const taken = new Set(pack.sections.map((s) => s.id));
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  return id;
}

/** The public copy of a pack: exempt parts replaced by notices, no review data, no guidance. */
export function publicPack(pack: Pack): { pack: Pack; noticeIds: Set<string> } {
  const status = accessStatus(pack);
  const parts = packParts(pack.sections);
  const noticeIds = new Set<string>();
  let sections: Section[];
  if (status.kind === 'exempt') {
    const id = freshId(pack, 'withheld-report');
    noticeIds.add(id);
    sections = [noticeSection(id, 'Not for publication', wholeReportNotice(status.paragraph), undefined)];
  } else {
    sections = pack.sections.map((section, i) => {
      const part = parts[i]!;
      if (part.exemptParagraph === null) return { ...section, guidance: '' };
      const id = freshId(pack, `withheld-${i + 1}`);
      noticeIds.add(id);
      return noticeSection(id, part.label, withheldNotice(part.label, part.exemptParagraph), section.kind);
    });
  }
  const copy: Pack = {
    format: pack.format,
    formatVersion: pack.formatVersion,
    id: pack.id,
    createdAt: pack.createdAt,
    updatedAt: pack.updatedAt,
    frontSheet: { ...pack.frontSheet, wardsAffected: [...pack.frontSheet.wardsAffected] },
    sections,
    ...(pack.template ? { template: { ...pack.template } } : {}),
    // Comments and suggestions are clearance work, never published; sign-off comments neither.
    review: emptyReview(),
    clearance: {
      required: pack.clearance.required.map((r) => ({ ...r })),
      signOffs: Object.fromEntries(Object.entries(pack.clearance.signOffs).map(([id, s]) => [id, { ...s, comment: '' }])),
    },
  };
  return { pack: copy, noticeIds };
}

export function planPublication(pack: Pack, version: PublicationVersion, branding: Pick<Branding, 'draftWording'>): PublicationPlan {
  const status = accessStatus(pack);
  const hasExemptInformation = status.kind !== 'public';
  const { pack: source, noticeIds } = version === 'public' && hasExemptInformation ? publicPack(pack) : { pack, noticeIds: new Set<string>() };
  const infos = packParts(source.sections);
  const parts = source.sections.map((section, i): PlannedPart => {
    const info = infos[i]!;
    const isNotice = noticeIds.has(section.id);
    return {
      section,
      info: isNotice ? { ...info, exemptParagraph: null } : info,
      heading: isNotice ? section.title : partHeading(info, section.title),
      notForPublication: version === 'full' ? info.exemptParagraph : null,
      withheld: isNotice,
    };
  });
  const wholeExempt = status.kind === 'exempt';
  return {
    version,
    pack: source,
    parts,
    status,
    accessLine: version === 'public' && status.kind === 'part-exempt' ? `${accessSummary(status)}. The exempt parts are not included in this version` : accessSummary(status),
    draft: draftMarking(pack.frontSheet, branding.draftWording),
    marking: pack.frontSheet.classification.trim().toUpperCase(),
    wholeNotForPublication: wholeExempt && version === 'full' ? { paragraph: status.paragraph } : null,
    hasExemptInformation,
    consultation: consultationParagraph(pack),
  };
}

/** The marking line at the top and bottom of a page: classification, then DRAFT when due. */
export function markingLine(plan: Pick<PublicationPlan, 'marking' | 'draft'>): string {
  return [plan.marking, plan.draft].filter(Boolean).join(' \u2013 ');
}

/** The NOT FOR PUBLICATION line for a page of an exempt part (full version), or null. */
export function exemptLine(plan: PublicationPlan, paragraph: Schedule12aParagraph | null | undefined): string | null {
  if (plan.wholeNotForPublication) return notForPublicationMarking(plan.wholeNotForPublication.paragraph);
  return paragraph ? notForPublicationMarking(paragraph) : null;
}

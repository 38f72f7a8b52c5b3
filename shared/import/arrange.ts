import type { ImportPart, PartDestination } from './types.js';

/**
 * Where the parts of an imported document go, shared by the preview (renderer) and the
 * import itself (back end) so both agree. Into a template, each part whose heading matches a
 * template section's title goes there; the rest go to the section the user picks (or become
 * sections of their own). A part placed inside another section keeps its heading, one level
 * down, so nothing it said is lost.
 */

/** Words of a title for matching: lower case, "&" as "and", numbering ("1.", "2.3", "A)") and punctuation gone. */
export function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/^\s*(?:(?:\d+[.)]?)+|[a-z][.)]|[ivxlcdm]+[.)])\s+/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w));
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'and', 'our', 'with', 'between', 'through', 'from']);

/** How alike two titles are, 0 to 1: 1 for the same words, else the share of words in common (Dice). */
export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  if (wa.join(' ') === wb.join(' ')) return 1;
  const sb = new Set(wb);
  const common = new Set(wa.filter((w) => sb.has(w))).size;
  const score = (2 * common) / (new Set(wa).size + sb.size);
  // A short heading wholly inside a longer title ("Summary" in "Introduction and summary") counts as a match.
  const contained = wa.every((w) => sb.has(w)) || wb.every((w) => new Set(wa).has(w));
  return contained ? Math.max(score, 0.75) : score;
}

export const MATCH_THRESHOLD = 0.6;

/** The template section a part's title matches best, if any is close enough. */
export function bestMatch(title: string, sectionTitles: readonly string[]): number | null {
  let best: number | null = null;
  let bestScore = MATCH_THRESHOLD;
  sectionTitles.forEach((candidate, index) => {
    const score = titleSimilarity(title, candidate);
    if (score > bestScore || (score === bestScore && best === null && score >= MATCH_THRESHOLD)) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Default destinations. Without a template, each part is a section. With one, matched parts
 * go to their section (each template section takes at most the best-matching part by title;
 * others that also match follow it, inside), the rest to `restInto` (a template section
 * index) or, with null, become sections of their own after the template's.
 */
export function defaultDestinations(parts: readonly ImportPart[], templateTitles: readonly string[] | null, restInto: number | null): Record<string, PartDestination> {
  const out: Record<string, PartDestination> = {};
  for (const part of parts) {
    if (!templateTitles) {
      out[part.key] = { kind: 'own' };
      continue;
    }
    const match = part.title ? bestMatch(part.title, templateTitles) : null;
    if (match !== null) out[part.key] = { kind: 'template', index: match };
    else out[part.key] = restInto !== null && restInto >= 0 && restInto < templateTitles.length ? { kind: 'template', index: restInto } : { kind: 'own' };
  }
  return out;
}

/** A section of the result: a template section (index) or a part of its own, and what goes in it. */
export interface PlannedSection {
  title: string;
  templateIndex: number | null;
  /** Parts in it, in document order; `asHeading` parts keep their title as a heading inside. */
  parts: Array<{ key: string; asHeading: boolean }>;
  words: number;
}

/**
 * The sections the import will produce. Template sections come first in the template's
 * order (empty ones too: they keep the template's guidance); parts of their own follow in
 * document order. Inside a template section, a part whose title is the section's own match is
 * placed without its heading; any other part keeps its heading.
 */
export function planSections(parts: readonly ImportPart[], destinations: Record<string, PartDestination>, templateTitles: readonly string[] | null): PlannedSection[] {
  const planned: PlannedSection[] = (templateTitles ?? []).map((title, index) => ({ title, templateIndex: index, parts: [], words: 0 }));
  const own: PlannedSection[] = [];
  const titleTaken = new Set<number>(); // template sections already holding their same-titled part
  for (const part of parts) {
    const destination = destinations[part.key] ?? { kind: 'own' };
    if (destination.kind === 'skip') continue;
    if (destination.kind === 'template' && planned[destination.index]) {
      const section = planned[destination.index]!;
      const sameTitle = part.kind === 'heading' && !titleTaken.has(destination.index) && titleSimilarity(part.title, section.title) >= MATCH_THRESHOLD;
      if (sameTitle) titleTaken.add(destination.index);
      section.parts.push({ key: part.key, asHeading: part.kind === 'heading' && !sameTitle });
      section.words += part.words;
      continue;
    }
    own.push({ title: part.title || 'Introduction', templateIndex: null, parts: [{ key: part.key, asHeading: false }], words: part.words });
  }
  return [...planned, ...own];
}

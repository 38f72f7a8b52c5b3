import type { SearchMatch, SearchSnippet } from '../../shared/api/contract.js';
import type { IndexedPack } from './packDocument.js';
import { normaliseTerm, tokensWithPositions } from './terms.js';

/** Characters of context shown around the first matching word. */
const CONTEXT_BEFORE = 60;
const SNIPPET_LENGTH = 200;
/** At most this many sections are listed under one pack in the results. */
export const MAX_MATCHES_PER_PACK = 3;

interface Hits {
  count: number;
  ranges: Array<[number, number]>;
}

/** Letters with accents or other marks: text holding them needs the per-word comparison. */
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F]/;

/** The matched terms as one regular expression matching whole words, case-insensitively. */
function termPattern(terms: ReadonlySet<string>): RegExp | null {
  if (terms.size === 0) return null;
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * Where in `text` the matched index terms occur (positions of whole words). Plain text is
 * scanned with one regular expression (fast on long sections); text with accented letters
 * is compared word by word through normaliseTerm, so "cafe" still highlights "café".
 */
function hitsIn(text: string, terms: ReadonlySet<string>, pattern: RegExp | null): Hits {
  const ranges: Array<[number, number]> = [];
  if (!text || !pattern) return { count: 0, ranges };
  if (ACCENTED.test(text)) {
    for (const token of tokensWithPositions(text)) {
      if (terms.has(normaliseTerm(token.text))) ranges.push([token.start, token.end]);
    }
  } else {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  return { count: ranges.length, ranges };
}

/**
 * A window of `text` around its first hit, with highlight ranges relative to the window.
 * The window starts and ends on word boundaries and says with "…" where it was cut.
 */
export function snippetOf(text: string, ranges: ReadonlyArray<readonly [number, number]>): SearchSnippet {
  // Each whitespace character becomes one space (not collapsed) so the ranges still line up.
  const oneLine = text.replace(/\s/g, ' ');
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - CONTEXT_BEFORE);
  if (start > 0) {
    // Prefer starting at the paragraph or sentence holding the match, if it starts nearby.
    const before = text.slice(Math.max(0, first - CONTEXT_BEFORE - 40), first);
    const boundary = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('. ') + 1);
    if (boundary > 0) start = first - before.length + boundary + 1;
    else {
      const space = oneLine.indexOf(' ', start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    while (start < first && oneLine[start] === ' ') start++;
  }
  let end = Math.min(oneLine.length, start + SNIPPET_LENGTH);
  if (end < oneLine.length) {
    const space = oneLine.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < oneLine.length ? '…' : '';
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + lead.length, e - start + lead.length] as [number, number]);
  return { text: lead + oneLine.slice(start, end) + tail, highlights };
}

/**
 * The places in one pack that explain why it matched: its sections ranked by how many
 * matching words they hold, then the title and front sheet when no section text matched.
 */
export function matchesIn(doc: IndexedPack, matchedTerms: readonly string[]): SearchMatch[] {
  const terms = new Set(matchedTerms.map(normaliseTerm));
  const pattern = termPattern(terms);
  const sections = doc.sections
    .map((section, order) => {
      const inText = hitsIn(section.text, terms, pattern);
      const inTitle = hitsIn(section.title, terms, pattern);
      return { section, order, inText, inTitle, score: inText.count + 2 * inTitle.count };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_MATCHES_PER_PACK)
    .map<SearchMatch>(({ section, inText, inTitle }) => ({
      sectionId: section.id,
      where: section.title || 'Untitled section',
      snippet: inText.count > 0 ? snippetOf(section.text, inText.ranges) : inTitle.count > 0 && section.text ? snippetOf(section.text, []) : snippetOf(section.title, inTitle.ranges),
    }));
  if (sections.length > 0) return sections;
  const inTitle = hitsIn(doc.title, terms, pattern);
  if (inTitle.count > 0) return [{ sectionId: null, where: 'Title', snippet: snippetOf(doc.title, inTitle.ranges) }];
  const inSheet = hitsIn(doc.frontSheet, terms, pattern);
  if (inSheet.count > 0) return [{ sectionId: null, where: 'Front sheet', snippet: snippetOf(doc.frontSheet, inSheet.ranges) }];
  return [];
}

import type { Pack } from '../pack/schema.js';
import type { Person } from './schema.js';
import type { SuggestionKind } from './vocabulary.js';
import { reviewMarkupOf, type SectionReviewMarkup } from './presence.js';

/**
 * One list of a pack's review items (comment threads and suggested changes) for the review
 * panel and the counts. A thread is open until resolved, whether or not its text is still
 * there (then it shows its quote); a suggestion is open while its markup is in the content
 * (accepting, rejecting or undoing it takes it out). The open section's markup comes from its
 * editor (`live`), every other section's from the stored content.
 */
export interface ReviewItem {
  kind: 'thread' | 'suggestion';
  id: string;
  sectionId: string;
  author: Person;
  at: string;
  state: 'open' | 'resolved';
  /** Thread: the quoted text; suggestion: the inserted or deleted text. */
  text: string;
  suggestionKind?: SuggestionKind;
  /** A thread whose commented text has been deleted. */
  detached?: boolean;
}

export interface ReviewIndex {
  items: ReviewItem[];
  /** Open items per section id. */
  openBySection: Map<string, number>;
  open: number;
}

export function buildReviewIndex(pack: Pack, live: { sectionId: string; markup: SectionReviewMarkup } | null): ReviewIndex {
  const markupBySection = new Map<string, SectionReviewMarkup>();
  for (const section of pack.sections) markupBySection.set(section.id, live?.sectionId === section.id ? live.markup : reviewMarkupOf(section.content));
  const threadSection = new Map<string, string>();
  const suggestionSection = new Map<string, { sectionId: string; kind: SuggestionKind; text: string }>();
  for (const [sectionId, markup] of markupBySection) {
    for (const id of markup.marks.keys()) if (!threadSection.has(id)) threadSection.set(id, sectionId);
    for (const [id, value] of markup.suggestions) if (!suggestionSection.has(id)) suggestionSection.set(id, { sectionId, ...value });
  }
  const known = new Set(pack.sections.map((s) => s.id));
  const items: ReviewItem[] = [];
  for (const thread of Object.values(pack.review.threads)) {
    const sectionId = threadSection.get(thread.id) ?? thread.sectionId;
    if (!known.has(sectionId)) continue; // its section was removed
    items.push({
      kind: 'thread',
      id: thread.id,
      sectionId,
      author: thread.author,
      at: thread.createdAt,
      state: thread.resolved ? 'resolved' : 'open',
      text: thread.quote,
      detached: thread.anchor === 'text' && !threadSection.has(thread.id),
    });
  }
  for (const [id, place] of suggestionSection) {
    const record = pack.review.suggestions[id];
    items.push({
      kind: 'suggestion',
      id,
      sectionId: place.sectionId,
      author: record?.author ?? { name: '', role: '' },
      at: record?.at ?? '',
      state: 'open',
      text: place.text || record?.text || '',
      suggestionKind: place.kind,
    });
  }
  const order = new Map(pack.sections.map((s, i) => [s.id, i]));
  items.sort((a, b) => order.get(a.sectionId)! - order.get(b.sectionId)! || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const openBySection = new Map<string, number>();
  let open = 0;
  for (const item of items) {
    if (item.state !== 'open') continue;
    open++;
    openBySection.set(item.sectionId, (openBySection.get(item.sectionId) ?? 0) + 1);
  }
  return { items, openBySection, open };
}

/** Open comments and suggestions in a stored pack (the library's count). */
export function openReviewCount(pack: Pack): number {
  return buildReviewIndex(pack, null).open;
}

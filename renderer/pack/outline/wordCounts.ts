import type { Section } from '../../../shared/pack/schema.js';
import { wordCountOf } from '../../../shared/richtext/wordCount.js';

/** Counting a long section walks its whole JSON: remember the result per content object. */
const cache = new WeakMap<object, number>();

export function savedWordCount(section: Section): number {
  let words = cache.get(section.content);
  if (words === undefined) {
    words = wordCountOf(section.content);
    cache.set(section.content, words);
  }
  return words;
}

/** Word count of each section: the open editor's live count wins over the saved content. */
export function sectionWordCounts(sections: Section[], live: Readonly<Record<string, number>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const section of sections) counts.set(section.id, live[section.id] ?? savedWordCount(section));
  return counts;
}

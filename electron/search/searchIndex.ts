import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { SearchHit } from '../../shared/api/contract.js';
import { FIELD_BOOST, SEARCH_FIELDS, fieldOf, type IndexedPack } from './packDocument.js';
import { matchesIn } from './snippet.js';
import { normaliseTerm, tokenize } from './terms.js';

/** MiniSearch options; loading a cached index must use exactly the same ones. */
export const MINISEARCH_OPTIONS: Options<IndexedPack> = {
  idField: 'file',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  extractField: (doc, field) => fieldOf(doc, field),
  tokenize: (text) => tokenize(text),
  processTerm: (term) => normaliseTerm(term),
  autoVacuum: true,
};

const QUERY_OPTIONS: SearchOptions = {
  boost: FIELD_BOOST,
  // Every word must appear somewhere in the pack: adding a word narrows the results.
  combineWith: 'AND',
  // "transp" finds "transport" while typing; long words tolerate one typo.
  prefix: true,
  fuzzy: (term) => (term.length >= 6 ? 1 : false),
};

/**
 * The full-text index of a workspace: one MiniSearch document per pack, plus the section
 * texts kept beside it so results can say which section matched and show the words in context.
 */
export class PackSearchIndex {
  private mini: MiniSearch<IndexedPack>;
  private readonly docs = new Map<string, IndexedPack>();

  constructor(mini?: MiniSearch<IndexedPack>, docs?: Iterable<IndexedPack>) {
    this.mini = mini ?? new MiniSearch<IndexedPack>(MINISEARCH_OPTIONS);
    for (const doc of docs ?? []) this.docs.set(doc.file, doc);
  }

  get size(): number {
    return this.docs.size;
  }

  has(file: string): boolean {
    return this.docs.has(file);
  }

  doc(file: string): IndexedPack | undefined {
    return this.docs.get(file);
  }

  /** Add or replace a pack. */
  put(doc: IndexedPack): void {
    if (this.docs.has(doc.file)) this.mini.discard(doc.file);
    this.mini.add(doc);
    this.docs.set(doc.file, doc);
  }

  remove(file: string): void {
    if (!this.docs.has(file)) return;
    this.mini.discard(file);
    this.docs.delete(file);
  }

  /** Ranked hits, best first, each with the sections (or fields) that matched. */
  search(query: string, limit = 50): SearchHit[] {
    if (!tokenize(query).length) return [];
    const results = this.mini.search(query, QUERY_OPTIONS);
    const hits: SearchHit[] = [];
    for (const result of results) {
      if (hits.length >= limit) break;
      const doc = this.docs.get(String(result.id));
      if (!doc) continue;
      hits.push({ file: doc.file, title: doc.title, score: result.score, matches: matchesIn(doc, result.terms) });
    }
    return hits;
  }

  /** The index and documents as plain JSON, for the on-disk cache. */
  toJSON(): { index: ReturnType<MiniSearch['toJSON']>; docs: IndexedPack[] } {
    return { index: this.mini.toJSON(), docs: [...this.docs.values()] };
  }

  static fromJSON(json: { index: unknown; docs: IndexedPack[] }): PackSearchIndex {
    const mini = MiniSearch.loadJS<IndexedPack>(json.index as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
    const index = new PackSearchIndex(mini, json.docs);
    if (mini.documentCount !== index.size) throw new Error('search cache is inconsistent');
    return index;
  }
}

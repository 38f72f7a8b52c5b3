import type { PackListEntry, PackSummary, SearchHit } from '../../shared/api/contract.js';
import type { GamechangerId } from '../../shared/gamechangers/index.js';
import { STATUSES, type Classification, type PackStatus } from '../../shared/pack/vocabulary.js';

/**
 * The library's filters and sort orders, as pure functions over the pack list and search
 * hits, so they combine the same way everywhere and are unit-tested without a browser.
 */
export interface LibraryFilters {
  status: PackStatus | 'all';
  classification: Classification | 'all';
  gamechanger: GamechangerId | 'all';
  /** Meeting date range, inclusive, YYYY-MM-DD or "" for open-ended. */
  meetingFrom: string;
  meetingTo: string;
  keyDecision: 'any' | 'yes' | 'no';
}

export type SortKey = 'relevance' | 'edited' | 'meeting' | 'title';

export const SORT_LABELS: Record<SortKey, string> = {
  relevance: 'Best match',
  edited: 'Last edited',
  meeting: 'Meeting date',
  title: 'Title (A to Z)',
};

export const NO_FILTERS: LibraryFilters = { status: 'all', classification: 'all', gamechanger: 'all', meetingFrom: '', meetingTo: '', keyDecision: 'any' };

export function hasFilters(f: LibraryFilters): boolean {
  return (Object.keys(NO_FILTERS) as Array<keyof LibraryFilters>).some((k) => f[k] !== NO_FILTERS[k]);
}

type Summary = { kind: 'pack' } & PackSummary;

/** Does a pack pass every filter? `ignoreStatus` is used for the per-status counts. */
export function passesFilters(p: PackSummary, f: LibraryFilters, ignoreStatus = false): boolean {
  if (!ignoreStatus && f.status !== 'all' && p.status !== f.status) return false;
  if (f.classification !== 'all' && p.classification !== f.classification) return false;
  if (f.gamechanger !== 'all' && !(p.gamechangerIds ?? []).includes(f.gamechanger)) return false;
  if (f.keyDecision !== 'any' && (p.keyDecision ?? false) !== (f.keyDecision === 'yes')) return false;
  if (f.meetingFrom || f.meetingTo) {
    // A pack without a meeting date cannot be inside a date range.
    if (!p.meetingDate) return false;
    if (f.meetingFrom && p.meetingDate < f.meetingFrom) return false;
    if (f.meetingTo && p.meetingDate > f.meetingTo) return false;
  }
  return true;
}

function editedAt(e: PackListEntry): string {
  return e.kind === 'pack' ? e.updatedAt : e.modifiedAt;
}

/** Comparators: newest edit first; latest meeting first (undated last); title A to Z. */
function compare(sort: SortKey): ((a: PackListEntry, b: PackListEntry) => number) | null {
  const titleOf = (e: PackListEntry) => (e.kind === 'pack' ? e.title || 'Untitled briefing' : e.file);
  const byTitle = (a: PackListEntry, b: PackListEntry) => titleOf(a).localeCompare(titleOf(b), 'en-GB', { sensitivity: 'base', numeric: true });
  const byEdited = (a: PackListEntry, b: PackListEntry) => editedAt(b).localeCompare(editedAt(a));
  switch (sort) {
    case 'edited':
      return byEdited;
    case 'title':
      return (a, b) => byTitle(a, b) || byEdited(a, b);
    case 'meeting':
      return (a, b) => {
        const da = a.kind === 'pack' ? a.meetingDate : '';
        const db = b.kind === 'pack' ? b.meetingDate : '';
        if (da !== db) return !da ? 1 : !db ? -1 : db.localeCompare(da);
        return byEdited(a, b);
      };
    case 'relevance':
      return null;
  }
}

/**
 * The rows the library shows without a search. Broken files have no front sheet to filter
 * on, so they show only while no filter is set (they are never hidden silently otherwise:
 * the count of hidden files is reported by `hiddenBroken`).
 */
export function filterAndSort(entries: readonly PackListEntry[], f: LibraryFilters, sort: SortKey): PackListEntry[] {
  const filtering = hasFilters(f);
  const kept = entries.filter((e) => (e.kind === 'pack' ? passesFilters(e, f) : !filtering));
  const cmp = compare(sort === 'relevance' ? 'edited' : sort);
  return cmp ? kept.sort(cmp) : kept;
}

export interface RankedHit {
  hit: SearchHit;
  pack: Summary;
}

/**
 * Search hits that also pass the filters, joined with their list rows. 'relevance' keeps the
 * index's ranking; the other sorts reorder the matching packs.
 */
export function filterHits(hits: readonly SearchHit[], entries: readonly PackListEntry[], f: LibraryFilters, sort: SortKey): RankedHit[] {
  const byFile = new Map<string, Summary>();
  for (const e of entries) if (e.kind === 'pack') byFile.set(e.file, e);
  const kept: RankedHit[] = [];
  for (const hit of hits) {
    const pack = byFile.get(hit.file);
    if (pack && passesFilters(pack, f)) kept.push({ hit, pack });
  }
  const cmp = compare(sort);
  return cmp ? kept.sort((a, b) => cmp(a.pack, b.pack)) : kept;
}

/** Packs per status among those passing the other filters (and the search, when given). */
export function statusCounts(entries: readonly PackListEntry[], f: LibraryFilters, onlyFiles?: ReadonlySet<string>): Record<PackStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<PackStatus, number>;
  for (const e of entries) {
    if (e.kind !== 'pack' || (onlyFiles && !onlyFiles.has(e.file))) continue;
    if (passesFilters(e, f, true)) counts[e.status]++;
  }
  return counts;
}

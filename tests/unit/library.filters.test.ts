import { describe, expect, it } from 'vitest';
import type { PackListEntry, SearchHit } from '../../shared/api/contract.js';
import { NO_FILTERS, filterAndSort, filterHits, hasFilters, passesFilters, statusCounts, type LibraryFilters } from '../../renderer/library/filters.js';

const base = { kind: 'pack' as const, meetingName: 'Cabinet', classification: 'OFFICIAL' as const, sectionCount: 3, gamechangerIds: [], keyDecision: false };
const entries: PackListEntry[] = [
  { ...base, file: 'a.briefing', title: 'Bus review', meetingDate: '2026-12-08', status: 'for-review', updatedAt: '2026-11-01T10:00:00Z', gamechangerIds: ['connectivity'], keyDecision: true },
  { ...base, file: 'b.briefing', title: 'adult skills', meetingDate: '2026-11-26', status: 'approved', updatedAt: '2026-11-20T10:00:00Z', gamechangerIds: ['education-and-skills'] },
  { ...base, file: 'c.briefing', title: 'Retrofit', meetingDate: '', status: 'draft', updatedAt: '2026-11-25T10:00:00Z', classification: 'OFFICIAL-SENSITIVE', gamechangerIds: ['green-industrial-revolution', 'connectivity'] },
  { ...base, file: 'd.briefing', title: 'Report 10', meetingDate: '2027-01-12', status: 'draft', updatedAt: '2026-10-01T10:00:00Z' },
  { kind: 'broken', file: 'x.briefing', error: { code: 'INVALID_FILE', message: 'damaged' }, modifiedAt: '2026-11-28T10:00:00Z' },
];
const files = (list: PackListEntry[]) => list.map((e) => e.file);
const f = (patch: Partial<LibraryFilters>): LibraryFilters => ({ ...NO_FILTERS, ...patch });

describe('library filters', () => {
  it('filter by status, classification, gamechanger and key decision', () => {
    expect(files(filterAndSort(entries, f({ status: 'draft' }), 'edited'))).toEqual(['c.briefing', 'd.briefing']);
    expect(files(filterAndSort(entries, f({ classification: 'OFFICIAL-SENSITIVE' }), 'edited'))).toEqual(['c.briefing']);
    expect(files(filterAndSort(entries, f({ gamechanger: 'connectivity' }), 'edited'))).toEqual(['c.briefing', 'a.briefing']);
    expect(files(filterAndSort(entries, f({ keyDecision: 'yes' }), 'edited'))).toEqual(['a.briefing']);
    expect(files(filterAndSort(entries, f({ keyDecision: 'no', status: 'draft' }), 'edited'))).toEqual(['c.briefing', 'd.briefing']);
  });

  it('meeting date range is inclusive and excludes packs without a date', () => {
    expect(files(filterAndSort(entries, f({ meetingFrom: '2026-11-26', meetingTo: '2026-12-08' }), 'meeting'))).toEqual(['a.briefing', 'b.briefing']);
    expect(files(filterAndSort(entries, f({ meetingFrom: '2027-01-01' }), 'edited'))).toEqual(['d.briefing']);
    expect(files(filterAndSort(entries, f({ meetingTo: '2026-11-30' }), 'edited'))).toEqual(['b.briefing']);
    expect(passesFilters(entries[2] as never, f({ meetingTo: '2030-01-01' }))).toBe(false);
  });

  it('broken files show only while no filter is set', () => {
    expect(files(filterAndSort(entries, NO_FILTERS, 'edited'))).toContain('x.briefing');
    expect(files(filterAndSort(entries, f({ status: 'draft' }), 'edited'))).not.toContain('x.briefing');
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters(f({ meetingTo: '2026-01-01' }))).toBe(true);
  });

  it('sorts by last edited, meeting date (latest first, undated last) and title (natural, case-insensitive)', () => {
    expect(files(filterAndSort(entries, NO_FILTERS, 'edited'))).toEqual(['x.briefing', 'c.briefing', 'b.briefing', 'a.briefing', 'd.briefing']);
    expect(files(filterAndSort(entries, NO_FILTERS, 'meeting'))).toEqual(['d.briefing', 'a.briefing', 'b.briefing', 'x.briefing', 'c.briefing']);
    expect(files(filterAndSort(entries, NO_FILTERS, 'title'))).toEqual(['b.briefing', 'a.briefing', 'd.briefing', 'c.briefing', 'x.briefing']);
  });

  it('counts packs per status among those passing the other filters and the search', () => {
    expect(statusCounts(entries, NO_FILTERS)).toEqual({ draft: 2, 'for-review': 1, approved: 1 });
    expect(statusCounts(entries, f({ status: 'approved', gamechanger: 'connectivity' }))).toEqual({ draft: 1, 'for-review': 1, approved: 0 });
    expect(statusCounts(entries, NO_FILTERS, new Set(['a.briefing', 'd.briefing']))).toEqual({ draft: 1, 'for-review': 1, approved: 0 });
  });

  it('search and filters combine: hits keep their ranking unless another sort is chosen', () => {
    const hit = (file: string, score: number): SearchHit => ({ file, title: file, score, matches: [] });
    const hits = [hit('d.briefing', 9), hit('a.briefing', 5), hit('c.briefing', 2), hit('gone.briefing', 1)];
    expect(filterHits(hits, entries, NO_FILTERS, 'relevance').map((h) => h.hit.file)).toEqual(['d.briefing', 'a.briefing', 'c.briefing']);
    expect(filterHits(hits, entries, f({ status: 'draft' }), 'relevance').map((h) => h.hit.file)).toEqual(['d.briefing', 'c.briefing']);
    expect(filterHits(hits, entries, NO_FILTERS, 'title').map((h) => h.hit.file)).toEqual(['a.briefing', 'd.briefing', 'c.briefing']);
  });
});

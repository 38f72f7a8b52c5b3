import { DateField } from '../common/DateField.js';
import { GAMECHANGERS } from '../../shared/gamechangers/index.js';
import { CLASSIFICATIONS, STATUSES, STATUS_LABELS, type PackStatus } from '../../shared/pack/vocabulary.js';
import { NO_FILTERS, SORT_LABELS, hasFilters, type LibraryFilters, type SortKey } from './filters.js';

/** Status buttons with their counts; pressing one filters to that status. */
export function StatusCounts(props: { counts: Record<PackStatus, number>; value: LibraryFilters['status']; onChange: (status: LibraryFilters['status']) => void }) {
  const total = STATUSES.reduce((n, s) => n + props.counts[s], 0);
  const options: Array<{ key: LibraryFilters['status']; label: string; count: number }> = [
    { key: 'all', label: 'All', count: total },
    ...STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], count: props.counts[s] })),
  ];
  return (
    <div className="status-counts" role="group" aria-label="Filter by status">
      {options.map((o) => (
        <button key={o.key} type="button" className={`status-count status-count-${o.key}`} aria-pressed={props.value === o.key} onClick={() => props.onChange(o.key)}>
          {o.label} <span className="count">{o.count}</span>
        </button>
      ))}
    </div>
  );
}

/** Filters (besides status) and the sort order. Native controls, so all keyboard usable. */
export function LibraryFilterBar(props: { filters: LibraryFilters; sort: SortKey; searching: boolean; onFilters: (f: LibraryFilters) => void; onSort: (s: SortKey) => void }) {
  const { filters: f } = props;
  const set = (patch: Partial<LibraryFilters>) => props.onFilters({ ...f, ...patch });
  const sorts = (Object.keys(SORT_LABELS) as SortKey[]).filter((s) => s !== 'relevance' || props.searching);
  const dateProblem = f.meetingFrom && f.meetingTo && f.meetingFrom > f.meetingTo ? 'The “from” date is after the “to” date, so no pack can match.' : null;
  return (
    <fieldset className="library-filters">
      <legend className="visually-hidden">Filters and sort</legend>
      <label className="filter">
        <span>Classification</span>
        <select value={f.classification} onChange={(e) => set({ classification: e.target.value as LibraryFilters['classification'] })}>
          <option value="all">Any</option>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Gamechanger</span>
        <select value={f.gamechanger} onChange={(e) => set({ gamechanger: e.target.value as LibraryFilters['gamechanger'] })}>
          <option value="all">Any</option>
          {GAMECHANGERS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.shortName}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Key decision</span>
        <select value={f.keyDecision} onChange={(e) => set({ keyDecision: e.target.value as LibraryFilters['keyDecision'] })}>
          <option value="any">Any</option>
          <option value="yes">Key decisions only</option>
          <option value="no">Not key decisions</option>
        </select>
      </label>
      {/* Not wrapped in the label: the calendar button inside would join the field's name. */}
      <div className="filter">
        <label htmlFor="filter-meeting-from">Meeting from</label>
        <DateField id="filter-meeting-from" label="Meeting from" value={f.meetingFrom} onChange={(meetingFrom) => set({ meetingFrom })} aria-invalid={dateProblem ? true : undefined} aria-describedby={dateProblem ? 'date-range-problem' : undefined} />
      </div>
      <div className="filter">
        <label htmlFor="filter-meeting-to">Meeting to</label>
        <DateField id="filter-meeting-to" label="Meeting to" value={f.meetingTo} onChange={(meetingTo) => set({ meetingTo })} aria-invalid={dateProblem ? true : undefined} aria-describedby={dateProblem ? 'date-range-problem' : undefined} />
      </div>
      <label className="filter">
        <span>Sort by</span>
        <select value={props.sort} onChange={(e) => props.onSort(e.target.value as SortKey)}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="filter-clear" disabled={!hasFilters(f)} onClick={() => props.onFilters(NO_FILTERS)}>
        Clear filters
      </button>
      {dateProblem && (
        <p id="date-range-problem" className="field-error">
          {dateProblem}
        </p>
      )}
    </fieldset>
  );
}

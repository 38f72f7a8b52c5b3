import { useEffect, useState } from 'react';
import { NO_FILTERS, type LibraryFilters, type SortKey } from './filters.js';

export interface LibraryView {
  query: string;
  filters: LibraryFilters;
  sort: SortKey;
}

const KEY = 'briefing-library-view';
const DEFAULT_VIEW: LibraryView = { query: '', filters: NO_FILTERS, sort: 'edited' };

/** Search, filters and sort survive opening a pack and coming back (for this window only). */
function readView(): LibraryView {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<LibraryView> | null;
    if (!stored || typeof stored !== 'object') return DEFAULT_VIEW;
    return {
      query: typeof stored.query === 'string' ? stored.query : '',
      filters: { ...NO_FILTERS, ...(stored.filters ?? {}) },
      sort: stored.sort ?? 'edited',
    };
  } catch {
    return DEFAULT_VIEW;
  }
}

export function useLibraryView() {
  const [view, setView] = useState<LibraryView>(readView);
  useEffect(() => {
    sessionStorage.setItem(KEY, JSON.stringify(view));
  }, [view]);
  return {
    ...view,
    setQuery: (query: string) =>
      setView((v) => ({
        ...v,
        query,
        // Typing a search switches to best-match order; clearing it goes back to last edited.
        sort: query.trim() && !v.query.trim() ? 'relevance' : !query.trim() && v.sort === 'relevance' ? 'edited' : v.sort,
      })),
    setFilters: (filters: LibraryFilters) => setView((v) => ({ ...v, filters })),
    setSort: (sort: SortKey) => setView((v) => ({ ...v, sort })),
  };
}

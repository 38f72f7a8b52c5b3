import { useEffect, useRef, useState } from 'react';
import type { SearchResults } from '../../shared/api/contract.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';

/** Wait this long after the last keystroke before asking the index. */
export const SEARCH_DELAY_MS = 150;

/**
 * Search as the user types: debounced, and a slow answer to an old query never replaces the
 * answer to a newer one. `refreshKey` re-runs the same query (e.g. after the list reloads).
 */
export function useLibrarySearch(query: string, refreshKey: number) {
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);

  // Warm the index as the library opens (an empty query only brings it up to date), so the
  // first real search does not wait for a large workspace to be read.
  useEffect(() => {
    host.searchPacks({ query: '' }).catch(() => undefined);
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    const ticket = ++latest.current;
    if (!trimmed) {
      setResults(null);
      setError(null);
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      host.searchPacks({ query: trimmed, limit: 200 }).then(
        (found) => {
          if (ticket !== latest.current) return;
          setResults(found);
          setError(null);
          setSearching(false);
        },
        (err: unknown) => {
          if (ticket !== latest.current) return;
          setError(messageOf(err));
          setSearching(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, refreshKey]);

  return { results: query.trim() ? results : null, error, searching };
}

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FindController, FindState } from './findController.js';

/** The pack screen's find and replace, for its find bar and the open section's editor. */
export const FindContext = createContext<FindController | null>(null);

export function useFind(): FindController | null {
  return useContext(FindContext);
}

const CLOSED = null;

/** The find state, re-rendering on change (null outside a pack screen). */
export function useFindState(find: FindController | null): FindState | null {
  return useSyncExternalStore(find?.store.subscribe ?? noSubscribe, () => find?.state ?? CLOSED);
}

const noSubscribe = () => () => undefined;

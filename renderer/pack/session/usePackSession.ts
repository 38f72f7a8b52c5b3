import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { host } from '../../host/hostClient.js';
import { hostReachability, onHostReachability } from '../../host/hostTransport.js';
import { indexedDbStash, type BrowserStash } from '../../recovery/browserStash.js';
import { clearRestoreRequest, hasRestoreRequest } from '../../recovery/restoreRequest.js';
import { takePrefetchedPack } from '../packPrefetch.js';
import { PackSession } from './PackSession.js';
import type { PackSessionState } from './types.js';

/**
 * The React side of a pack session: makes one PackSession per open file, starts it, mirrors
 * its state into React state, and disposes of it when the pack closes. The session (null for
 * the first render) is returned too, for hooks that add parts to it.
 */
export function usePackSession(file: string): { session: PackSession | null; state: PackSessionState | null } {
  const [session, setSession] = useState<PackSession | null>(null);
  const [state, setState] = useState<PackSessionState | null>(null);

  useEffect(() => {
    const wantsRestore = hasRestoreRequest(file);
    const next = new PackSession({
      host,
      file,
      prefetched: takePrefetchedPack(file),
      wantsRestore,
      onRestoreHandled: () => clearRestoreRequest(file),
      // The opened pack renders synchronously, in the task it arrives in (see PackSession.start).
      renderNow: (apply) => flushSync(apply),
      // The browser host can stop and start again under an open tab (issue 13: reconnection).
      ...(window.briefing ? {} : { connection: { current: hostReachability, subscribe: onHostReachability }, stash: browserStash() }),
    });
    const unsubscribe = next.store.subscribe(() => setState(next.store.get()));
    setSession(next);
    setState(next.store.get());
    void next.start();
    return () => {
      unsubscribe();
      next.dispose();
    };
  }, [file]);

  return { session: session?.file === file ? session : null, state: session?.file === file ? state : null };
}

let stash: BrowserStash | null | undefined;
/** One IndexedDB handle for the page, opened when first needed. */
function browserStash(): BrowserStash | null {
  if (stash === undefined) stash = indexedDbStash();
  return stash;
}

/** Warn before closing the window or reloading with edits not yet on disk (and try to save them). */
export function useUnloadGuard(session: PackSession | null): void {
  useEffect(() => {
    if (!session) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (session.hasUnsavedChanges()) {
        void session.journalNow();
        void session.saveNow();
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [session]);
}

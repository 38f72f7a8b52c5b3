import type { OpenedPack, RecoveredPack } from '../../shared/api/contract.js';
import { callHost } from '../host/hostTransport.js';

/**
 * Opening a pack from a URL (start-up on ?pack=…, a reload): ask the host for the pack as the
 * very first thing the page does, from a tiny script of its own (renderer/prefetch.ts) that
 * runs while the page is still being read, instead of after the app's code has loaded and
 * React has rendered the pack screen. The host reads and checks the pack meanwhile. Imports
 * only the transport (no zod, no React). The answer waits on `window` for the app.
 *
 * usePackDocument takes the answer (once) for the same file; any later open (reload from disk,
 * another pack, a second visit) asks the host afresh, so nothing stale is ever shown.
 */
export interface PrefetchedPack {
  opened: Promise<OpenedPack>;
  /** The recovery check the pack screen makes before showing the pack (null if it failed). */
  recovered: Promise<RecoveredPack | null>;
}

declare global {
  interface Window {
    briefingPrefetch?: { file: string } & PrefetchedPack;
  }
}

export function prefetchPackFromUrl(search: string = window.location.search): void {
  const file = new URLSearchParams(search).get('pack');
  if (!file) return;
  const opened = callHost('openPack', { file }) as Promise<OpenedPack>;
  // Errors are handled by whoever takes the promise; never an unhandled rejection meanwhile.
  // The mark is read by the editor benchmark to show where the open time goes.
  opened.then(() => performance.mark('briefing:pack-received'), () => undefined);
  const recovered = (callHost('getRecovered', { file }) as Promise<RecoveredPack | null>).catch(() => null);
  window.briefingPrefetch = { file, opened, recovered };
}

/** The prefetched open of `file`, if one was started for it and not yet taken. */
export function takePrefetchedPack(file: string): PrefetchedPack | null {
  const found = window.briefingPrefetch;
  delete window.briefingPrefetch;
  return found && found.file === file ? found : null;
}

import type { OpenedPack, RecoveredPack } from '../../shared/api/contract.js';
import { callHost } from '../host/hostTransport.js';

/**
 * Opening a pack from a URL (start-up on ?pack=…, a reload): ask the host for the pack as the
 * very first thing the page does, instead of after React has rendered the pack screen and run
 * its effects (~150-250 ms later). The host reads and checks the pack while the browser is
 * still compiling and starting the app and the editor. Imports only the transport (no zod,
 * no React), so it runs from the page's small entry script.
 *
 * usePackDocument takes the answer (once) for the same file; any later open (reload from disk,
 * another pack, a second visit) asks the host afresh, so nothing stale is ever shown.
 */
export interface PrefetchedPack {
  opened: Promise<OpenedPack>;
  /** The recovery check the pack screen makes before showing the pack (null if it failed). */
  recovered: Promise<RecoveredPack | null>;
}
let pending: ({ file: string } & PrefetchedPack) | null = null;

export function prefetchPackFromUrl(search: string = window.location.search): void {
  const file = new URLSearchParams(search).get('pack');
  if (!file) return;
  const opened = callHost('openPack', { file }) as Promise<OpenedPack>;
  // Errors are handled by whoever takes the promise; never an unhandled rejection meanwhile.
  // The mark is read by the editor benchmark to show where the open time goes.
  opened.then(() => performance.mark('briefing:pack-received'), () => undefined);
  const recovered = (callHost('getRecovered', { file }) as Promise<RecoveredPack | null>).catch(() => null);
  pending = { file, opened, recovered };
}

/** The prefetched open of `file`, if one was started for it and not yet taken. */
export function takePrefetchedPack(file: string): PrefetchedPack | null {
  const found = pending;
  pending = null;
  return found && found.file === file ? found : null;
}

import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { preloadLazyParts } from './common/LazyPart.js';

/** The parts not needed to open a pack are fetched a few seconds in, so they never compete with it. */
const PRELOAD_AFTER_MS = 3000;
/**
 * How long the first render waits for a pack the page's first script asked for. The host has
 * usually read it already (it starts when it serves the page), so the answer is there or
 * nearly; waiting that long instead of painting "Opening pack…" first saves a render and a paint.
 */
const PACK_WAIT_MS = 60;

/**
 * React and the app. The first render runs synchronously, effects included, so when the pack
 * is already in hand the pack screen and its editor are set up before the browser first
 * paints (measured: ~25 ms sooner editable than painting "Opening pack…" first). A slower
 * answer only means that message shows until it arrives.
 */
export async function startApp(): Promise<void> {
  performance.mark('briefing:app-start');
  const prefetched = window.briefingPrefetch;
  if (prefetched) {
    const answered = Promise.allSettled([prefetched.opened, prefetched.recovered]);
    await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, PACK_WAIT_MS))]);
  }
  const root = createRoot(document.getElementById('root')!);
  flushSync(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  setTimeout(() => requestIdleCallback(preloadLazyParts, { timeout: 5000 }), PRELOAD_AFTER_MS);
}

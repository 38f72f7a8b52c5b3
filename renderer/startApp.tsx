import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { preloadLazyParts } from './common/LazyPart.js';

const PRELOAD_AFTER_MS = 3000;

/** React and the app. */
export function startApp(): void {
  performance.mark('briefing:app-start');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The parts not needed to open a pack (settings, export, templates), once the app has
  // settled: a few seconds in, so they never compete with the pack being opened.
  setTimeout(() => requestIdleCallback(preloadLazyParts, { timeout: 5000 }), PRELOAD_AFTER_MS);
}

// The page's entry script is deliberately tiny: it asks the host for a pack named in the URL
// (pack/packPrefetch.ts) before the browser has to compile React, zod and the app (~400 kB),
// then loads the app. The app and editor chunks are fetched in parallel with this script
// (modulepreload links added by vite.config.ts), so splitting costs no extra round trip.
import { prefetchPackFromUrl } from './pack/packPrefetch.js';
import './styles.css';

prefetchPackFromUrl();

import('./startApp.js').then(
  (m) => m.startApp(),
  () => {
    document.getElementById('root')!.textContent = 'Briefing Studio could not start: part of the app failed to load. Close it and open it again; your saved work is safe.';
  },
);

import { prefetchPackFromUrl } from './packPrefetch.js';

// Imported first by main.tsx, so this runs before React and the rest of the app are
// evaluated (imports run in order; a call in main.tsx's own body would run after all of them).
prefetchPackFromUrl();

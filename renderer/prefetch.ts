// The page's first script, loaded on its own before the stylesheet and the app (see
// vite.config.ts): a few hundred bytes that ask the host for the pack named in the URL while
// the browser is still reading the page and the app's code.
import { prefetchPackFromUrl } from './pack/packPrefetch.js';

prefetchPackFromUrl();

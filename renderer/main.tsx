// The app: one classic script (see vite.config.ts). The pack named in the URL has already been
// asked for by the page's first script (prefetch.ts).
import './zodWithoutEval.js';
import './styles.css';
import { startApp } from './startApp.js';

void startApp();

// First, before React and the rest of the app are evaluated: a pack named in the URL is
// asked for at once, so the host reads it while the page starts (pack/packPrefetch.ts).
import './pack/prefetchOnStart.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

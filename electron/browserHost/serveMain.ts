import { main } from './serve.js';

// Entry point of dist/electron/serve.cjs (kept apart so tests can import serve.ts freely).
void main();

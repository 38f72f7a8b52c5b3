import { runCli } from './cli.js';

// Entry point of dist/electron/cli.cjs (kept apart so tests can import cli.ts freely).
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

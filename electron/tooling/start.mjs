// `npm start`: build, then launch the desktop app, or explain plainly why it cannot start.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildAll } from './build.mjs';

const require = createRequire(import.meta.url);
const { electronRuntimePath, MISSING_RUNTIME_MESSAGE } = require('./electronRuntime.cjs');
const { root } = require('./stale.cjs');

const runtime = electronRuntimePath();
if (!runtime) {
  console.error(MISSING_RUNTIME_MESSAGE);
  process.exit(1);
}
try {
  await buildAll();
} catch (err) {
  console.error(`Build failed: ${err?.message ?? err}`);
  process.exit(1);
}
const child = spawn(runtime, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

// `npm start`: build, then launch the desktop app. Where the Electron runtime is missing it is
// fetched first, as Electron's installer would (electronFetch.mjs); where that fails, or no
// window can be shown, one plain paragraph says why and what works instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildAll } from './build.mjs';
import { displayProblem, fetchElectronRuntime, reasonOf } from './electronFetch.mjs';

const require = createRequire(import.meta.url);
const { electronPackageDir, electronRuntimePath, MISSING_RUNTIME_MESSAGE } = require('./electronRuntime.cjs');
const { root } = require('./stale.cjs');

function fail(message) {
  console.error(message);
  process.exit(1);
}

const noDisplay = displayProblem();
if (noDisplay) fail(noDisplay);

let runtime = electronRuntimePath();
if (!runtime) {
  const electronDir = electronPackageDir();
  if (!electronDir) fail(`${MISSING_RUNTIME_MESSAGE}\n(The electron package itself is not installed: run \`npm install\` first.)`);
  try {
    runtime = await fetchElectronRuntime({ electronDir });
  } catch (err) {
    fail(`The download failed: ${reasonOf(err)}.\n\n${MISSING_RUNTIME_MESSAGE}`);
  }
  runtime = electronRuntimePath() ?? runtime;
}
try {
  await buildAll();
} catch (err) {
  fail(`Build failed: ${err?.message ?? err}`);
}
const child = spawn(runtime, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', (err) => fail(`The Electron runtime at ${runtime} could not be started: ${err.message}`));
child.on('exit', (code) => process.exit(code ?? 0));

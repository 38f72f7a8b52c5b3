// Finds the Electron runtime WITHOUT triggering the electron package's download (which
// `require('electron')` does when the binary is missing). Used by `npm start` and the
// Electron smoke test.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** The installed electron package's folder, or undefined where npm did not install it. */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function electronRuntimePath() {
  const electronDir = electronPackageDir();
  if (!electronDir) return undefined;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(candidate) ? candidate : undefined;
  }
  if (!relative) return undefined;
  const candidate = path.join(electronDir, 'dist', relative);
  return existsSync(candidate) ? candidate : undefined;
}

const MISSING_RUNTIME_MESSAGE = [
  'Briefing Studio cannot start as a desktop app here because the Electron runtime is missing:',
  'npm installed the electron package, but its program files (node_modules/electron/dist, about',
  '110 MB from github.com/electron/electron/releases) are not there and could not be downloaded.',
  'To get them, run `npm start` again where the internet can be reached (set HTTPS_PROXY for a',
  'proxy, or ELECTRON_MIRROR for a mirror of Electron\'s releases), or point',
  'ELECTRON_OVERRIDE_DIST_PATH at a folder holding an Electron 45.5.0 runtime. You can use',
  'Briefing Studio without it: `npm run serve` starts the same app in your web browser, with the',
  'same files.',
].join('\n');

module.exports = { electronPackageDir, electronRuntimePath, MISSING_RUNTIME_MESSAGE };

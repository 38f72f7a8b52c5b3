// Is dist/ older than the sources? Shared by build.mjs and the CLI launcher (CommonJS so the
// launcher can use it without starting a second Node process).
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const stampFile = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['shared', 'electron', 'renderer', 'resources', 'package.json', 'vite.config.ts'];

function newestMtime(full) {
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(full)) {
    if (name !== 'node_modules') newest = Math.max(newest, newestMtime(path.join(full, name)));
  }
  return newest;
}

function isBuildStale() {
  if (!existsSync(stampFile)) return true;
  const sources = Math.max(...SOURCES.map((entry) => newestMtime(path.join(root, entry))));
  return statSync(stampFile).mtimeMs < sources;
}

module.exports = { root, stampFile, isBuildStale };

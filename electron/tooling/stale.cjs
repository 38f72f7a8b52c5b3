// Is dist/ older than the sources? Shared by build.mjs and the CLI launcher (CommonJS so the
// launcher can use it without starting a second Node process).
'use strict';
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const stampFile = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['shared', 'electron', 'renderer', 'resources', 'package.json', 'vite.config.ts'];
/** What the CLI bundle is built from (it has nothing from the renderer or resources). */
const CLI_SOURCES = ['shared', 'electron', 'package.json'];

// One stat per entry (no separate exists check): the launcher runs this before every command.
function newestMtime(full) {
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(full)) {
    if (name !== 'node_modules') newest = Math.max(newest, newestMtime(path.join(full, name)));
  }
  return newest;
}

function isBuildStale(sources = SOURCES) {
  const stamp = statSync(stampFile, { throwIfNoEntry: false });
  if (!stamp) return true;
  return sources.some((entry) => newestMtime(path.join(root, entry)) > stamp.mtimeMs);
}

module.exports = { root, stampFile, isBuildStale, SOURCES, CLI_SOURCES };

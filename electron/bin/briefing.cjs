#!/usr/bin/env node
// `npx briefing …`: builds the app first if the sources changed (e.g. straight after
// npm install), then runs the CLI bundle.
'use strict';
const path = require('node:path');
const { root, isBuildStale, CLI_SOURCES } = require('../tooling/stale.cjs');

if (isBuildStale(CLI_SOURCES)) {
  const { spawnSync } = require('node:child_process');
  const build = spawnSync(process.execPath, [path.join(root, 'electron', 'tooling', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// With a V8 code cache: startup is a large share of a short export.
require('../tooling/requireWithCodeCache.cjs').requireWithCodeCache(path.join(root, 'dist', 'electron', 'cli.cjs'), process.argv[2]);

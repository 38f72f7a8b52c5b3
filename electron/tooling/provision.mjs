// `npm test` step 1: finds the programs the browser and document tests drive, installs the
// missing ones where it can (Debian or Ubuntu as root: apt-get; elsewhere Playwright's own
// Chromium download), and otherwise stops at once with one plain line per missing program and
// the command that installs it. Then it names the tests that will be skipped on this machine
// and why, so a skip is never silent. Plain Node; tested in tests/unit/provision.test.ts.
//
// Environment (for tests and unusual machines):
//   BRIEFING_PROVISION_PATH     search only these folders (PATH syntax) instead of PATH and the
//                               usual install locations
//   BRIEFING_PROVISION_INSTALL  "never": do not install, only report; "dry-run": say what would
//                               be installed and stop as if it failed
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What the tests need. `commands`: any one of them found will do (all of `allOf` must be).
 * `debian`: the package; `brew`: the Homebrew formula or cask, for the line printed elsewhere.
 */
export const TOOLS = [
  {
    id: 'chromium',
    what: 'Chromium, the browser the end-to-end tests drive and the PDF export renders in',
    commands: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    envNames: ['BRIEFING_CHROMIUM', 'CHROMIUM_PATH'],
    debian: 'chromium',
    brew: '--cask chromium',
    playwright: true,
  },
  {
    id: 'soffice',
    what: 'LibreOffice, which lays out the exported Word files (and is the second PDF engine)',
    commands: ['soffice', 'libreoffice'],
    envNames: ['BRIEFING_SOFFICE'],
    debian: 'libreoffice-writer-nogui',
    brew: '--cask libreoffice',
    // soffice alone is not enough: removing the Writer package leaves soffice behind (from
    // libreoffice-core), and it then exits 0 without converting a .docx. Writer's library must
    // sit beside the real soffice (Linux; elsewhere LibreOffice ships whole).
    linuxCompanions: ['libswlo.so'],
  },
  {
    id: 'poppler',
    what: 'poppler (pdftotext, pdfinfo, pdffonts), which reads the exported PDFs back',
    allOf: ['pdftotext', 'pdfinfo', 'pdffonts'],
    debian: 'poppler-utils',
    brew: 'poppler',
  },
  { id: 'qpdf', what: 'qpdf, which checks the PDFs’ structure and bookmarks', allOf: ['qpdf'], debian: 'qpdf', brew: 'qpdf' },
  { id: 'xmllint', what: 'xmllint, which validates the Word files against the OOXML schemas', allOf: ['xmllint'], debian: 'libxml2-utils', brew: 'libxml2' },
  {
    id: 'python-docx',
    what: 'python-docx (for /usr/bin/python3), an independent reader of the exported Word files',
    files: ['/usr/lib/python3/dist-packages/docx/__init__.py'],
    linuxOnly: true,
    debian: 'python3-docx',
    brew: 'python && pip3 install python-docx',
  },
  {
    id: 'fonts',
    what: 'Liberation fonts (Arial’s metrics), so PDFs and LibreOffice lay pages out as on Windows',
    files: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf'],
    linuxOnly: true,
    debian: 'fonts-liberation',
    brew: '--cask font-liberation',
  },
];

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function searchDirs(env) {
  const own = env.BRIEFING_PROVISION_PATH;
  const dirs = (own ?? env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return own !== undefined ? dirs : [...dirs, '/usr/bin', '/usr/local/bin', '/usr/lib/libreoffice/program', '/opt/libreoffice/program'];
}

/** The program, if the folder its real file lives in holds every companion file too. */
function withCompanions(file, companions) {
  if (!file || !companions?.length) return file;
  let dir;
  try {
    dir = path.dirname(realpathSync(file));
  } catch {
    return undefined;
  }
  return companions.every((c) => isFile(path.join(dir, c))) ? file : undefined;
}

function onPath(name, dirs) {
  return dirs.map((dir) => path.join(dir, name)).find(isFile);
}

function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const file = require('@playwright/test').chromium.executablePath();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Where each tool is (or undefined). Pure apart from looking at the file system. */
export function findTools(env = process.env, platform = process.platform) {
  const dirs = searchDirs(env);
  const restricted = env.BRIEFING_PROVISION_PATH !== undefined;
  const found = {};
  for (const tool of TOOLS) {
    if (tool.linuxOnly && platform !== 'linux') continue;
    let where;
    if (!restricted) where = (tool.envNames ?? []).map((n) => env[n]).find((f) => f && isFile(f));
    const companions = platform === 'linux' ? tool.linuxCompanions : undefined;
    if (where) where = withCompanions(where, companions);
    if (!where && tool.commands) where = tool.commands.map((c) => withCompanions(onPath(c, dirs), companions)).find(Boolean);
    if (!where && tool.allOf) {
      const all = tool.allOf.map((c) => onPath(c, dirs));
      where = all.every(Boolean) ? all.join(', ') : undefined;
    }
    // With the search narrowed, a font counts only if it is in one of the given folders.
    if (!where && tool.files) where = restricted ? tool.files.map((f) => onPath(path.basename(f), dirs)).find(Boolean) : tool.files.find(isFile);
    if (!where && tool.playwright && !restricted) where = playwrightChromium();
    found[tool.id] = where;
  }
  return found;
}

/** Debian or Ubuntu (or a derivative), from /etc/os-release. */
export function isDebianLike(osRelease = readOsRelease()) {
  const ids = `${osRelease.ID ?? ''} ${osRelease.ID_LIKE ?? ''}`.split(/\s+/);
  return ids.includes('debian') || ids.includes('ubuntu');
}

function readOsRelease() {
  try {
    const pairs = readFileSync('/etc/os-release', 'utf8').split('\n').map((l) => /^([A-Z_]+)=(.*)$/.exec(l)).filter(Boolean);
    return Object.fromEntries(pairs.map((m) => [m[1], m[2].replace(/^"|"$/g, '')]));
  } catch {
    return {};
  }
}

/** How missing tools can be installed here: 'apt', 'playwright' (Chromium only) or none. */
export function installRoute({ env = process.env, platform = process.platform, uid = process.getuid?.(), debianLike = isDebianLike(), aptGet = onPath('apt-get', searchDirs({ PATH: env.PATH })) } = {}) {
  if (env.BRIEFING_PROVISION_INSTALL === 'never') return 'none';
  if (platform === 'linux' && uid === 0 && debianLike && aptGet) return 'apt';
  return 'playwright';
}

/** The one plain line for a tool that is missing. */
export function missingLine(tool, platform = process.platform) {
  const how = platform === 'darwin' ? `brew install ${tool.brew}` : `sudo apt-get install -y ${tool.debian}`;
  const orElse = tool.playwright ? ' (or `npx playwright install chromium`)' : '';
  return `Missing: ${tool.what}. Install it with: ${how}${orElse}`;
}

/** Tests that will be skipped on this machine, each with why: printed so no skip is silent. */
export function expectedSkips({ env = process.env, platform = process.platform, uid = process.getuid?.() } = {}) {
  const skips = [];
  const require = createRequire(import.meta.url);
  const { electronRuntimePath } = require('./electronRuntime.cjs');
  if (!env.BRIEFING_PACKAGED_APP && !electronRuntimePath()) {
    skips.push('tests/e2e/electron.spec.ts (the desktop smoke test): no Electron runtime here; `npm start` downloads it');
  } else if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    skips.push('tests/e2e/electron.spec.ts (the desktop smoke test): no display; run the tests under `xvfb-run -a npm test`');
  }
  if (platform !== 'linux' || uid !== 0) {
    skips.push('the tmpfs and read-only mount tests in tests/unit/safetyAtomic.test.ts and tests/e2e/safety.spec.ts: they need Linux and root');
  } else {
    skips.push('“a read-only shared folder gives a plain permission error” in tests/unit/templates.library.test.ts: root ignores file permissions');
  }
  return skips;
}

function aptInstall(packages, log) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`Running: apt-get update && apt-get install -y ${packages.join(' ')}`);
  const started = Date.now();
  const ok = run(['update', '-qq']).status === 0 && run(['install', '-y', '-qq', ...packages]).status === 0;
  log(`apt-get ${ok ? 'finished' : 'failed'} after ${Math.round((Date.now() - started) / 1000)} s.`);
  return ok;
}

function playwrightInstall(log) {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '@playwright', 'test', 'cli.js');
  log('Running: npx playwright install chromium (Playwright’s own Chromium download, about 170 MB)');
  try {
    execFileSync(process.execPath, [cli, 'install', 'chromium'], { stdio: ['ignore', 'inherit', 'inherit'] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Check, install what can be installed, check again. Returns the exit code (0: all there).
 * `only`: tool ids to check (e.g. just Chromium before the browser tests alone).
 */
export function provision({ env = process.env, platform = process.platform, only, log = (l) => console.log(l), error = (l) => console.error(l), quiet = false } = {}) {
  const wanted = TOOLS.filter((t) => !only || only.includes(t.id)).filter((t) => !(t.linuxOnly && platform !== 'linux'));
  const missingNow = () => {
    const found = findTools(env, platform);
    return wanted.filter((t) => !found[t.id]);
  };
  let missing = missingNow();
  const route = installRoute({ env, platform });
  if (missing.length && env.BRIEFING_PROVISION_INSTALL !== 'never') {
    if (route === 'apt') {
      log(`The tests need programs this machine lacks; installing them with apt-get (Debian packages):`);
      for (const t of missing) log(`  ${t.debian}: ${t.what}`);
      if (env.BRIEFING_PROVISION_INSTALL === 'dry-run') log('(dry run: nothing installed)');
      else aptInstall(missing.map((t) => t.debian), log);
    } else if (missing.some((t) => t.playwright)) {
      log('Chromium is missing; the tests need it, so Playwright will download its own.');
      if (env.BRIEFING_PROVISION_INSTALL === 'dry-run') log('(dry run: nothing installed)');
      else playwrightInstall(log);
    }
    missing = missingNow();
  }
  if (missing.length) {
    error('The tests cannot run: these programs are missing and could not be installed here.');
    for (const t of missing) error(missingLine(t, platform));
    if (platform === 'linux' && isDebianLike()) error(`All at once: sudo apt-get install -y ${missing.map((t) => t.debian).join(' ')}`);
    return 1;
  }
  if (!quiet) {
    log(`Test tools found: ${wanted.map((t) => t.id).join(', ')}.`);
    const skips = expectedSkips({ env, platform });
    if (skips.length) {
      log('Skipped on this machine, and why:');
      for (const s of skips) log(`  - ${s}`);
    }
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1]?.split(',') : undefined;
  process.exitCode = provision({ only, quiet: args.includes('--quiet') });
}

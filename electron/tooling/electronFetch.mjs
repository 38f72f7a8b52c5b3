// Fetches the Electron runtime the way Electron's own installer (node_modules/electron/install.js)
// does, for `npm start` on a machine where `npm install` ran without it (ignore-scripts, a failed
// postinstall, an offline install later brought online). Plain Node, no Electron: tested in
// tests/unit/startRuntime.test.ts against a local mirror on 127.0.0.1.
//
// Same sources as install.js, so the same settings work: @electron/get (mirror from
// ELECTRON_MIRROR / npm_config_electron_mirror, cache in electron_config_cache or its default,
// proxies through HTTPS_PROXY / HTTP_PROXY / NO_PROXY), checksums from the electron package's
// checksums.json unless electron_use_remote_checksums asks for the mirror's SHASUMS256.txt, and
// the zip unpacked by the same extractor (@electron-internal/extract-zip), with path.txt written.
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the runtime's executable lives inside the unpacked zip (install.js's getPlatformPath). */
export function platformPath(platform = process.platform) {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** Any proxy setting the user gave, in either case (curl's and npm's convention). */
export function proxyConfigured(env = process.env) {
  return ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ELECTRON_GET_USE_PROXY'].some((k) => !!env[k]);
}

/** Where the runtime should be unpacked: ELECTRON_OVERRIDE_DIST_PATH if given, else electron/dist. */
export function distFolder(electronDir, env = process.env) {
  return env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * A progress reporter that writes one line: rewritten in place on a terminal, and at most every
 * 10 % (so a log stays short) elsewhere.
 */
export function progressLine(label, stream = process.stderr) {
  let lastTenth = -1;
  return {
    update({ transferred, total, percent }) {
      const text = total ? `${label}: ${Math.floor(percent * 100)}% of ${mb(total)}` : `${label}: ${mb(transferred)}`;
      if (stream.isTTY) {
        stream.write(`\r${text}\u001b[K`);
        return;
      }
      const tenth = total ? Math.floor(percent * 10) : Math.floor(transferred / 10e6);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}

/**
 * Downloads (or takes from the cache) the runtime for the installed electron package and
 * unpacks it. Returns the path of the executable. Throws with the downloader's own reason
 * (the caller turns it into the plain paragraph).
 */
export async function fetchElectronRuntime({ electronDir, env = process.env, log = process.stderr } = {}) {
  const electronRequire = createRequire(path.join(electronDir, 'package.json'));
  const { version } = JSON.parse(await fs.readFile(path.join(electronDir, 'package.json'), 'utf8'));
  const get = await import(pathToFileURL(electronRequire.resolve('@electron/get')).href);
  if (proxyConfigured(env)) get.initializeProxy();

  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  const remoteChecksums = env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums;
  const checksumsFile = path.join(electronDir, 'checksums.json');
  const checksums = remoteChecksums || !existsSync(checksumsFile) ? undefined : JSON.parse(await fs.readFile(checksumsFile, 'utf8'));

  const progress = progressLine(`Downloading the Electron ${version} runtime (${platform}-${arch})`, log);
  log.write(`The Electron runtime is missing; fetching it once as Electron's installer would (from ${env.ELECTRON_MIRROR || env.npm_config_electron_mirror || 'github.com/electron/electron/releases'}).\n`);
  const zip = await get.downloadArtifact({
    version,
    artifactName: 'electron',
    platform,
    arch,
    force: env.force_no_cache === 'true',
    cacheRoot: env.electron_config_cache || env.ELECTRON_CACHE || undefined,
    checksums,
    downloadOptions: { quiet: true, getProgressCallback: (p) => progress.update(p) },
  });
  progress.done();

  const dist = distFolder(electronDir, env);
  log.write(`Unpacking it into ${path.relative(process.cwd(), dist) || dist} …\n`);
  await fs.mkdir(dist, { recursive: true });
  const { extract } = await import(pathToFileURL(electronRequire.resolve('@electron-internal/extract-zip')).href);
  await extract(zip, { dir: path.resolve(dist) });
  // As install.js: type definitions shipped in the zip move up; path.txt names the executable.
  // With ELECTRON_OVERRIDE_DIST_PATH the electron package itself is left as it is.
  if (!env.ELECTRON_OVERRIDE_DIST_PATH) {
    const typeDefs = path.join(dist, 'electron.d.ts');
    if (existsSync(typeDefs)) await fs.rename(typeDefs, path.join(electronDir, 'electron.d.ts'));
    await fs.writeFile(path.join(electronDir, 'path.txt'), platformPath(platform));
  }
  const executable = path.join(dist, platformPath(platform));
  if (!existsSync(executable)) throw new Error(`the downloaded zip has no ${platformPath(platform)} in it`);
  return executable;
}

/** Whether a window can be shown: on Linux (and the BSDs) that needs an X or Wayland display. */
export function displayProblem(env = process.env, platform = process.platform) {
  if (platform === 'win32' || platform === 'darwin') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return [
    'Briefing Studio cannot open its window here: there is no display (neither DISPLAY nor',
    'WAYLAND_DISPLAY is set, as on a server or over plain SSH). Run `npm run serve` instead: it',
    'starts the same app at a http://127.0.0.1 address you can open in a browser (over SSH, forward',
    'the port), or run `xvfb-run -a npm start` to start the desktop app on a virtual screen.',
  ].join('\n');
}

/** One line for why the download failed, without a stack trace. */
export function reasonOf(err) {
  const parts = [];
  for (let e = err; e && parts.length < 3; e = e.cause) {
    const text = e.code && !String(e.message).includes(e.code) ? `${e.message} (${e.code})` : e.message ?? String(e);
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(': ') || 'unknown error';
}


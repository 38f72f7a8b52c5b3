import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` where the Electron runtime is missing: it is fetched as Electron's installer would
 * (ELECTRON_MIRROR, the cache, checksums), unpacked and launched; where the download fails the
 * plain paragraph is printed. The real launcher runs in a child process against a real HTTP
 * mirror on 127.0.0.1. ELECTRON_OVERRIDE_DIST_PATH points at a temp folder and the cache is a
 * temp folder, so node_modules/electron and the user's cache are never touched.
 */
const root = path.resolve('.');
const start = path.join(root, 'electron/tooling/start.mjs');
const { version } = JSON.parse(await fs.readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;

let tmp: string;
let server: http.Server;
let mirror: string;
const requests: string[] = [];

/** A stand-in runtime: a tiny script named as Electron's executable that says it ran, and how. */
function fakeRuntimeZip(): Uint8Array {
  const script = '#!/bin/sh\nif [ -n "$BRIEFING_FAKE_ELECTRON" ]; then echo "fake electron ran with: $*"; exit 0; fi\nexit 3\n';
  const unixMode = (0o100755 << 16) >>> 0; // regular file, rwxr-xr-x, in the zip's external attributes
  return zipSync({
    electron: [new TextEncoder().encode(script), { os: 3, attrs: unixMode }],
    version: [new TextEncoder().encode(`v${version}`), { os: 3, attrs: (0o100644 << 16) >>> 0 }],
  });
}

function runStart(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ELECTRON_|electron_|npm_config_electron)/i.test(k))) as Record<string, string>;
  return new Promise((resolve) => {
    execFile(process.execPath, [start], { env: { ...base, ELECTRON_GET_NO_PROGRESS: '', ...env }, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-start-'));
  const zip = fakeRuntimeZip();
  const shasums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const name = path.posix.basename(req.url ?? '');
    const body = name === zipName ? zip : name === 'SHASUMS256.txt' ? Buffer.from(shasums) : undefined;
    if (!body) {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('`npm start` gets its Electron runtime', () => {
  it('fetches the runtime from ELECTRON_MIRROR, checks it against SHASUMS256.txt, unpacks it and launches it', async () => {
    const dist = path.join(tmp, 'dist');
    const cache = path.join(tmp, 'cache');
    const env = { DISPLAY: ':99', ELECTRON_MIRROR: mirror, ELECTRON_OVERRIDE_DIST_PATH: dist, electron_config_cache: cache, electron_use_remote_checksums: '1', BRIEFING_FAKE_ELECTRON: '1' };
    const first = await runStart(env);
    expect(first.stderr).toMatch(/Electron runtime is missing; fetching it/);
    expect(first.stderr).toMatch(new RegExp(`Downloading the Electron ${version.replace(/\./g, '\\.')} runtime \\(${process.platform}-${process.arch}\\): 100% of`));
    expect(first.stdout).toContain(`fake electron ran with: ${root}`);
    expect(first.code).toBe(0);
    expect(requests).toContain(`/v${version}/${zipName}`);
    expect(requests).toContain(`/v${version}/SHASUMS256.txt`);
    expect((await fs.stat(path.join(dist, 'electron'))).mode & 0o111).not.toBe(0);
    expect(await fs.readFile(path.join(dist, 'version'), 'utf8')).toBe(`v${version}`);
    // The electron package itself is left alone when the runtime goes to ELECTRON_OVERRIDE_DIST_PATH.
    expect(existsSync(path.join(root, 'node_modules/electron/dist/electron'))).toBe(false);

    // Unpacked already: the next start launches without asking the mirror.
    const before = requests.length;
    const second = await runStart(env);
    expect(second.stdout).toContain('fake electron ran with:');
    expect(second.stderr).not.toMatch(/fetching/);
    expect(requests.length).toBe(before);

    // Runtime folder gone but the zip in the cache: taken from there, no second download of the zip.
    await fs.rm(dist, { recursive: true });
    const third = await runStart(env);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('fake electron ran with:');
    expect(requests.slice(before).filter((r) => r.endsWith('.zip'))).toEqual([]);
  }, 240_000);

  it('goes through the proxy in HTTP_PROXY (the mirror’s name resolves nowhere else)', async () => {
    // A forward proxy on 127.0.0.1 that sends every request, tunnelled or not, to the mirror.
    const mirrorPort = (server.address() as AddressInfo).port;
    const seen: string[] = [];
    const proxy = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const target = new URL(req.url ?? '/');
      const upstream = http.request({ host: '127.0.0.1', port: mirrorPort, path: target.pathname, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    proxy.on('connect', (req, socket, head) => {
      seen.push(`CONNECT ${req.url}`);
      const upstream = net.connect(mirrorPort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const env = {
        DISPLAY: ':99',
        ELECTRON_MIRROR: 'http://electron-mirror.invalid/',
        HTTP_PROXY: proxyUrl,
        HTTPS_PROXY: proxyUrl,
        NO_PROXY: '',
        ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'dist-proxy'),
        electron_config_cache: path.join(tmp, 'cache-proxy'),
        electron_use_remote_checksums: '1',
        BRIEFING_FAKE_ELECTRON: '1',
      };
      const result = await runStart(env);
      expect(result.stderr).not.toMatch(/download failed/);
      expect(result.stdout).toContain('fake electron ran with:');
      expect(result.code).toBe(0);
      expect(seen.some((r) => r.includes('electron-mirror.invalid'))).toBe(true);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  }, 120_000);

  it('refuses a zip whose checksum does not match (the electron package’s own checksums.json) and says what to do', async () => {
    const env = { DISPLAY: ':99', ELECTRON_MIRROR: mirror, ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'dist-bad'), electron_config_cache: path.join(tmp, 'cache-bad') };
    const result = await runStart(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The download failed: .*checksum/i);
    expect(result.stderr).toMatch(/npm run serve/);
    expect(existsSync(path.join(tmp, 'dist-bad', 'electron'))).toBe(false);
  }, 120_000);

  it('offline (the mirror refuses connections): one plain paragraph, no stack trace, exit code 1', async () => {
    // A port that was just free and is now closed: the connection is refused at once.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const env = { DISPLAY: ':99', ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'dist-offline'), electron_config_cache: path.join(tmp, 'cache-offline') };
    const result = await runStart(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The download failed: .*ECONNREFUSED/);
    expect(result.stderr).toMatch(/Electron runtime is missing/);
    expect(result.stderr).toMatch(/`npm run serve` starts the same app in your web browser/);
    expect(result.stderr).toMatch(/ELECTRON_MIRROR/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('with no display on Linux, says so and suggests `npm run serve` (before downloading anything)', async () => {
    if (process.platform !== 'linux') return;
    const before = requests.length;
    const result = await runStart({ DISPLAY: '', WAYLAND_DISPLAY: '', ELECTRON_MIRROR: mirror, ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp, 'dist-nodisplay') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/there is no display/);
    expect(result.stderr).toMatch(/npm run serve/);
    expect(requests.length).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import os from 'node:os';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer, SECURITY_HEADERS, type RunningServer } from '../../electron/browserHost/serve.js';
import { createServices } from '../../electron/services.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { MAX_JSON_DEPTH } from '../../electron/limits.js';
import { hostilePaths, makeHostileLayout, SECRET_TITLE, type HostileLayout } from '../support/hostilePaths.js';

/**
 * The real browser host (startServer) on a real loopback socket, driven with raw HTTP so
 * request paths and headers reach the server exactly as written (no client normalisation).
 */
interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SMALL_BODY_LIMIT = 64 * 1024;
let layout: HostileLayout;
let rendererDir: string;
let server: RunningServer;
let hostHeader: string;

beforeAll(async () => {
  layout = await makeHostileLayout();
  rendererDir = path.join(layout.root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(layout.root, 'server-secret.txt'), 'SERVER SECRET');
  await writeFile(path.join(rendererDir, '.env'), 'HIDDEN SECRET');
  await symlink(path.join(layout.root, 'server-secret.txt'), path.join(rendererDir, 'assets', 'leak.js'));
  const handlers = createServices({
    platform: { host: 'browser', appVersion: 'test', dataDir: layout.dataDir, trash: moveToFolderTrash },
    workspaceOverride: layout.workspaceDir,
  });
  server = await startServer({ handlers, rendererDir, maxBodyBytes: SMALL_BODY_LIMIT });
  hostHeader = `127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await rm(layout.root, { recursive: true, force: true });
});

/** Send bytes exactly as given and read the whole response (Connection: close). */
function raw(request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      const payload = rest.join('\r\n\r\n');
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: headers['transfer-encoding'] === 'chunked' ? dechunk(payload) : payload });
    });
    // write, not end: a half-closed socket makes Node's server drop the request unanswered.
    socket.write(request);
  });
}

function get(pathname: string, extra = ''): Promise<RawResponse> {
  return raw(`GET ${pathname} HTTP/1.1\r\nHost: ${hostHeader}\r\n${extra}Connection: close\r\n\r\n`);
}

function post(method: string, body: string, headers: Record<string, string | undefined> = {}): Promise<RawResponse> {
  const all: Record<string, string | undefined> = {
    Host: hostHeader,
    Authorization: `Bearer ${server.token}`,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...headers,
  };
  const lines = Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return raw(`POST /api/${method} HTTP/1.1\r\n${lines}\r\n\r\n${body}`);
}

describe('browser host: who may call', () => {
  it('answers a correct call', async () => {
    const res = await post('listPacks', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).ok).toBe(true);
  });

  it('binds the loopback interface only', async () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
    // From this machine's other addresses (what the network would reach) nothing answers.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && a.family === 'IPv4')
      .map((a) => a.address);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect(server.port, address);
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  const tokenCases: Array<[string, string | undefined]> = [
    ['no token', undefined],
    ['an empty token', 'Bearer '],
    ['a wrong token of the same length', `Bearer ${'0'.repeat(64)}`],
    ['a prefix of the token', `Bearer ${'x'.slice(0, 0)}TOKENPREFIX`],
    ['the token with extra characters', 'Bearer TOKENPLUS'],
    ['the token without "Bearer"', 'TOKENONLY'],
    ['Basic authentication', 'Basic dXNlcjpwYXNz'],
  ];
  for (const [label, header] of tokenCases) {
    it(`refuses ${label}`, async () => {
      const value = header?.replace('TOKENPREFIX', server.token.slice(0, 32)).replace('TOKENPLUS', `${server.token}00`).replace('TOKENONLY', server.token);
      const res = await post('createPack', JSON.stringify({ title: 'Token test' }), { Authorization: value });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    });
  }

  const hostCases = ['evil.example', `evil.example:${0}`, '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example', '', `127.0.0.1.nip.io:PORT`, '[::1]:PORT'];
  for (const host of hostCases) {
    it(`refuses Host "${host}" (DNS rebinding)`, async () => {
      const res = await post('listPacks', '{}', { Host: host.replace('PORT', String(server.port)) || undefined });
      expect(res.status === 421 || res.status === 400).toBe(true);
      const page = await get('/', '').then(() => raw(`GET / HTTP/1.1\r\nHost: ${host.replace('PORT', String(server.port))}\r\nConnection: close\r\n\r\n`));
      expect(page.status === 421 || page.status === 400).toBe(true);
      expect(page.body).not.toContain('<title>app</title>');
    });
  }

  it('accepts localhost:PORT as well as 127.0.0.1:PORT', async () => {
    expect((await post('listPacks', '{}', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  const originCases = ['https://evil.example', 'http://evil.example', 'null', `http://127.0.0.1:${1}`, 'http://127.0.0.1', 'https://127.0.0.1:PORT', 'file://', 'app://briefing'];
  for (const origin of originCases) {
    it(`refuses Origin "${origin}"`, async () => {
      const res = await post('createPack', JSON.stringify({ title: 'Origin test' }), { Origin: origin.replace('PORT', String(server.port)) });
      expect(res.status).toBe(403);
    });
  }

  it('accepts its own origin', async () => {
    expect((await post('listPacks', '{}', { Origin: server.origin })).status).toBe(200);
  });

  it('refuses cross-site fetch metadata', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expect((await post('listPacks', '{}', { 'Sec-Fetch-Site': site })).status).toBe(403);
    }
    expect((await post('listPacks', '{}', { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('created nothing for any refused call', async () => {
    const list = JSON.parse((await post('listPacks', '{}')).body) as { result: { entries: Array<{ file: string }> } };
    expect(list.result.entries.map((e) => e.file).filter((f) => /test/i.test(f))).toEqual([]);
  });
});

describe('browser host: bodies', () => {
  it('refuses a body over the size limit (sent)', async () => {
    const body = JSON.stringify({ title: 'x'.repeat(SMALL_BODY_LIMIT + 10) });
    const res = await post('createPack', body);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses a body over the size limit (declared, never sent)', async () => {
    const res = await raw(
      `POST /api/createPack HTTP/1.1\r\nHost: ${hostHeader}\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: ${10 ** 12}\r\nConnection: close\r\n\r\n{`,
    );
    expect(res.status).toBe(413);
  });

  it('refuses deeply nested JSON before parsing it', async () => {
    const depth = 20_000; // 40 kB: under the size limit, far over the depth limit
    const res = await post('createPack', '['.repeat(depth) + ']'.repeat(depth));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(new RegExp(`nested more than ${MAX_JSON_DEPTH} levels`));
    // nesting inside strings does not count
    const ok = await post('createPack', JSON.stringify({ title: '[[[[{{{{'.repeat(30) }));
    expect(ok.status).toBe(200);
  });

  it('refuses bodies that are not JSON', async () => {
    expect((await post('createPack', '{"title": ')).status).toBe(400);
    expect((await post('createPack', 'title=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('createPack', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('refuses other HTTP methods on the API', async () => {
    const res = await raw(`GET /api/listPacks HTTP/1.1\r\nHost: ${hostHeader}\r\nAuthorization: Bearer ${server.token}\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(405);
  });

  it('refuses unknown and malformed method names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', '%E0%A4%A', '..%2flistPacks', 'listPacks%00']) {
      const res = await post(name, '{}');
      expect(res.status, name).toBe(404);
    }
  });
});

describe('browser host: static files', () => {
  it('serves the app with security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>app</title>');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()]).toBe(value);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends the security headers on API answers and errors too', async () => {
    for (const res of [await post('listPacks', '{}'), await post('listPacks', '{}', { Authorization: undefined }), await get('/nope.js')]) {
      expect(res.headers['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  const traversal = [
    '/../server-secret.txt',
    '/../../server-secret.txt',
    '/assets/../../server-secret.txt',
    '/%2e%2e/server-secret.txt',
    '/%2E%2E%2Fserver-secret.txt',
    '/assets/%2e%2e/%2e%2e/server-secret.txt',
    '/..%2fserver-secret.txt',
    '/..%5cserver-secret.txt',
    '/..\\server-secret.txt',
    '/assets\\..\\..\\server-secret.txt',
    '/%252e%252e/server-secret.txt',
    '/.%2e/server-secret.txt',
    '/%c0%ae%c0%ae/server-secret.txt',
    '/\uff0e\uff0e/server-secret.txt',
    '/assets/leak.js',
    '/.env',
    '/%2eenv',
    '/index.html%00.js',
    '/%00',
    '//server-secret.txt',
    `/${layout_placeholder()}`,
    '/C:/Windows/win.ini',
    '/\\\\server\\share\\x',
  ];
  it(`refuses ${traversal.length} static-file traversal attempts`, async () => {
    for (const requestPath of traversal) {
      const target = requestPath.replace('ABSOLUTE_SECRET', path.join(layout.root, 'server-secret.txt').slice(1));
      const res = await raw(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`, 'utf8'));
      expect(res.body, requestPath).not.toContain('SERVER SECRET');
      expect(res.body, requestPath).not.toContain('HIDDEN SECRET');
      expect([400, 404], `${requestPath} -> ${res.status}`).toContain(res.status);
    }
  });
});

describe('browser host: path confinement', () => {
  it('refuses every hostile path over HTTP, in every path-taking method', async () => {
    const before = await layout.snapshot();
    const created = JSON.parse((await post('createPack', JSON.stringify({ title: 'Mine' }))).body);
    const pack = created.result.pack;
    const list = hostilePaths(layout);
    expect(list.length).toBeGreaterThanOrEqual(20);
    for (const file of list) {
      const calls: Array<[string, unknown]> = [
        ['openPack', { file }],
        ['savePack', { file, pack: { ...pack, frontSheet: { ...pack.frontSheet, title: 'OVERWRITTEN' } }, baseRevision: null }],
        ['duplicatePack', { file }],
        ['renamePack', { file, title: 'Renamed' }],
        ['deletePack', { file }],
      ];
      for (const [method, args] of calls) {
        const res = await post(method, JSON.stringify(args));
        const envelope = JSON.parse(res.body);
        const label = `${method}(${JSON.stringify(file.slice(0, 50))})`;
        expect(envelope.ok, label).toBe(false);
        expect(['INVALID_ARGUMENT', 'PERMISSION'], `${label} -> ${envelope.error.code}`).toContain(envelope.error.code);
        expect(res.body).not.toContain(SECRET_TITLE);
      }
    }
    expect(await layout.snapshot()).toBe(before);
  });
});

function layout_placeholder(): string {
  return 'ABSOLUTE_SECRET';
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const i = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, i), 16);
    if (!size) return out;
    out += rest.slice(i + 2, i + 2 + size);
    rest = rest.slice(i + 2 + size + 2);
  }
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { startServer, MAX_BODY_BYTES, type RunningServer } from '../../electron/browserHost/serve.js';
import { createServices } from '../../electron/services.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
let server: RunningServer;
let workspace: string;
let rendererDir: string;

beforeEach(async () => {
  workspace = await tempDir('ws');
  rendererDir = await tempDir('renderer');
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Briefing Studio</title>');
  const handlers = createServices({
    platform: { host: 'browser', appVersion: 'test', dataDir: await tempDir('data'), trash: moveToFolderTrash },
    workspaceOverride: workspace,
  });
  server = await startServer({ handlers, rendererDir });
});
afterEach(() => server.close());

/** A raw HTTP request, so Host, Origin and the path go out exactly as written. */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path, headers: options.headers, setHost: !options.headers?.Host }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });

describe('browser host', () => {
  it('binds loopback and prints a URL carrying the token in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[0-9a-f]{64}$`));
  });

  it('answers a valid call with the same services as the app', async () => {
    const created = await request({ path: '/api/createPack', headers: auth(), body: JSON.stringify({ title: 'Health' }) });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, result: { file: 'Health.briefing' } });
    await expect(fs.readdir(workspace)).resolves.toContain('Health.briefing');
  });

  it('refuses an API call without the token (401) or with a wrong one', async () => {
    const missing = await request({ path: '/api/listPacks', body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.message).toMatch(/access token/);
    const wrong = await request({ path: '/api/listPacks', headers: { Authorization: `Bearer ${'0'.repeat(64)}` }, body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('rejects a wrong Host header (DNS rebinding)', async () => {
    const res = await request({ path: '/api/listPacks', headers: { ...auth(), Host: `evil.example:${server.port}` }, body: '{}' });
    expect(res.status).toBe(421);
    const page = await request({ method: 'GET', path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(421);
  });

  it('rejects a foreign Origin', async () => {
    const res = await request({ path: '/api/listPacks', headers: { ...auth(), Origin: 'https://evil.example' }, body: '{}' });
    expect(res.status).toBe(403);
    const ok = await request({ path: '/api/listPacks', headers: { ...auth(), Origin: server.origin }, body: '{}' });
    expect(ok.status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const res = await request({ path: '/api/listPacks', headers: auth(), body: big });
    expect(res.status).toBe(413);
  });

  it('answers an unknown method with 404', async () => {
    const res = await request({ path: '/api/formatHardDisk', headers: auth(), body: '{}' });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error.message).toMatch(/no method called "formatHardDisk"/);
  });

  it('answers invalid arguments with 400 and the schema message', async () => {
    const res = await request({ path: '/api/openPack', headers: auth(), body: JSON.stringify({ file: '../../etc/passwd' }) });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.message).toMatch(/Invalid arguments for openPack: file: must be a \.briefing file name/);
    const notJson = await request({ path: '/api/listPacks', headers: auth(), body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('maps service errors to typed envelopes', async () => {
    const res = await request({ path: '/api/openPack', headers: auth(), body: JSON.stringify({ file: 'Missing.briefing' }) });
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/could not be found/) } });
  });

  it('serves the renderer with security headers and never files outside it', async () => {
    const page = await request({ method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Briefing Studio');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    for (const attempt of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await request({ method: 'GET', path: attempt });
      expect(res.body).not.toContain('root:');
    }
  });

  it('lets the browser keep content-hashed build files without asking again; the page itself is always checked', async () => {
    await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await fs.writeFile(path.join(rendererDir, 'assets', 'startApp-CDHImy_b.js'), 'export {};');
    await fs.writeFile(path.join(rendererDir, 'assets', 'notes.js'), 'export {};');
    const hashed = await request({ method: 'GET', path: '/assets/startApp-CDHImy_b.js' });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const plain of ['/', '/assets/notes.js']) {
      const res = await request({ method: 'GET', path: plain });
      expect(res.headers['cache-control']).toBe('no-cache');
      const again = await request({ method: 'GET', path: plain, headers: { 'If-None-Match': String(res.headers.etag) } });
      expect(again.status).toBe(304);
    }
  });
});

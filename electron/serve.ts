import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { HostHandlers } from '../shared/api/contract.js';
import { dispatch } from './dispatch.js';
import { createServices } from './services.js';
import { moveToFolderTrash } from './workspace/folderTrash.js';
import { appVersion, defaultDataDir, rendererDistDir } from './appPaths.js';

/**
 * The browser host: the same services as the desktop app, over HTTP on 127.0.0.1, for
 * machines without the Electron runtime and for the end-to-end tests.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface ServerOptions {
  handlers: HostHandlers;
  port?: number;
  token?: string;
  rendererDir?: string;
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const rendererDir = path.resolve(options.rendererDir ?? rendererDistDir());
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'UNKNOWN', message: 'The host failed to answer.' } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS-rebinding defence: only our own loopback host names are served.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return send(res, 421, { ok: false, error: { code: 'PERMISSION', message: 'Wrong Host header.' } });
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Method not allowed.' } });
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(originHost(origin))) {
      return send(res, 403, { ok: false, error: { code: 'PERMISSION', message: 'Requests from other sites are refused.' } });
    }
    if (!tokenMatches(req.headers.authorization)) {
      return send(res, 401, { ok: false, error: { code: 'PERMISSION', message: 'Missing or wrong access token. Open the address printed by `npm run serve`.' } });
    }
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Use POST.' } });
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      return send(res, 413, { ok: false, error: { code: 'INVALID_ARGUMENT', message: `The request is larger than ${Math.round(maxBody / 1024 / 1024)} MB.` } }, true);
    }
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return send(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' } });
    }
    const outcome = await dispatch(options.handlers, method, args);
    if (outcome.kind === 'unknown-method') {
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `There is no method called "${method}".` } });
    }
    if (outcome.kind === 'invalid-arguments') return send(res, 400, outcome.envelope);
    return send(res, 200, outcome.envelope);
  }

  function tokenMatches(header: string | undefined): boolean {
    const given = Buffer.from((header ?? '').replace(/^Bearer\s+/i, ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  async function serveStatic(res: http.ServerResponse, pathname: string): Promise<void> {
    const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = path.resolve(rendererDir, relative || 'index.html');
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) {
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
    }
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch {
      // Unknown paths without an extension are app routes: serve the app itself.
      if (path.extname(file)) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
      file = path.join(rendererDir, 'index.html');
      try {
        data = await fs.readFile(file);
      } catch {
        return send(res, 500, { ok: false, error: { code: 'NOT_FOUND', message: 'The app has not been built. Run `npm run build`.' } });
      }
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host.toLowerCase() : '';
  } catch {
    return '';
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, closeConnection = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(closeConnection ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

/** Read a request body, stopping (without buffering the rest) once it passes the cap. */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function parseFlags(argv: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags[key] = inline;
    else if (next !== undefined && !next.startsWith('--')) flags[key] = argv[++i]!;
    else flags[key] = true;
  }
  return flags;
}

/** `npm run serve [-- --port N --workspace DIR --data-dir DIR]` */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const flags = parseFlags(argv);
  if (flags.help) {
    console.log('Usage: npm run serve -- [--port N] [--workspace DIR] [--data-dir DIR]');
    return;
  }
  const dataDir = typeof flags['data-dir'] === 'string' ? path.resolve(flags['data-dir']) : defaultDataDir();
  const workspace = typeof flags.workspace === 'string' ? path.resolve(flags.workspace) : undefined;
  const handlers = createServices({
    platform: { host: 'browser', appVersion: appVersion(), dataDir, trash: moveToFolderTrash },
    workspaceOverride: workspace,
  });
  const port = typeof flags.port === 'string' ? Number(flags.port) : 0;
  let server: RunningServer;
  try {
    server = await startServer({ handlers, port });
  } catch (err) {
    console.error(`Briefing Studio could not start: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const info = await handlers.getAppInfo({});
  console.log(`Briefing Studio is running. Open this address in your browser:\n\n  ${server.url}\n`);
  console.log(`Workspace: ${info.workspaceDir}\nPress Ctrl+C to stop.`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

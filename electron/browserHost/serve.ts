import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { HostHandlers } from '../../shared/api/contract.js';
import { dispatch } from '../dispatch.js';
import { createServices } from '../services.js';
import { moveToFolderTrash } from '../workspace/folderTrash.js';
import { appVersion, defaultDataDir, rendererDistDir } from '../appPaths.js';
import { createTeamRelay, type RelaySession } from '../team/teamRelay.js';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, jsonTextDepthExceeds } from '../limits.js';
import { lookupStatic, mimeOf } from '../staticFiles.js';
import { packInPageUrl } from '../workspace/packReadAhead.js';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy.js';
import { folderRootsFromFlags } from './folderFlags.js';
import { loadHostIdentity, writeHostIdentity } from './hostIdentity.js';

/**
 * The browser host: the same services as the desktop app, over HTTP on 127.0.0.1, for
 * machines without the Electron runtime and for the end-to-end tests.
 *
 * Hardening (see tests/unit/security.browserHost.test.ts):
 *  - binds the loopback interface only, and refuses peers that are not loopback;
 *  - a random token, kept per data folder with owner-only permissions (hostIdentity.ts) so
 *    open tabs reconnect after a restart, compared in constant time (digests of equal length);
 *  - Host and Origin allow-lists (DNS rebinding, cross-site requests), Sec-Fetch-Site checked;
 *  - JSON bodies only, capped in size and nesting depth before parsing;
 *  - security headers on every response; static files confined to the built renderer.
 */
export { MAX_BODY_BYTES };

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()',
};

export interface ServerOptions {
  handlers: HostHandlers;
  /** Told which pack a page being served will open (HostServices.readAheadPack). */
  readAheadPack?: (file: string) => void;
  port?: number;
  token?: string;
  rendererDir?: string;
  maxBodyBytes?: number;
  maxJsonDepth?: number;
  /** The team server session, for the WebSocket relay to it (electron/team/teamRelay.ts). */
  teamSession?: () => Promise<RelaySession | null>;
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
  const tokenDigest = digest(token);
  const rendererDir = path.resolve(options.rendererDir ?? rendererDistDir());
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxDepth = options.maxJsonDepth ?? MAX_JSON_DEPTH;
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'UNKNOWN', message: 'The host failed to answer.' } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Bound to 127.0.0.1 already; this also refuses anything a proxy might forward.
    if (!isLoopback(req.socket.remoteAddress)) {
      return send(res, 403, { ok: false, error: { code: 'PERMISSION', message: 'Only this computer can use Briefing Studio’s browser host.' } }, true);
    }
    // DNS-rebinding defence: only our own loopback host names are served.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return send(res, 421, { ok: false, error: { code: 'PERMISSION', message: 'Wrong Host header: open the address printed by `npm run serve`.' } });
    }
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (!rawPath.startsWith('/')) return send(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Bad request path.' } });
    if (rawPath.startsWith('/api/')) return handleApi(req, res, rawPath.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Method not allowed.' } });
    const page = await serveStatic(req, res, rawPath);
    if (page) readAheadFor(req);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(originHost(origin))) {
      return send(res, 403, { ok: false, error: { code: 'PERMISSION', message: 'Requests from other sites are refused.' } });
    }
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return send(res, 403, { ok: false, error: { code: 'PERMISSION', message: 'Requests from other sites are refused.' } });
    }
    if (!tokenMatches(req.headers.authorization)) {
      return send(res, 401, { ok: false, error: { code: 'PERMISSION', message: 'Missing or wrong access token. Open the address printed by `npm run serve`.' } });
    }
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Use POST.' } });
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== 'application/json' && requestHasBody(req)) {
      req.resume();
      return send(res, 415, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Send the request as JSON (Content-Type: application/json).' } }, true);
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      return send(res, 413, { ok: false, error: { code: 'INVALID_ARGUMENT', message: `The request is larger than ${Math.round(maxBody / 1024 / 1024)} MB.` } }, true);
    }
    const text = body.toString('utf8');
    if (jsonTextDepthExceeds(text, maxDepth)) {
      return send(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: `The request is nested more than ${maxDepth} levels deep.` } });
    }
    let args: unknown;
    try {
      args = text.length ? JSON.parse(text) : {};
    } catch {
      return send(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' } });
    }
    let name: string;
    try {
      name = decodeURIComponent(method);
    } catch {
      name = '';
    }
    const outcome = await dispatch(options.handlers, name, args);
    if (outcome.kind === 'unknown-method') {
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `There is no method called "${method}".` } });
    }
    if (outcome.kind === 'invalid-arguments') return send(res, 400, outcome.envelope);
    return send(res, 200, outcome.envelope);
  }

  /** Compare digests, which always have the same length, so timing reveals nothing. */
  function tokenMatches(header: string | undefined): boolean {
    const match = /^Bearer ([0-9A-Za-z_-]{1,256})$/i.exec(header ?? '');
    return timingSafeEqual(digest(match?.[1] ?? ''), tokenDigest) && match !== null;
  }

  /**
   * The app's page is being loaded to open a pack (?pack=… in its address): let the back end
   * start reading it. Only for the user's own loads of the page (typed, reloaded, opened from
   * the app), never for requests another site makes; the pack itself is only ever handed out
   * to an authenticated openPack call.
   */
  function readAheadFor(req: http.IncomingMessage): void {
    if (!options.readAheadPack || req.method !== 'GET') return;
    const dest = req.headers['sec-fetch-dest'];
    const site = req.headers['sec-fetch-site'];
    if ((dest !== undefined && dest !== 'document') || (site !== undefined && site !== 'none' && site !== 'same-origin')) return;
    const file = packInPageUrl(new URL(req.url ?? '/', 'http://host'));
    if (file) options.readAheadPack(file);
  }

  /** Serve a file of the built renderer; true when it was the app's page. */
  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, rawPath: string): Promise<boolean> {
    let found = await lookupStatic(rendererDir, rawPath);
    if (found.kind === 'refused') {
      send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
      return false;
    }
    // Unknown paths without an extension are app routes: serve the app itself.
    if (found.kind === 'missing' && found.isRoute) {
      found = await lookupStatic(rendererDir, '/');
      if (found.kind !== 'file') {
        send(res, 500, { ok: false, error: { code: 'NOT_FOUND', message: 'The app has not been built. Run `npm run build`.' } });
        return false;
      }
    }
    if (found.kind !== 'file') {
      send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
      return false;
    }
    const isPage = path.basename(found.file) === 'index.html';
    // Content-hashed build files never change: the browser keeps them (and the scripts'
    // compiled code) without asking. The page and anything else: no-cache with a validator,
    // so the browser always asks and an unchanged file is answered "304 Not Modified".
    const etag = `"${createHash('sha256').update(found.data).digest('base64url').slice(0, 27)}"`;
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': isHashedAsset(rawPath) ? 'public, max-age=31536000, immutable' : 'no-cache', ETag: etag };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return isPage;
    }
    res.writeHead(200, { ...headers, 'Content-Type': mimeOf(found.file), 'Content-Length': String(found.data.length) });
    res.end(req.method === 'HEAD' ? undefined : found.data);
    return isPage;
  }

  // Live co-editing: the page's WebSocket to its own host is relayed to the team server, after
  // the same loopback, Host and Origin checks as the API (a WebSocket always sends Origin, so
  // here it must be there) and the host token, given as a subprotocol.
  const relay = options.teamSession ? createTeamRelay({ session: options.teamSession, tokenMatches: (t) => tokenMatches(`Bearer ${t}`) }) : null;
  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    if (!relay || !isLoopback(req.socket.remoteAddress)) return refuse('403 Forbidden');
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return refuse('421 Misdirected Request');
    const origin = req.headers.origin;
    if (origin === undefined || !allowedHosts.has(originHost(origin))) return refuse('403 Forbidden');
    if (!relay.handleUpgrade(req, socket, head)) refuse('404 Not Found');
  });

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
        relay?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Vite's build output under assets/ is named by content hash (name-<hash>.js): it never changes. */
function isHashedAsset(rawPath: string): boolean {
  return /^\/assets\/[\w.-]+-[\w-]{8}\.(js|css)$/.test(rawPath);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
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
  // Encoded once: measuring the UTF-8 length of a long string and then writing it encodes it
  // twice (an opened 56,000-word pack: ~12 ms more per open).
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    ...(closeConnection ? { Connection: 'close' } : {}),
  });
  res.end(bytes);
}

/**
 * Does the request carry a body? A Content-Length above zero, or any Transfer-Encoding
 * (a chunked body has no Content-Length at all, so checking the length alone let a chunked
 * text/plain body, the kind a cross-site form can send, past the JSON-only rule).
 */
export function requestHasBody(req: http.IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
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

/** `npm run serve [-- --port N --workspace DIR --data-dir DIR --allow-folder DIR… --new-token]` */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const flags = parseFlags(argv);
  if (flags.help) {
    console.log(
      'Usage: npm run serve -- [--port N] [--workspace DIR] [--data-dir DIR] [--allow-folder DIR]… [--new-token]\n\n--allow-folder DIR lets the settings use folders inside DIR (a shared drive, say), as well as in your home folder. Give it once per folder.\n--new-token makes a new access token (the address and token are otherwise kept in the data folder, so open tabs reconnect after a restart).',
    );
    return;
  }
  const dataDir = typeof flags['data-dir'] === 'string' ? path.resolve(flags['data-dir']) : defaultDataDir();
  const workspace = typeof flags.workspace === 'string' ? path.resolve(flags.workspace) : undefined;
  const folderRoots = await folderRootsFromFlags(argv, (line) => console.error(line));
  const handlers = createServices({
    platform: { host: 'browser', appVersion: appVersion(), dataDir, trash: moveToFolderTrash, folderRoots },
    workspaceOverride: workspace,
  });
  // The same address and token as last time for this data folder, so open tabs reconnect.
  let server: RunningServer;
  try {
    const identity = await loadHostIdentity(dataDir, { fresh: flags['new-token'] === true, warn: (line) => console.error(line) });
    const asked = typeof flags.port === 'string' ? Number(flags.port) : undefined;
    const start = (port: number) => startServer({ handlers, readAheadPack: handlers.readAheadPack, teamSession: handlers.teamRelaySession, port, token: identity.token });
    try {
      server = await start(asked ?? identity.port ?? 0);
    } catch (err) {
      if (asked !== undefined || !identity.port || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      console.error(`Port ${identity.port}, used last time, is taken by another program: Briefing Studio has a new address, and tabs left open from last time cannot reconnect.`);
      server = await start(0);
    }
    if (server.port !== identity.port) await writeHostIdentity(dataDir, { ...identity, port: server.port });
  } catch (err) {
    console.error(`Briefing Studio could not start: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const info = await handlers.getAppInfo({});
  console.log(`Briefing Studio is running. Open this address in your browser:\n\n  ${server.url}\n`);
  console.log(`Workspace: ${info.workspaceDir}`);
  console.log(`Folders the settings may use: ${folderRoots.list().map((r) => r.path).join(', ')} (add more with --allow-folder)`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

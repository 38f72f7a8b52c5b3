import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { packFieldsFromDoc, packFromDoc } from '../../shared/collab/packDoc.js';
import { CLOSE } from '../../shared/collab/protocol.js';
import { MAX_PACK_BYTES, packFromJson, parsePackBytes, serialisePack } from '../../shared/pack/parse.js';
import { PACK_EXTENSION } from '../../shared/pack/format.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import { isPackFileName } from '../workspace/packFileNames.js';
import { plainNameProblem } from '../workspace/confine.js';
import { Accounts, type Account } from './accounts.js';
import { Sessions } from './sessions.js';
import { PackRoom, type RoomOptions } from './packRoom.js';
import { joinRoom } from './connection.js';

/**
 * The team server: one HTTP(S) server on one port for sign-in, the pack list and sharing, and
 * WebSockets at /pack/<file> speaking y-protocols sync and awareness. Each pack is one
 * PackRoom (loaded on first join, closed when the last person has gone). Its data (accounts,
 * sessions, update logs) live in the workspace's `.briefing-team` folder, which the app's
 * library never lists.
 */
export const DATA_FOLDER = '.briefing-team';

export interface TeamServerOptions {
  workspace: string;
  port?: number;
  host?: string;
  tls?: { cert: string; key: string };
  sessionTtlMs?: number;
  room?: Partial<RoomOptions>;
  /** How long a room with nobody in it stays loaded. */
  idleCloseMs?: number;
  log?: (line: string) => void;
}

export interface TeamServer {
  port: number;
  url: string;
  close(): Promise<void>;
  /** For tests and the bench: the room of a pack if loaded. */
  room(file: string): PackRoom | undefined;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Shown when the server is reachable from the network without TLS: passwords would travel in clear. */
export function plainTextWarning(host: string): string {
  const line = '!'.repeat(78);
  return [
    line,
    `WARNING: the team server listens on ${host} WITHOUT TLS.`,
    'Passwords, session tokens and every pack travel unencrypted across the network.',
    'Start it with --tls-cert and --tls-key (or listen on 127.0.0.1 behind a TLS proxy).',
    line,
  ].join('\n');
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const FAILED_SIGN_IN_LIMIT = 10;
const FAILED_SIGN_IN_WINDOW_MS = 60_000;

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const workspace = path.resolve(options.workspace);
  const info = await stat(workspace).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`The workspace folder ${workspace} does not exist or is not a folder.`);
  const dataFolder = path.join(workspace, DATA_FOLDER);
  const logFolder = path.join(dataFolder, 'logs');
  await mkdir(logFolder, { recursive: true });
  const log = options.log ?? ((line: string) => console.log(line));
  const accounts = Accounts.inFolder(dataFolder);
  const sessions = Sessions.inFolder(dataFolder, options.sessionTtlMs ?? 12 * 60 * 60 * 1000);
  const roomOptions: RoomOptions = { settleMs: 1500, maxLagMs: 10_000, compactRecords: 500, compactBytes: 4 * 1024 * 1024, log, ...options.room };
  const idleCloseMs = options.idleCloseMs ?? 30_000;
  const rooms = new Map<string, Promise<PackRoom>>();
  const loaded = new Map<string, PackRoom>();
  const idleTimers = new Map<string, NodeJS.Timeout>();
  const failures = new Map<string, number[]>();

  function packName(raw: string): string {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'That pack name is not valid.');
    }
    if (plainNameProblem(name, PACK_EXTENSION) || !isPackFileName(name) || name.startsWith('.')) throw new HttpError(404, CLOSE.noPack.reason);
    return name;
  }

  function openRoom(file: string): Promise<PackRoom> {
    let room = rooms.get(file);
    if (!room) {
      room = PackRoom.open(workspace, logFolder, file, roomOptions);
      rooms.set(file, room);
      room.then((r) => loaded.set(file, r), () => rooms.delete(file));
    }
    const timer = idleTimers.get(file);
    if (timer) clearTimeout(timer);
    idleTimers.delete(file);
    return room;
  }

  function roomLeft(file: string, room: PackRoom): void {
    if (room.connections.size > 0) return;
    idleTimers.set(
      file,
      setTimeout(() => {
        if (room.connections.size > 0) return;
        idleTimers.delete(file);
        rooms.delete(file);
        loaded.delete(file);
        void room.close().catch((err) => log(`Closing ${file}: ${(err as Error).message}`));
      }, idleCloseMs),
    );
  }

  function bearer(req: http.IncomingMessage, url: URL): string | null {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7);
    return url.searchParams.get('token');
  }

  function signedIn(req: http.IncomingMessage, url: URL): Account {
    const check = sessions.check(bearer(req, url));
    if (!check.ok) throw new HttpError(401, check.reason === 'expired' ? CLOSE.expired.reason : CLOSE.signIn.reason);
    return check.account;
  }

  async function readBody(req: http.IncomingMessage, max: number): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) throw new HttpError(413, 'That is more than the team server accepts in one go.');
      chunks.push(chunk as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new HttpError(400, 'The request was not valid JSON.');
    }
  }

  async function packSummary(file: string, account: Account) {
    const room = rooms.get(file) ? await rooms.get(file)!.catch(() => null) : null;
    let fields: { id: string; title: string; status: string; exempt: boolean; updatedAt: string };
    if (room) {
      const f = packFieldsFromDoc(room.doc);
      fields = { id: f.id, title: f.frontSheet.title, status: f.frontSheet.status, exempt: f.frontSheet.access?.exempt ?? false, updatedAt: f.updatedAt };
    } else {
      const pack = parsePackBytes(await readFile(path.join(workspace, file)), { label: file });
      fields = { id: pack.id, title: pack.frontSheet.title, status: pack.frontSheet.status, exempt: pack.frontSheet.access.exempt, updatedAt: pack.updatedAt };
    }
    if (fields.exempt && !account.permissions.includes('exempt')) return null;
    return { file, ...fields, people: room ? room.people() : [] };
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://team-server');
    const method = req.method ?? 'GET';
    if (method === 'POST' && url.pathname === '/api/sign-in') {
      const ip = req.socket.remoteAddress ?? '';
      const now = Date.now();
      const recent = (failures.get(ip) ?? []).filter((t) => now - t < FAILED_SIGN_IN_WINDOW_MS);
      if (recent.length >= FAILED_SIGN_IN_LIMIT) throw new HttpError(429, 'Too many failed sign-ins from here. Wait a minute and try again.');
      const body = (await readBody(req, 10_000)) as { name?: unknown; password?: unknown };
      if (typeof body.name !== 'string' || typeof body.password !== 'string' || !body.name.trim()) throw new HttpError(400, 'Enter your name and password.');
      const account = await accounts.verify(body.name, body.password);
      if (!account) {
        failures.set(ip, [...recent, now]);
        throw new HttpError(401, 'That name and password do not match an account on this team server.');
      }
      failures.delete(ip);
      const session = await sessions.start(account);
      log(`${account.name} signed in.`);
      return { ...session, name: account.name, permissions: account.permissions };
    }
    if (method === 'POST' && url.pathname === '/api/sign-out') {
      const token = bearer(req, url);
      if (token) await sessions.end(token);
      return { signedOut: true };
    }
    if (method === 'GET' && url.pathname === '/api/session') {
      const check = sessions.check(bearer(req, url));
      if (!check.ok) throw new HttpError(401, check.reason === 'expired' ? CLOSE.expired.reason : CLOSE.signIn.reason);
      return { name: check.account.name, permissions: check.account.permissions, expiresAt: check.expiresAt };
    }
    if (method === 'GET' && url.pathname === '/api/packs') {
      const account = signedIn(req, url);
      const names = (await readdir(workspace)).filter((n) => isPackFileName(n) && !n.startsWith('.')).sort();
      const out = [];
      for (const file of names) {
        try {
          const summary = await packSummary(file, account);
          if (summary) out.push(summary);
        } catch {
          // A damaged file is left out of the list; the server log says so.
          log(`${file} could not be read and is not offered.`);
        }
      }
      return { packs: out };
    }
    const packMatch = /^\/api\/packs\/([^/]+)$/.exec(url.pathname);
    if (packMatch) {
      const account = signedIn(req, url);
      const file = packName(packMatch[1]!);
      const full = path.join(workspace, file);
      if (method === 'GET') {
        const room = rooms.get(file) ? await rooms.get(file)! : null;
        const pack = room ? packFromDoc(room.doc) : parsePackBytes(await readFile(full).catch(() => { throw new HttpError(404, CLOSE.noPack.reason); }), { label: file });
        if (pack.frontSheet.access.exempt && !account.permissions.includes('exempt')) throw new HttpError(403, CLOSE.forbidden.reason);
        return { pack };
      }
      if (method === 'PUT') {
        if (!account.permissions.includes('edit')) throw new HttpError(403, 'Your account may not add packs to the team server.');
        const body = (await readBody(req, MAX_PACK_BYTES)) as { pack?: unknown };
        let pack;
        try {
          pack = packFromJson(body.pack, { label: file });
        } catch (err) {
          throw new HttpError(400, (err as Error).message);
        }
        if (await stat(full).catch(() => null)) throw new HttpError(409, `The team server already has a pack called ${file}. Choose another name.`);
        await writeFileAtomic(full, serialisePack(pack));
        log(`${account.name} shared ${file}.`);
        return { file };
      }
    }
    void res;
    throw new HttpError(404, 'There is nothing at that address on the team server.');
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // The app runs on its own origin (the browser host or Electron), so the API allows any
    // origin; it uses bearer tokens, never cookies, so a foreign page gains nothing by it.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    route(req, res).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      },
      (err) => {
        const status = err instanceof HttpError ? err.status : 500;
        const message = err instanceof HttpError ? err.message : `The team server could not do that: ${(err as Error).message}`;
        if (status === 500) log(`Error: ${(err as Error).stack ?? err}`);
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: message }));
      },
    );
  };

  const server = options.tls ? https.createServer({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) }, handler) : http.createServer(handler);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PACK_BYTES });

  // Everything is decided (and the room loaded) before the upgrade completes, so the app's
  // first sync message finds the connection joined and is never dropped.
  server.on('upgrade', (req, socket, head) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://team-server');
      const match = /^\/pack\/([^/]+)$/.exec(url.pathname);
      let refusal: { code: number; reason: string } | null = null;
      let joined: { file: string; room: PackRoom; account: Account } | null = null;
      const check = sessions.check(bearer(req, url));
      if (!match) refusal = CLOSE.noPack;
      else if (!check.ok) refusal = check.reason === 'expired' ? CLOSE.expired : CLOSE.signIn;
      else {
        try {
          const file = packName(match[1]!);
          const room = await openRoom(file);
          const exempt = packFieldsFromDoc(room.doc).frontSheet.access?.exempt ?? false;
          if (exempt && !check.account.permissions.includes('exempt')) {
            refusal = CLOSE.forbidden;
            roomLeft(file, room);
          } else joined = { file, room, account: check.account };
        } catch {
          refusal = CLOSE.noPack;
        }
      }
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        if (!joined) return ws.close(refusal!.code, refusal!.reason);
        const { file, room, account } = joined;
        joinRoom(room, ws, account);
        ws.on('close', () => roomLeft(file, room));
      });
    })();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const shownHost = host.includes(':') ? `[${host}]` : host;
  if (!options.tls && !isLoopback(host)) log(plainTextWarning(host));

  return {
    port,
    url: `${scheme}://${shownHost}:${port}`,
    room: (file) => loaded.get(file),
    async close() {
      for (const t of idleTimers.values()) clearTimeout(t);
      const open = await Promise.all([...rooms.values()].map((r) => r.catch(() => null)));
      await Promise.all(open.map((r) => r?.close()));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

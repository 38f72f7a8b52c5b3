import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { CLOSE, packSocketPath } from '../../shared/collab/protocol.js';
import { MAX_PACK_BYTES } from '../../shared/pack/parse.js';

/**
 * The browser host's relay to the team server (issue 18): the page opens a WebSocket to its own
 * host (`/team/pack/<file>`, allowed by connect-src 'self'), and the host opens the real one to
 * the team server with the session token, which so never reaches the page. Frames pass through
 * unchanged both ways (Yjs sync, awareness, the server's "saved" messages); the team server's
 * close codes and plain reasons reach the page as they are.
 */
export const RELAY_PATH = /^\/team\/pack\/([^/]+)$/;
/** The page names its host token as a WebSocket subprotocol (a browser cannot set headers there). */
export const TOKEN_PROTOCOL_PREFIX = 'briefing-token.';

export interface RelaySession {
  origin: string;
  token: string;
}

const GONE = { code: 4503, reason: 'The team server cannot be reached. Your changes are kept here and sent when it answers again.' };

function closeCode(code: number): number {
  // 1005 and 1006 are reported, never sent; anything else of the server's goes on as it is.
  return code === 1005 || code === 1006 || code < 1000 ? GONE.code : code;
}

export function createTeamRelay(options: { session: () => Promise<RelaySession | null>; tokenMatches: (token: string) => boolean }) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PACK_BYTES,
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX)) ?? false,
  });

  function refuse(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  /** Take an upgrade the host has checked (loopback, Host, Origin); false if it is not ours. */
  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const match = RELAY_PATH.exec((req.url ?? '').split('?')[0]!);
    if (!match) return false;
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
    if (!offered || !options.tokenMatches(offered.slice(TOKEN_PROTOCOL_PREFIX.length))) {
      refuse(socket, 401, 'Unauthorized');
      return true;
    }
    let file: string;
    try {
      file = decodeURIComponent(match[1]!);
    } catch {
      refuse(socket, 400, 'Bad Request');
      return true;
    }
    void (async () => {
      const session = await options.session().catch(() => null);
      wss.handleUpgrade(req, socket, head, (page) => {
        if (!session) return page.close(CLOSE.signIn.code, CLOSE.signIn.reason);
        relay(page, session, file);
      });
    })();
    return true;
  }

  function relay(page: WebSocket, session: RelaySession, file: string): void {
    const target = `${session.origin.replace(/^http/, 'ws')}/${packSocketPath(file)}`;
    const upstream = new WebSocket(target, { headers: { Authorization: `Bearer ${session.token}` }, maxPayload: MAX_PACK_BYTES, handshakeTimeout: 8000 });
    // What the page sends before the team server has answered waits, in order.
    const waiting: Array<{ data: RawData; binary: boolean }> = [];
    page.on('message', (data, binary) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary });
      else if (upstream.readyState === WebSocket.CONNECTING) waiting.push({ data, binary });
    });
    upstream.on('open', () => {
      for (const m of waiting.splice(0)) upstream.send(m.data, { binary: m.binary });
    });
    upstream.on('message', (data, binary) => {
      if (page.readyState === WebSocket.OPEN) page.send(data, { binary });
    });
    upstream.on('close', (code, reason) => {
      if (page.readyState === WebSocket.OPEN) page.close(closeCode(code), code === 1005 || code === 1006 ? GONE.reason : reason.toString());
    });
    upstream.on('error', () => {
      if (page.readyState === WebSocket.OPEN) page.close(GONE.code, GONE.reason);
    });
    page.on('close', () => {
      if (upstream.readyState === WebSocket.OPEN || upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
    });
    page.on('error', () => upstream.terminate());
  }

  return {
    handleUpgrade,
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

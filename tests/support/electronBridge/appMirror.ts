import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandInProtocol } from '../electronStandIn/protocol.js';
import { APP_ORIGIN } from '../../../electron/shell/window.js';

/**
 * Chromium has no app:// scheme without Electron, so the page is shown at
 * http://127.0.0.1:<port>, and every request to it goes, as a real Request, to the handler
 * main registered with protocol.handle('app', …), at the same path under app://briefing; its
 * Response (status, headers with the CSP, body) goes back unchanged. Nothing else is served.
 */
export interface AppMirror {
  origin: string;
  /** The mirror's URL for an app:// URL, and back. */
  toMirror(appUrl: string): string;
  toApp(mirrorUrl: string): string;
  /** Paths the page asked for (to show it never called an HTTP API). */
  requested: string[];
  close(): Promise<void>;
}

export async function startAppMirror(protocol: StandInProtocol): Promise<AppMirror> {
  const requested: string[] = [];
  const server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host') headers.set(name, value);
    protocol
      .fetch(`${APP_ORIGIN}${req.url ?? '/'}`, { method: req.method, headers })
      .then(async (response) => {
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(body);
      })
      .catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requested,
    toMirror: (appUrl) => (appUrl.startsWith(APP_ORIGIN) ? origin + appUrl.slice(APP_ORIGIN.length) : appUrl),
    toApp: (mirrorUrl) => (mirrorUrl.startsWith(origin) ? APP_ORIGIN + mirrorUrl.slice(origin.length) : mirrorUrl),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

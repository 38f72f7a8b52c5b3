import net from 'node:net';

/**
 * Raw HTTP/1.1 to a browser host on 127.0.0.1: the request goes out exactly as written (no
 * client normalises headers or bodies), the whole response is read (Connection: close).
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function dechunk(payload: string): string {
  let out = '';
  let rest = payload;
  for (;;) {
    const i = rest.indexOf('\r\n');
    if (i < 0) return out;
    const size = parseInt(rest.slice(0, i), 16);
    if (!size) return out;
    out += rest.slice(i + 2, i + 2 + size);
    rest = rest.slice(i + 2 + size + 2);
  }
}

export function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
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
    socket.write(request);
  });
}

/** POST /api/<method> with the token and a JSON body (headers may be overridden or removed with undefined). */
export function rawPost(port: number, token: string, method: string, body: string, headers: Record<string, string | undefined> = {}): Promise<RawResponse> {
  const all: Record<string, string | undefined> = {
    Host: `127.0.0.1:${port}`,
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...headers,
  };
  const lines = Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return rawRequest(port, `POST /api/${method} HTTP/1.1\r\n${lines}\r\n\r\n${body}`);
}

/** The same call with its body sent in chunks (no Content-Length). */
export function rawPostChunked(port: number, token: string, method: string, body: string, contentType: string): Promise<RawResponse> {
  const chunk = Buffer.byteLength(body).toString(16);
  const head = [`POST /api/${method} HTTP/1.1`, `Host: 127.0.0.1:${port}`, `Authorization: Bearer ${token}`, `Content-Type: ${contentType}`, 'Transfer-Encoding: chunked', 'Connection: close'].join('\r\n');
  return rawRequest(port, `${head}\r\n\r\n${chunk}\r\n${body}\r\n0\r\n\r\n`);
}

import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * The Chrome DevTools protocol over a browser's --remote-debugging-pipe: JSON messages ended
 * by a NUL byte, written to its fd 3 and read from its fd 4. A pipe, not a debugging port, so
 * no other program on the laptop can reach the browser while it makes the PDF; and no
 * WebSocket client is needed (Node 20 has none built in).
 */
export class CdpPipe {
  private nextId = 0;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private readonly listeners = new Set<(message: { method: string; params: unknown; sessionId?: string }) => void>();
  private closedError: Error | null = null;

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    output.on('close', () => this.fail(new Error('The browser closed the connection.')));
    output.on('error', (err: Error) => this.fail(err));
    input.on('error', (err: Error) => this.fail(err));
  }

  static fromProcess(child: ChildProcess): CdpPipe {
    const write = child.stdio[3] as Writable | null | undefined;
    const read = child.stdio[4] as Readable | null | undefined;
    if (!write || !read) throw new Error('The browser was started without its DevTools pipe.');
    return new CdpPipe(write, read);
  }

  private receive(chunk: string): void {
    // A PDF comes back as one message of several MB in many chunks: look for its end only in
    // what has just arrived, not again from the start each time.
    const searchFrom = this.buffer.length;
    this.buffer += chunk;
    let end = this.buffer.indexOf('\0', searchFrom);
    for (; end >= 0; end = this.buffer.indexOf('\0')) {
      const text = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      let message: { id?: number; result?: unknown; error?: { message?: string }; method?: string; params?: unknown; sessionId?: string };
      try {
        message = JSON.parse(text);
      } catch {
        continue;
      }
      if (typeof message.id === 'number') {
        const waiting = this.pending.get(message.id);
        if (!waiting) continue;
        this.pending.delete(message.id);
        if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message ?? 'failed'}`));
        else waiting.resolve(message.result);
      } else if (message.method) {
        for (const listener of this.listeners) listener({ method: message.method, params: message.params, sessionId: message.sessionId });
      }
    }
  }

  fail(err: Error): void {
    if (this.closedError) return;
    this.closedError = err;
    for (const waiting of this.pending.values()) waiting.reject(err);
    this.pending.clear();
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Resolves with the first event of this name (in this session) that `match` accepts. */
  waitFor<P>(method: string, sessionId: string | undefined, match: (params: P) => boolean = () => true): Promise<P> {
    return new Promise<P>((resolve) => {
      const listener = (message: { method: string; params: unknown; sessionId?: string }) => {
        if (message.method !== method || message.sessionId !== sessionId || !match(message.params as P)) return;
        this.listeners.delete(listener);
        resolve(message.params as P);
      };
      this.listeners.add(listener);
    });
  }
}

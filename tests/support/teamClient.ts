import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { MESSAGE_SAVED, packSocketPath } from '../../shared/collab/protocol.js';
import { bindSection, flushEditor, type BoundSection } from '../../shared/collab/sectionBinding.js';

/**
 * A Node client of the team server for tests, the bench and the crash test: y-websocket's
 * own provider over real WebSockets, a Y.Doc with headless Lexical editors bound to sections
 * (as the app has), and the server's "saved" acknowledgements.
 */
export async function signIn(base: string, name: string, password: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/api/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) });
  return { status: res.status, body: await res.json() };
}

export interface TeamClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The server's durable state vector, from its latest "saved". */
  saved: Map<number, number>;
  closed: Promise<{ code: number; reason: string }>;
  /** Called after each "saved" from the server. */
  onSaved(listener: () => void): void;
  section(id: string): BoundSection;
  synced(): Promise<void>;
  /** Until the server has fsynced everything this client made so far. */
  allSaved(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

export function connect(base: string, file: string, token: string, options: { sections?: string[]; name?: string } = {}): TeamClient {
  const doc = new Y.Doc();
  const bound = new Map<string, BoundSection>();
  for (const id of options.sections ?? []) bound.set(id, bindSection(doc, id));
  const wsBase = base.replace(/^http/, 'ws');
  const provider = new WebsocketProvider(wsBase, packSocketPath(file), doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true, maxBackoffTime: 300 });
  const saved = new Map<number, number>();
  const savedListeners = new Set<() => void>();
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    for (const [client, clock] of Y.decodeStateVector(decoding.readVarUint8Array(decoder))) saved.set(client, clock);
    for (const l of savedListeners) l();
  };
  if (options.name) provider.awareness.setLocalStateField('user', { name: options.name, color: '#1d70b8' });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => provider.on('closed' as never, ((e: { code: number; reason: string }) => resolve(e)) as never));
  return {
    doc,
    provider,
    saved,
    closed,
    onSaved(listener) {
      savedListeners.add(listener);
    },
    section(id) {
      let b = bound.get(id);
      if (!b) throw new Error(`section ${id} not bound`);
      flushEditor(b.editor);
      return b;
    },
    synced() {
      return new Promise((resolve) => {
        if (provider.synced) return resolve();
        const on = (s: boolean) => {
          if (s) {
            provider.off('sync', on);
            resolve();
          }
        };
        provider.on('sync', on);
      });
    },
    allSaved(timeoutMs = 20_000) {
      const mine = () => Y.getState(doc.store, doc.clientID);
      return new Promise((resolve, reject) => {
        const check = () => {
          if ((saved.get(doc.clientID) ?? 0) >= mine()) {
            savedListeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          savedListeners.delete(check);
          reject(new Error(`not saved within ${timeoutMs} ms (saved ${saved.get(doc.clientID) ?? 0}, have ${mine()})`));
        }, timeoutMs);
        savedListeners.add(check);
        check();
      });
    },
    destroy() {
      for (const b of bound.values()) b.dispose();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Wait until `test` holds, polling; fails with `what` after the timeout. */
export async function until(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

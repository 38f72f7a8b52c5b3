import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Provider } from '@lexical/yjs';
import { packSocketPath, FINAL_CLOSE_CODES, MESSAGE_SAVED } from '../../shared/collab/protocol.js';
import { SECTION_FIELDS, SECTION_ORDER, FRONT_SHEET, PACK_FIELDS } from '../../shared/collab/layout.js';
import { browserToken } from '../host/hostTransport.js';

/**
 * One team-server pack open live in this page (issue 18): its Y.Doc, joined through the
 * browser host's relay (electron/team/teamRelay.ts; the session token stays in the back end).
 * Framework-free: the screen reads the outline, the title and who is here from it.
 */
export const TOKEN_PROTOCOL_PREFIX = 'briefing-token.';

export type LiveConnection = { kind: 'connecting' } | { kind: 'live' } | { kind: 'reconnecting' } | { kind: 'closed'; reason: string };

export interface LiveSectionInfo {
  id: string;
  title: string;
}

export interface Person {
  clientId: number;
  name: string;
  color: string;
  sectionId: string | null;
}

/**
 * The name of the copy kept on this computer (IndexedDB): per team server and pack file, so a
 * pack of the same name on another server never merges into it.
 */
export function localCopyName(serverOrigin: string, file: string): string {
  return `briefing-team:${serverOrigin}:${file}`;
}

export class LivePack {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private connection: LiveConnection = { kind: 'connecting' };
  private readonly listeners = new Set<() => void>();
  private local: IndexeddbPersistence | null = null;
  /** The server's durable state vector, from its latest "saved" (see MESSAGE_SAVED). */
  private readonly saved = new Map<number, number>();
  private pendingValue = false;
  /** Sections whose editor's binding observes the doc (see providerFor). */
  private readonly bound = new Set<string>();
  private pendingStart: { localName: string | null; waitingFor: Set<string> } | null = null;

  constructor(readonly file: string) {
    const base = `${window.location.origin.replace(/^http/, 'ws')}/team`;
    this.provider = new WebsocketProvider(base, packSocketPath(file), this.doc, {
      protocols: [`${TOKEN_PROTOCOL_PREFIX}${browserToken()}`],
      disableBc: true,
      maxBackoffTime: 2500,
      // Connected by start(), once every section editor is bound: @lexical/yjs's first binding
      // fills an editor from the Yjs changes it observes, so an editor bound after the first
      // sync would stay empty.
      connect: false,
    });
    this.provider.on('sync', (synced: boolean) => synced && this.set({ kind: 'live' }));
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected' && this.connection.kind === 'live') this.set({ kind: 'reconnecting' });
    });
    // A refusal that reconnecting cannot mend (not signed in, no such pack, not allowed): stop
    // and say why, in the server's own plain words.
    this.provider.on('connection-close' as never, ((event: CloseEvent | null) => {
      if (event && FINAL_CLOSE_CODES.has(event.code)) {
        this.provider.shouldConnect = false;
        this.set({ kind: 'closed', reason: event.reason });
      }
    }) as never);
    // The server says what it has fsynced; whatever of ours is beyond that is not yet safe there.
    this.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      this.markSaved(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    };
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      // What came from the server is the server's already (someone else's edit, relayed).
      // (Read from the transaction: an update's own state vector is empty unless it starts at clock 0.)
      if (transaction.origin === this.provider) this.markSaved(transaction.afterState);
      else this.checkPending();
    });
    for (const type of [this.doc.getArray(SECTION_ORDER), this.doc.getMap(SECTION_FIELDS), this.doc.getMap(FRONT_SHEET)]) type.observeDeep(() => this.emit());
    this.provider.awareness.on('change', () => this.emit());
  }

  /**
   * Join once every section editor in `sectionIds` is bound: the copy kept on this computer
   * (`localName`, see localCopyName) is loaded into the doc and kept up to date with every
   * change from then on, so edits made while the server cannot be reached survive a reload or
   * a closed laptop, and are sent when it answers. Waiting matters: @lexical/yjs fills an
   * editor from the Yjs changes it observes, so one bound after the data arrived stays empty.
   */
  start(localName: string | null, sectionIds: string[]): void {
    this.pendingStart = { localName, waitingFor: new Set(sectionIds.filter((id) => !this.bound.has(id))) };
    this.startWhenBound();
  }

  private startWhenBound(): void {
    const waiting = this.pendingStart;
    if (!waiting || waiting.waitingFor.size > 0) return;
    this.pendingStart = null;
    if (waiting.localName) this.local = new IndexeddbPersistence(waiting.localName, this.doc);
    this.provider.connect();
  }

  /** Changes in this doc (ours, or loaded from this computer's copy) the server has not confirmed. */
  get pending(): boolean {
    return this.pendingValue;
  }

  /** Whether a copy is kept on this computer. */
  get keptHere(): boolean {
    return this.local !== null;
  }

  /** Clocks only move forward: a "saved" for an earlier moment must not undo a later one. */
  private markSaved(vector: Map<number, number>): void {
    for (const [client, clock] of vector) this.saved.set(client, Math.max(clock, this.saved.get(client) ?? 0));
    this.checkPending();
  }

  private checkPending(): void {
    let pending = false;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if (clock > (this.saved.get(client) ?? 0)) {
        pending = true;
        break;
      }
    }
    if (pending !== this.pendingValue) {
      this.pendingValue = pending;
      this.emit();
    }
  }

  private set(next: LiveConnection): void {
    this.connection = next;
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get state(): LiveConnection {
    return this.connection;
  }

  title(): string {
    return String(this.doc.getMap(FRONT_SHEET).get('title') ?? '');
  }

  sections(): LiveSectionInfo[] {
    const fields = this.doc.getMap<Y.Map<unknown>>(SECTION_FIELDS);
    return this.doc
      .getArray<string>(SECTION_ORDER)
      .toArray()
      .map((id) => ({ id, title: String(fields.get(id)?.get('title') ?? '') }));
  }

  /** Everyone else here now, with the section they are in. */
  people(): Person[] {
    const out: Person[] = [];
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const s = state as { name?: string; color?: string; section?: string; user?: { name?: string } };
      const name = s.name ?? s.user?.name;
      if (name) out.push({ clientId, name, color: s.color ?? '#555', sectionId: s.section ?? null });
    }
    return out;
  }

  /**
   * The provider as one section editor's CollaborationPlugin sees it. The pack owns its one
   * connection for every section (start() and destroy()), so the plugin's disconnect is a
   * no-op, and its connect only says this editor is bound: the plugin calls it from the
   * effect that runs after the one that starts observing the section's root.
   */
  providerFor(sectionId: string): Provider {
    const p = this.provider;
    return {
      awareness: p.awareness as unknown as Provider['awareness'],
      connect: () => {
        this.bound.add(sectionId);
        this.pendingStart?.waitingFor.delete(sectionId);
        this.startWhenBound();
      },
      disconnect: () => {},
      on: ((type: string, cb: never) => p.on(type as never, cb)) as Provider['on'],
      off: ((type: string, cb: never) => p.off(type as never, cb)) as Provider['off'],
    };
  }

  destroy(): void {
    void this.local?.destroy();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}

/** What the copy kept on this computer holds: the pack's id and its outline (empty if none). */
export async function readLocalCopy(localName: string): Promise<{ packId: string | null; sectionIds: string[] }> {
  const doc = new Y.Doc();
  const copy = new IndexeddbPersistence(localName, doc);
  try {
    await copy.whenSynced;
    const id = doc.getMap(PACK_FIELDS).get('id');
    return { packId: typeof id === 'string' ? id : null, sectionIds: doc.getArray<string>(SECTION_ORDER).toArray() };
  } finally {
    await copy.destroy();
    doc.destroy();
  }
}

/** Forget the copy kept on this computer (it belonged to another pack of the same file name). */
export async function dropLocalCopy(localName: string): Promise<void> {
  const doc = new Y.Doc();
  const copy = new IndexeddbPersistence(localName, doc);
  await copy.whenSynced;
  await copy.clearData();
  doc.destroy();
}

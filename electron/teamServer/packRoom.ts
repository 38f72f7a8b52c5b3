import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { packFromDoc, packToDoc } from '../../shared/collab/packDoc.js';
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from '../../shared/collab/protocol.js';
import { parsePackBytes, serialisePack } from '../../shared/pack/parse.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import type { Account } from './accounts.js';
import { UpdateLog } from './updateLog.js';

/**
 * One pack being served: its Y.Doc, who is connected, its update log and the `.briefing`
 * file it keeps current. Updates are relayed to the others at once; they are appended to the
 * log in small batches (one fsync for everything that arrived meanwhile) and each sender is
 * told "saved" only after the fsync; the file is rewritten once changes settle.
 */
export interface RoomOptions {
  /** Quiet time before the `.briefing` file is rewritten, and the longest it may lag. */
  settleMs: number;
  maxLagMs: number;
  /** Compact the log after this many records or bytes. */
  compactRecords: number;
  compactBytes: number;
  log: (line: string) => void;
}

export interface Connection {
  socket: WebSocket;
  account: Account;
  /** Awareness client ids this connection controls (removed when it goes). */
  clientIds: Set<number>;
  awaitingAck: boolean;
}

export class PackRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, Connection>();
  private pending: Uint8Array[] = [];
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private fileTimer: NodeJS.Timeout | null = null;
  private firstUnwrittenAt = 0;
  private fileWrite: Promise<void> = Promise.resolve();
  private closed = false;
  /** Set when the file could not be written from the doc (shown by the server log). */
  lastFileError: string | null = null;

  private constructor(
    readonly file: string,
    private readonly packPath: string,
    private readonly log: UpdateLog,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.pending.push(update);
      this.broadcast(syncUpdateMessage(update), origin as WebSocket);
      this.scheduleFlush();
      this.scheduleFileWrite();
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const conn = this.connections.get(origin as WebSocket);
      if (conn) {
        for (const id of added) conn.clientIds.add(id);
        for (const id of removed) conn.clientIds.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.broadcast(encoding.toUint8Array(encoder), null);
    });
  }

  /**
   * Open a pack: from its log when there is one (the log is the truth; the file can lag
   * behind it by the settle time), else from its `.briefing` file, written to a new log.
   */
  static async open(workspace: string, logFolder: string, file: string, options: RoomOptions): Promise<PackRoom> {
    const log = new UpdateLog(path.join(logFolder, `${file}.ylog`));
    const room = new PackRoom(file, path.join(workspace, file), log, options);
    const updates = log.open();
    if (updates.length > 0) {
      room.doc.transact(() => {
        for (const u of updates) Y.applyUpdate(room.doc, u);
      }, 'log');
      room.pending = [];
      room.clearFileTimer();
    } else {
      const pack = parsePackBytes(await readFile(room.packPath), { label: file });
      packToDoc(pack, room.doc);
      room.pending = [];
      room.clearFileTimer();
      await log.compact(Y.encodeStateAsUpdate(room.doc));
    }
    return room;
  }

  private clearFileTimer(): void {
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.fileTimer = null;
    this.firstUnwrittenAt = 0;
  }

  send(socket: WebSocket, message: Uint8Array): void {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(message, (err) => {
      if (err) socket.terminate();
    });
  }

  private broadcast(message: Uint8Array, except: WebSocket | null): void {
    for (const socket of this.connections.keys()) if (socket !== except) this.send(socket, message);
  }

  /** A connection's update was applied (or had nothing new): it is owed a "saved". */
  owesAck(conn: Connection): void {
    conn.awaitingAck = true;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    try {
      do {
        this.flushAgain = false;
        const batch = this.pending;
        this.pending = [];
        const owed = [...this.connections.values()].filter((c) => c.awaitingAck);
        for (const c of owed) c.awaitingAck = false;
        // Everything applied so far is in this batch or already on disk, so once it is
        // fsynced this state vector is durable.
        const durable = Y.encodeStateVector(this.doc);
        if (batch.length > 0) await this.log.append(batch);
        const saved = savedMessage(durable);
        for (const c of owed) this.send(c.socket, saved);
        if (this.log.records > this.options.compactRecords || this.log.bytes > this.options.compactBytes) await this.log.compact(Y.encodeStateAsUpdate(this.doc));
      } while (this.flushAgain || this.pending.length > 0);
    } catch (err) {
      // The disk refused: nothing is acknowledged, people are told, the server keeps the doc.
      this.options.log(`Could not save changes to ${this.file}: ${(err as Error).message}`);
      for (const c of this.connections.values()) c.socket.close(1011, 'The team server could not save your change to its disk. Your edits are kept in the app.');
    } finally {
      this.flushing = null;
    }
  }

  /** Until the flush in progress (and any it scheduled) is done. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private scheduleFileWrite(): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.firstUnwrittenAt === 0) this.firstUnwrittenAt = now;
    if (this.fileTimer) clearTimeout(this.fileTimer);
    const wait = Math.max(0, Math.min(this.options.settleMs, this.firstUnwrittenAt + this.options.maxLagMs - now));
    this.fileTimer = setTimeout(() => void this.writeFile(), wait);
  }

  /** Rewrite the `.briefing` file from the doc (atomically), so plain-file tools see the edits. */
  writeFile(): Promise<void> {
    this.clearFileTimer();
    this.fileWrite = this.fileWrite.then(async () => {
      try {
        const pack = packFromDoc(this.doc);
        pack.updatedAt = new Date().toISOString();
        await writeFileAtomic(this.packPath, serialisePack(pack));
        this.lastFileError = null;
      } catch (err) {
        this.lastFileError = (err as Error).message;
        this.options.log(`Could not rewrite ${this.file} from the shared pack: ${this.lastFileError} (the edits are safe in the update log).`);
      }
    });
    return this.fileWrite;
  }

  /** Names of the people connected, for the library's presence. */
  people(): string[] {
    return [...new Set([...this.connections.values()].map((c) => c.account.name))];
  }

  removeConnection(socket: WebSocket): void {
    const conn = this.connections.get(socket);
    if (!conn) return;
    this.connections.delete(socket);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const socket of this.connections.keys()) socket.close(1001, 'The team server is shutting down. Your edits are kept in the app and are sent when it is back.');
    await this.settled();
    if (this.firstUnwrittenAt !== 0 || this.fileTimer) await this.writeFile();
    await this.fileWrite;
    this.closed = true;
    this.clearFileTimer();
    await this.log.compact(Y.encodeStateAsUpdate(this.doc));
    await this.log.close();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, 2); // y-protocols messageYjsUpdate
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function savedMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVED);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/collab/protocol.js';
import type { Account } from './accounts.js';
import type { PackRoom } from './packRoom.js';
import { checkUpdate } from './permissions.js';

/**
 * One app (or bench client) joined to one pack: y-protocols sync and awareness, read by hand
 * rather than through readSyncMessage so every incoming update passes the permission check
 * before it touches the doc.
 */
const PING_MS = 30_000;

export function joinRoom(room: PackRoom, socket: WebSocket, account: Account): void {
  const conn = { socket, account, clientIds: new Set<number>(), awaitingAck: false };
  room.connections.set(socket, conn);
  socket.binaryType = 'nodebuffer';

  socket.on('message', (data: Buffer) => {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        const step = decoding.readVarUint(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.writeSyncStep2(encoder, room.doc, decoding.readVarUint8Array(decoder));
          room.send(socket, encoding.toUint8Array(encoder));
        } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          const refusal = checkUpdate(room.doc, account, update);
          if (refusal) {
            socket.close(refusal.code, refusal.reason);
            return;
          }
          Y.applyUpdate(room.doc, update, socket);
          room.owesAck(conn);
        }
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), socket);
      }
    } catch {
      socket.close(CLOSE.damaged.code, CLOSE.damaged.reason);
    }
  });

  // A connection that stops answering pings is dropped, so its cursor does not linger.
  let alive = true;
  socket.on('pong', () => (alive = true));
  const ping = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, PING_MS);
  socket.on('close', () => {
    clearInterval(ping);
    room.removeConnection(socket);
  });

  // Start the sync: our state vector (the app answers with what we lack) and who is here.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, room.doc);
  room.send(socket, encoding.toUint8Array(encoder));
  const states = [...room.awareness.getStates().keys()];
  if (states.length > 0) {
    const aw = encoding.createEncoder();
    encoding.writeVarUint(aw, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(room.awareness, states));
    room.send(socket, encoding.toUint8Array(aw));
  }
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { packFieldsFromDoc, packFromDoc, packToDoc, writePackFields } from '../../shared/collab/packDoc.js';
import { bindSection, flushEditor, type BoundSection } from '../../shared/collab/sectionBinding.js';
import { goldenPackV1AsV2 } from '../support/goldenPack.js';
import type { Pack } from '../../shared/pack/schema.js';

/**
 * Convergence: several peers, each a Y.Doc with a headless Lexical editor bound to every
 * section (as each app window has), make random concurrent edits through Lexical and through
 * the pack fields; their updates are delivered in random order (late, out of order, some
 * twice). At the end every peer's doc, pack and editor text must be the same.
 */

const REMOTE = Symbol('remote');

interface Peer {
  doc: Y.Doc;
  editors: Map<string, BoundSection>;
  inbox: Uint8Array[];
}

type Op =
  | { kind: 'insert'; peer: number; section: number; at: number; text: string }
  | { kind: 'delete'; peer: number; section: number; at: number; length: number }
  | { kind: 'paragraph'; peer: number; section: number; at: number; text: string }
  | { kind: 'removeBlock'; peer: number; section: number; at: number }
  | { kind: 'bold'; peer: number; section: number; at: number }
  | { kind: 'title'; peer: number; text: string }
  | { kind: 'comment'; peer: number; text: string }
  | { kind: 'uncomment'; peer: number; at: number }
  | { kind: 'deliver'; peer: number; at: number; twice: boolean };

const counts: Record<string, number> = {};
const PEERS = 3;

function makePeers(base: Pack): Peer[] {
  const initial = Y.encodeStateAsUpdate(packToDoc(base));
  const peers: Peer[] = [];
  for (let i = 0; i < PEERS; i++) {
    const doc = new Y.Doc();
    const editors = new Map(base.sections.map((s) => [s.id, bindSection(doc, s.id)] as const));
    Y.applyUpdate(doc, initial, REMOTE);
    peers.push({ doc, editors, inbox: [] });
  }
  peers.forEach((peer, i) =>
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      peers.forEach((other, j) => j !== i && other.inbox.push(update));
    }),
  );
  for (const p of peers) for (const e of p.editors.values()) flushEditor(e.editor);
  return peers;
}

function edit(peer: Peer, sectionIds: string[], op: Exclude<Op, { kind: 'deliver' | 'title' | 'comment' | 'uncomment' }>): void {
  const { editor } = peer.editors.get(sectionIds[op.section % sectionIds.length]!)!;
  editor.update(
    () => {
      const root = $getRoot();
      const texts = root.getAllTextNodes();
      const blocks = root.getChildren();
      if (op.kind === 'paragraph') {
        const p = $createParagraphNode().append($createTextNode(op.text));
        if (blocks.length === 0) root.append(p);
        else blocks[op.at % blocks.length]!.insertAfter(p);
        return;
      }
      if (op.kind === 'removeBlock') {
        if (blocks.length > 1) blocks[op.at % blocks.length]!.remove();
        return;
      }
      if (texts.length === 0) {
        const first = blocks.find($isElementNode) ?? $createParagraphNode();
        if (!first.isAttached()) root.append(first);
        first.append($createTextNode(op.kind === 'insert' ? op.text : 'x'));
        return;
      }
      const node = texts[op.at % texts.length]!;
      if (!$isTextNode(node)) return;
      const size = node.getTextContentSize();
      if (op.kind === 'insert') node.spliceText(op.at % (size + 1), 0, op.text);
      else if (op.kind === 'delete' && size > 0) node.spliceText(op.at % size, Math.min(op.length, size - (op.at % size)), '');
      else if (op.kind === 'bold') node.toggleFormat('bold');
    },
    { discrete: true },
  );
}

function editFields(peer: Peer, op: Extract<Op, { kind: 'title' | 'comment' | 'uncomment' }>, serial: number): void {
  const fields = packFieldsFromDoc(peer.doc) as unknown as Pack;
  if (op.kind === 'title') fields.frontSheet.title = op.text;
  else if (op.kind === 'comment') {
    const id = `c-${serial}`;
    fields.review.comments[id] = { id, threadId: 't', author: { name: `peer ${serial}`, role: '' }, at: '2026-12-01T10:00:00.000Z', text: op.text };
  } else {
    const ids = Object.keys(fields.review.comments);
    if (ids.length === 0) return;
    delete fields.review.comments[ids[op.at % ids.length]!];
  }
  writePackFields(peer.doc, fields);
}

function deliver(peer: Peer, at: number, twice: boolean): void {
  if (peer.inbox.length === 0) return;
  const [update] = peer.inbox.splice(at % peer.inbox.length, 1);
  Y.applyUpdate(peer.doc, update!, REMOTE);
  if (twice) Y.applyUpdate(peer.doc, update!, REMOTE);
  for (const e of peer.editors.values()) flushEditor(e.editor);
}

const peerIx = fc.nat({ max: PEERS - 1 });
const words = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'b', ' ', 'é', 'ß', '£', '7') });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), peer: peerIx, section: fc.nat(), at: fc.nat(), text: words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), peer: peerIx, section: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), peer: peerIx, section: fc.nat(), at: fc.nat(), text: words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeBlock' as const), peer: peerIx, section: fc.nat(), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bold' as const), peer: peerIx, section: fc.nat(), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('title' as const), peer: peerIx, text: words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('comment' as const), peer: peerIx, text: words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('uncomment' as const), peer: peerIx, at: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), peer: peerIx, at: fc.nat(), twice: fc.boolean() }) },
);

describe('convergence of concurrent edits', () => {
  it('every peer ends with the same doc, pack and editor text, whatever the order updates arrive in', () => {
    const base = goldenPackV1AsV2();
    const sectionIds = base.sections.map((s) => s.id);
    let runs = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 40 }), fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), (ops, finalOrder) => {
        runs++;
        const peers = makePeers(base);
        ops.forEach((op, serial) => {
          counts[op.kind] = (counts[op.kind] ?? 0) + 1;
          const peer = peers[op.peer]!;
          if (op.kind === 'deliver') deliver(peer, op.at, op.twice);
          else if (op.kind === 'title' || op.kind === 'comment' || op.kind === 'uncomment') editFields(peer, op, serial);
          else edit(peer, sectionIds, op);
        });
        // Deliver what is still in flight, in a scrambled order, until every inbox is empty.
        let turn = 0;
        while (peers.some((p) => p.inbox.length > 0)) {
          const peer = peers[turn % PEERS]!;
          deliver(peer, finalOrder[turn % finalOrder.length]!, false);
          turn++;
        }
        const packs = peers.map((p) => packFromDoc(p.doc));
        const editorTexts = peers.map((p) => sectionIds.map((id) => JSON.stringify(p.editors.get(id)!.editor.getEditorState().toJSON())));
        for (let i = 1; i < PEERS; i++) {
          expect(packs[i]).toEqual(packs[0]);
          expect(editorTexts[i]).toEqual(editorTexts[0]);
        }
        // What each editor shows is what the doc holds (the binding did not drift from its doc).
        expect(editorTexts[0]).toEqual(packs[0]!.sections.map((s) => JSON.stringify(s.content)));
        for (const p of peers) for (const e of p.editors.values()) e.dispose();
      }),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? Date.now() % 100000) },
    );
    console.log(`convergence: ${runs} runs, ${PEERS} peers, operations ${JSON.stringify(counts)}`);
    expect(runs).toBe(40);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { packFromDoc, packToDoc, writePackFields } from '../../shared/collab/packDoc.js';
import { recordMap, sectionRootName } from '../../shared/collab/layout.js';
import { parsePackText } from '../../shared/pack/parse.js';
import { KNOWN_NODE_TYPES } from '../../shared/richtext/nodeTypes.js';
import { goldenPackV2 } from '../support/goldenPack.js';
import { canonical, everyNodeContent, sectionEditor, typesIn } from '../support/collabContent.js';
import type { Pack } from '../../shared/pack/schema.js';

/**
 * A pack in its Y.Doc and back: section text through @lexical/yjs's binding (a headless
 * editor), everything else as fields and id-keyed records. What comes back must be the pack
 * Lexical itself would have saved, for every node type and every kind of review record.
 */

function withCanonicalContent(pack: Pack): Pack {
  return { ...pack, sections: pack.sections.map((s) => ({ ...s, content: canonical(s.content) as never })) };
}

/** Contract JSON (issue 14) for node types another helper registers: covered as soon as they exist. */
function contractNodes(): unknown[] {
  const registered = sectionEditor()._nodes;
  const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
  const out: unknown[] = [];
  if (registered.has('mark')) out.push({ type: 'mark', version: 1, ids: ['thread-1'], direction: null, format: '', indent: 0, children: [text('the collective offer')] });
  if (registered.has('suggestion')) out.push({ type: 'suggestion', version: 1, suggestionId: 'suggestion-1', kind: 'insert', direction: null, format: '', indent: 0, children: [text('offshore')] });
  return out;
}

/**
 * Until the review helper registers MarkNode (issue 14), the golden pack's mark cannot be
 * parsed by any editor; unwrap nodes no editor knows (keeping their text) so the rest of the
 * golden pack is still checked. Once registered, the golden pack goes through whole.
 */
function unwrapUnregistered(node: any, known: Map<string, unknown>): any {
  if (!node || typeof node !== 'object' || !Array.isArray(node.children)) return node;
  const children = node.children.flatMap((c: any) => (c && typeof c.type === 'string' && !known.has(c.type) && Array.isArray(c.children) ? c.children : [c]).map((x: any) => unwrapUnregistered(x, known)));
  // Lexical merges neighbouring text of the same format on its next update; do it here too.
  const merged: any[] = [];
  for (const c of children) {
    const prev = merged[merged.length - 1];
    if (prev?.type === 'text' && c?.type === 'text' && prev.format === c.format && prev.style === c.style && prev.mode === c.mode && prev.detail === c.detail) merged[merged.length - 1] = { ...prev, text: prev.text + c.text };
    else merged.push(c);
  }
  return { ...node, children: merged };
}
function golden(pack: Pack = goldenPackV2()): Pack {
  const known = sectionEditor()._nodes;
  return { ...pack, sections: pack.sections.map((s) => ({ ...s, content: { ...(s.content as object), root: unwrapUnregistered((s.content as any).root, known) } as never })) };
}

function everyNodePack(): Pack {
  const pack = golden();
  const content = everyNodeContent();
  const extra = contractNodes();
  if (extra.length > 0) (content.root.children as unknown[]).push({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: extra });
  pack.sections[0] = { ...pack.sections[0]!, content: content as never };
  return pack;
}

describe('pack JSON ⇄ Y.Doc', () => {
  it('keeps every node type the section editor registers', () => {
    const pack = everyNodePack();
    const covered = typesIn(canonical(pack.sections[0]!.content));
    const registered = [...sectionEditor()._nodes.keys()].filter((t) => (KNOWN_NODE_TYPES as readonly string[]).includes(t) || t === 'mark' || t === 'suggestion');
    // The fixture really holds each registered type, so a node the binding mangles shows here.
    for (const type of registered) expect(covered, `fixture lacks ${type}`).toContain(type);
    const back = packFromDoc(packToDoc(pack));
    expect(back.sections[0]!.content).toEqual(canonical(pack.sections[0]!.content));
    expect(typesIn(back.sections[0]!.content)).toEqual(covered);
  });

  it('round-trips the v2 golden file: front sheet, outline, section fields, review and clearance', () => {
    const file = readFileSync(path.join(__dirname, '..', 'fixtures', 'packs', 'v2-golden.briefing'), 'utf8');
    const pack = golden(parsePackText(file));
    const back = packFromDoc(packToDoc(pack));
    expect(back).toEqual(withCanonicalContent(pack));
    expect(Object.keys(back.review.threads).length).toBeGreaterThan(0);
    expect(Object.keys(back.clearance.signOffs).length).toBeGreaterThan(0);
  });

  it('survives the trip as bytes (what the server stores and sends)', () => {
    const pack = everyNodePack();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(packToDoc(pack)));
    expect(packFromDoc(remote)).toEqual(withCanonicalContent(pack));
  });

  it('puts each section in its own named XmlText root and each record in its own map entry', () => {
    const pack = golden();
    const doc = packToDoc(pack);
    for (const s of pack.sections) expect((doc.get(sectionRootName(s.id), Y.XmlText) as Y.XmlText).length).toBeGreaterThan(0);
    expect([...recordMap(doc, 'comments').keys()].sort()).toEqual(Object.keys(pack.review.comments).sort());
    expect([...recordMap(doc, 'signOffs').keys()]).toEqual(Object.keys(pack.clearance.signOffs));
    expect(recordMap(doc, 'threads').get('thread-2')!.get('resolved')).toEqual(pack.review.threads['thread-2']!.resolved);
  });

  it('writes only what changed, and concurrent edits of different fields and records both land', () => {
    const pack = golden();
    const a = packToDoc(pack);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    let updates = 0;
    a.on('update', () => updates++);
    writePackFields(a, pack);
    expect(updates).toBe(0);

    const fromA = structuredClone(pack);
    fromA.frontSheet.meeting.date = '2027-01-14';
    fromA.review.comments['comment-a'] = { id: 'comment-a', threadId: 'thread-1', author: { name: 'A', role: 'Officer' }, at: '2026-11-23T10:00:00.000Z', text: 'From A' };
    fromA.review.threads['thread-1']!.resolved = { by: { name: 'A', role: 'Officer' }, at: '2026-11-23T10:00:00.000Z' };
    const fromB = structuredClone(pack);
    fromB.frontSheet.meeting.name = 'Full Council';
    fromB.review.comments['comment-b'] = { id: 'comment-b', threadId: 'thread-1', author: { name: 'B', role: 'Member' }, at: '2026-11-23T10:00:01.000Z', text: 'From B' };
    fromB.review.threads['thread-1']!.quote = 'the offer';
    delete fromB.review.suggestions['suggestion-1'];
    fromB.sections.reverse();
    writePackFields(a, fromA);
    writePackFields(b, fromB);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const merged = packFromDoc(a);
    expect(packFromDoc(b)).toEqual(merged);
    expect(merged.frontSheet.meeting).toEqual({ name: 'Full Council', date: '2027-01-14' });
    expect(Object.keys(merged.review.comments)).toEqual(expect.arrayContaining(['comment-a', 'comment-b']));
    expect(merged.review.threads['thread-1']).toMatchObject({ quote: 'the offer', resolved: { by: { name: 'A' } } });
    expect(merged.review.suggestions['suggestion-1']).toBeUndefined();
    expect(merged.sections.map((s) => s.id)).toEqual(pack.sections.map((s) => s.id).reverse());
  });

  it('refuses, in plain words, a doc that does not make a pack', () => {
    expect(() => packFromDoc(new Y.Doc())).toThrow(/does not make a valid pack/);
  });
});

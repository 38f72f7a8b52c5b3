import { describe, expect, it } from 'vitest';
import { readDocx } from '../../electron/docx/readDocx.js';
import { bringBackFromWord, describeBackFromWord } from '../../electron/review/backFromWord.js';
import { inlineText } from '../../electron/review/packText.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { reviewedPack } from '../support/reviewPack.js';
import { reviewedInWord } from '../support/reviewedInWord.js';

/**
 * Back from Word (issue 14, point 7): a review copy exported with markup, then reviewed as Word
 * writes it (a new comment on chosen words, a tracked insertion and a tracked deletion, added
 * to the XML the way Word marks them up), read by the one DOCX reader and brought back.
 */
function find(nodes: readonly SerializedNodeJson[], test: (n: SerializedNodeJson) => boolean, out: SerializedNodeJson[] = []): SerializedNodeJson[] {
  for (const n of nodes) {
    if (test(n)) out.push(n);
    if (Array.isArray(n.children)) find(n.children, test, out);
  }
  return out;
}

describe('back from Word', () => {
  it('puts the new comment and tracked changes on the right text and leaves the pack’s own alone', async () => {
    const pack = reviewedPack();
    const before = structuredClone(pack);
    const doc = readDocx(await reviewedInWord(), { fileName: 'reviewed.docx' });
    const { pack: back, report } = bringBackFromWord(pack, doc, new Date('2026-12-02T09:00:00Z'));
    expect(report).toMatchObject({ threadsAdded: 1, repliesAdded: 0, suggestionsAdded: 2, notPlaced: [] });
    expect(report.alreadyInPack).toBeGreaterThanOrEqual(4 + 4); // 4 comments and the 4 exported suggestions

    // The new thread: a mark round exactly "fair settlement" in Summary's second paragraph.
    const thread = Object.values(back.review.threads).find((t) => t.author.name === 'Lee Office')!;
    expect(thread).toMatchObject({ sectionId: 's1', anchor: 'text', quote: 'fair settlement', resolved: null, createdAt: '2026-12-01T10:00:00.000Z' });
    const summary = back.sections[0]!.content.root.children;
    const mark = find(summary, (n) => n.type === 'mark' && (n.ids as string[]).includes(thread.id));
    expect(mark.map((m) => inlineText(m.children))).toEqual(['fair settlement']);
    expect(Object.values(back.review.comments).filter((c) => c.threadId === thread.id).map((c) => c.text)).toEqual(['Say how much we ask for.']);

    // The insertion sits after "Costs may rise " in Risks; the deletion wraps "before the meeting".
    const risks = back.sections[1]!.content.root.children[0]!;
    const ins = find([risks], (n) => n.type === 'suggestion' && n.kind === 'insert');
    expect(ins).toHaveLength(1);
    expect(find(ins, (n) => n.type === 'text').map((n) => n.text)).toEqual(['sharply ']);
    const kids = risks.children!;
    const at = kids.indexOf(ins[0]!);
    expect(inlineText(kids.slice(0, at))).toBe('Costs may rise ');
    const del = find(summary, (n) => n.type === 'suggestion' && n.kind === 'delete' && n.suggestionId !== 'g2');
    expect(del.map((d) => inlineText(d.children))).toEqual(['before the meeting']);
    const records = Object.values(back.review.suggestions).filter((s) => s.author.name === 'Lee Office');
    expect(records.map((s) => [s.kind, s.text, s.sectionId]).sort()).toEqual([['delete', 'before the meeting', 's1'], ['insert', 'sharply ', 's2']]);

    // The pack given is untouched; the report reads in plain English.
    expect(pack).toEqual(before);
    expect(describeBackFromWord(report)[0]).toBe('Added 1 comment thread, 0 replies and 2 suggested changes.');
  });

  it('reports what it cannot place, and adds nothing twice when brought back again', async () => {
    const doc = readDocx(await reviewedInWord(), { fileName: 'reviewed.docx' });
    const first = bringBackFromWord(reviewedPack(), doc).pack;
    const again = bringBackFromWord(first, doc);
    expect(again.report.threadsAdded).toBe(0);
    // Brought back twice, the insertion is recognised as the pack's own now.
    expect(again.report.suggestionsAdded).toBe(0);

    // Text the pack no longer has cannot be placed: it says so.
    const changed = reviewedPack();
    changed.sections[0]!.content.root.children[1] = { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'A wholly different sentence.', format: 0 }] };
    const { report } = bringBackFromWord(changed, doc);
    expect(report.notPlaced.map((n) => [n.what, n.author])).toContainEqual(['comment', 'Lee Office']);
    expect(report.notPlaced.find((n) => n.what === 'comment')!.reason).toMatch(/“fair settlement”\) was not found in the pack/);
  });
});

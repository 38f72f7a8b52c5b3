import { newPack } from '../../shared/pack/defaults.js';
import type { Pack, Section } from '../../shared/pack/schema.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { STANDARD_SIGN_OFFS } from '../../shared/clearance/vocabulary.js';

/**
 * Section JSON with review markup written by hand exactly as the issue-14 contract says the
 * editor serialises it (mark nodes, suggestion nodes, block suggestions in `$`), so the
 * clearance, export and back-from-Word code is tested against the contract itself.
 */
export const text = (t: string, format = 0): SerializedNodeJson => ({ type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 });
export const mark = (ids: string[], children: SerializedNodeJson[]): SerializedNodeJson => ({ type: 'mark', version: 1, ids, children });
export const ins = (id: string, children: SerializedNodeJson[]): SerializedNodeJson => ({ type: 'suggestion', version: 1, suggestionId: id, kind: 'insert', children });
export const del = (id: string, children: SerializedNodeJson[]): SerializedNodeJson => ({ type: 'suggestion', version: 1, suggestionId: id, kind: 'delete', children });
export const para = (children: SerializedNodeJson[], suggestion?: { id: string; kind: 'block-insert' | 'block-delete' }): SerializedNodeJson => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
  ...(suggestion ? { $: { suggestion } } : {}),
});

export function section(id: string, title: string, blocks: SerializedNodeJson[]): Section {
  return { id, title, guidance: '', content: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks } as never } };
}

const alice = { name: 'Alice Reviewer', role: 'Chief Finance Officer' };
const bob = { name: 'Bob Legal', role: 'Monitoring Officer' };

/**
 * A cabinet report under review: a comment thread with a reply on "local evidence", a resolved
 * thread, a section-wide thread, an inserted and a deleted phrase, an inserted paragraph and a
 * deleted one.
 */
export function reviewedPack(): Pack {
  const pack = newPack({ title: 'Clean energy: the local angle', version: '0.3', reportOf: 'Director of Place' }, [
    section('s1', 'Summary', [
      para([text('The borough will gather '), mark(['t1'], [text('local evidence')]), text(' on jobs '), ins('g1', [text('and skills ')]), text('before the meeting.')]),
      para([text('We ask Government '), del('g2', [text('very strongly ')]), text('for a fair settlement.')]),
      para([text('A new paragraph proposed by finance.')], { id: 'g3', kind: 'block-insert' }),
      para([text('An old paragraph legal would remove.')], { id: 'g4', kind: 'block-delete' }),
    ]),
    section('s2', 'Risks', [para([text('Costs may rise in '), mark(['t2'], [text('the second year')]), text('.')])]),
  ]);
  pack.clearance = { required: STANDARD_SIGN_OFFS.map((r) => ({ ...r })), signOffs: {} };
  pack.review = {
    threads: {
      t1: { id: 't1', sectionId: 's1', anchor: 'text', quote: 'local evidence', author: alice, createdAt: '2026-11-30T09:00:00.000Z', resolved: null },
      t2: { id: 't2', sectionId: 's2', anchor: 'text', quote: 'the second year', author: bob, createdAt: '2026-11-30T10:00:00.000Z', resolved: { by: alice, at: '2026-11-30T12:00:00.000Z' } },
      t3: { id: 't3', sectionId: 's2', anchor: 'section', quote: '', author: bob, createdAt: '2026-11-30T11:00:00.000Z', resolved: null },
    },
    comments: {
      c1: { id: 'c1', threadId: 't1', author: alice, at: '2026-11-30T09:00:00.000Z', text: 'Which evidence? Please name the survey.' },
      c2: { id: 'c2', threadId: 't1', author: bob, at: '2026-11-30T09:30:00.000Z', text: 'The 2025 skills survey.' },
      c3: { id: 'c3', threadId: 't2', author: bob, at: '2026-11-30T10:00:00.000Z', text: 'Say which year.' },
      c4: { id: 'c4', threadId: 't3', author: bob, at: '2026-11-30T11:00:00.000Z', text: 'This section needs a legal risk.' },
    },
    suggestions: {
      g1: { id: 'g1', sectionId: 's1', kind: 'insert', author: alice, at: '2026-11-30T09:10:00.000Z', text: 'and skills ' },
      g2: { id: 'g2', sectionId: 's1', kind: 'delete', author: bob, at: '2026-11-30T09:20:00.000Z', text: 'very strongly ' },
      g3: { id: 'g3', sectionId: 's1', kind: 'block-insert', author: alice, at: '2026-11-30T09:40:00.000Z', text: 'A new paragraph proposed by finance.' },
      g4: { id: 'g4', sectionId: 's1', kind: 'block-delete', author: bob, at: '2026-11-30T09:50:00.000Z', text: 'An old paragraph legal would remove.' },
    },
  };
  return pack;
}

/** The same pack with every suggestion settled (accepted) and the marks left in place. */
export function settledPack(): Pack {
  const pack = reviewedPack();
  pack.sections[0] = section('s1', 'Summary', [
    para([text('The borough will gather '), mark(['t1'], [text('local evidence')]), text(' on jobs and skills before the meeting.')]),
    para([text('We ask Government for a fair settlement.')]),
    para([text('A new paragraph proposed by finance.')]),
  ]);
  pack.review.suggestions = {};
  return pack;
}

import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import type { Pack } from '../../shared/pack/schema.js';

/**
 * The golden packs, one per format version, from which tests/fixtures/packs/vN-golden.briefing
 * were written. Old versions are plain JSON (the current schema no longer describes them).
 */

/** The v1 golden pack (format 1, as the first release wrote it). */
export function goldenPackV1(): Record<string, unknown> & { sections: Array<Record<string, unknown>> } {
  return {
    format: 'briefing-pack',
    formatVersion: 1,
    id: '6f1c2a58-3a0e-4d2b-9d77-0c1f5e2b9a10',
    createdAt: '2026-11-02T09:15:00.000Z',
    updatedAt: '2026-11-20T16:42:10.000Z',
    frontSheet: {
      title: 'The North’s five gamechangers: Sefton’s local angle',
      meeting: { name: 'Cabinet', date: '2026-12-03' },
      reportOf: 'Executive Director of Place',
      leadCabinetMember: 'Cabinet Member for Regeneration and Skills',
      contactOfficer: { name: 'Alex Morgan', phone: '0151 934 2000', email: 'alex.morgan@sefton.gov.uk' },
      wardsAffected: ['All'],
      keyDecision: { isKeyDecision: true, forwardPlanRef: 'FP-2026-114' },
      access: { exempt: false, schedule12aParagraph: null },
      classification: 'OFFICIAL',
      status: 'draft',
      version: '0.4',
    },
    sections: [
      {
        id: 'summary',
        title: 'Summary',
        guidance: 'Two or three sentences: what this pack asks Cabinet to note or agree.',
        wordLimit: 150,
        content: editorStateFromParagraphs(['Sefton supports the collective offer and sets out its local angle on each gamechanger.']),
      },
      {
        id: 'green',
        title: 'Leading the Green Industrial Revolution',
        gamechangerId: 'green-industrial-revolution',
        guidance: 'The local angle: what does this gamechanger mean for our borough?',
        content: editorStateFromParagraphs(['Our coast and port give Sefton a head start on offshore wind.', 'Retrofit of older homes is the biggest local job opportunity.']),
      },
    ],
    template: { id: 'builtin:gamechangers', name: 'The North’s five gamechangers: local angles', version: '1.0' },
  };
}

/** What the v1 golden pack reads as in format 2: the same pack with empty review and clearance. */
export function goldenPackV1AsV2(): Pack {
  return { ...(goldenPackV1() as unknown as Pack), formatVersion: 2, review: { threads: {}, comments: {}, suggestions: {} }, clearance: { required: [], signOffs: {} } };
}

const director = { name: 'Priya Shah', role: 'Executive Director of Place' };
const finance = { name: 'Tom Hughes', role: 'Chief Finance Officer' };

/**
 * The v2 golden pack: every v2 field used once. A thread anchored on text (a @lexical/mark node
 * carrying its id) with a reply, a resolved whole-section thread, a suggestion record, the four
 * usual sign-off requirements with one given, and an exempt appendix.
 */
export function goldenPackV2(): Pack {
  const v1 = goldenPackV1AsV2();
  const summary = v1.sections[0]!;
  const marked = editorStateFromParagraphs(['Sefton supports the collective offer and sets out its local angle on each gamechanger.']);
  const paragraph = marked.root.children[0]!;
  const text = paragraph.children![0]!;
  paragraph.children = [
    { ...text, text: 'Sefton supports ' },
    { type: 'mark', version: 1, ids: ['thread-1'], direction: null, format: '', indent: 0, children: [{ ...text, text: 'the collective offer' }] },
    { ...text, text: ' and sets out its local angle on each gamechanger.' },
  ];
  return {
    ...v1,
    formatVersion: 2,
    sections: [
      { ...summary, content: marked },
      { ...v1.sections[1]!, kind: 'body' },
      {
        id: 'appendix-costs',
        title: 'Appendix: commercial costs of the port expansion',
        guidance: '',
        kind: 'appendix',
        exempt: { paragraph: 3 },
        content: editorStateFromParagraphs(['The operator has quoted £4.2m for the quay works.']),
      },
    ],
    review: {
      threads: {
        'thread-1': { id: 'thread-1', sectionId: 'summary', anchor: 'text', quote: 'the collective offer', author: director, createdAt: '2026-11-21T10:00:00.000Z', resolved: null },
        'thread-2': {
          id: 'thread-2',
          sectionId: 'green',
          anchor: 'section',
          quote: '',
          author: finance,
          createdAt: '2026-11-21T11:00:00.000Z',
          resolved: { by: director, at: '2026-11-22T09:30:00.000Z' },
        },
      },
      comments: {
        'comment-1': { id: 'comment-1', threadId: 'thread-1', author: director, at: '2026-11-21T10:00:00.000Z', text: 'Name the offer in full the first time.' },
        'comment-2': { id: 'comment-2', threadId: 'thread-1', author: finance, at: '2026-11-21T10:20:00.000Z', editedAt: '2026-11-21T10:25:00.000Z', text: 'Agreed.' },
        'comment-3': { id: 'comment-3', threadId: 'thread-2', author: finance, at: '2026-11-21T11:00:00.000Z', text: 'Add the retrofit costings.' },
      },
      suggestions: {
        'suggestion-1': { id: 'suggestion-1', sectionId: 'green', kind: 'insert', author: director, at: '2026-11-21T12:00:00.000Z', text: 'offshore' },
      },
    },
    clearance: {
      required: [
        { id: 's151', kind: 's151', title: 'Chief Finance Officer (s151)', required: true },
        { id: 'mo', kind: 'monitoring-officer', title: 'Monitoring Officer', required: true },
        { id: 'director', kind: 'director', title: 'Director', required: true },
        { id: 'lead', kind: 'lead-member', title: 'Lead Cabinet Member', required: true },
      ],
      signOffs: {
        'signoff-1': {
          id: 'signoff-1',
          requirementId: 's151',
          by: finance,
          decision: 'cleared-with-comments',
          reference: 'FD 1234/26',
          comment: 'Costs to be confirmed at the next Cabinet.',
          at: '2026-11-22T15:00:00.000Z',
          packVersion: '0.4',
          contentHash: 'sha256:0d3f6a1e',
        },
      },
    },
  };
}

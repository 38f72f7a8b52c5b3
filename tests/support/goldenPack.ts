import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import type { Pack } from '../../shared/pack/schema.js';

/** A complete v1 pack used to (re)generate the golden fixture and in tests. */
export function goldenPackV1(): Pack {
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

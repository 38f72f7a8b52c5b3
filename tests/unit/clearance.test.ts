import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentHashOf } from '../../shared/clearance/contentHash.js';
import { approvalCheck } from '../../shared/clearance/approval.js';
import { consultationParagraph } from '../../shared/clearance/consultation.js';
import { recordSignOff } from '../../shared/clearance/recordSignOff.js';
import { requirementStates } from '../../shared/clearance/signOffState.js';
import { openSuggestions } from '../../shared/clearance/openReview.js';
import { packSchema } from '../../shared/pack/schema.js';
import { del, ins, mark, para, reviewedPack, section, settledPack, text } from '../support/reviewPack.js';

const cfo = { name: 'Stephan Van Arendsen', role: 'Executive Director of Corporate Resources and Customer Services' };
const mo = { name: 'David McCullough', role: 'Chief Legal and Democratic Officer' };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

function clearAll(pack = settledPack()) {
  let p = recordSignOff(pack, { requirementId: 's151', by: cfo, decision: 'cleared', reference: 'FD 1234/26', comment: '' }, at(1), 'so1');
  p = recordSignOff(p, { requirementId: 'monitoring-officer', by: mo, decision: 'cleared-with-comments', reference: 'LD 5678/26', comment: 'Add the legal risk.' }, at(2), 'so2');
  p = recordSignOff(p, { requirementId: 'director', by: { name: 'Dir', role: 'Director of Place' }, decision: 'cleared', reference: '', comment: '' }, at(3), 'so3');
  p = recordSignOff(p, { requirementId: 'lead-member', by: { name: 'Cllr Lead', role: 'Cabinet Member' }, decision: 'cleared', reference: '', comment: '' }, at(4), 'so4');
  return p;
}

describe('content hash', () => {
  it('is deterministic and SHA-256 shaped', () => {
    const a = contentHashOf(reviewedPack());
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(contentHashOf(reviewedPack())).toBe(a);
  });

  it('ignores comment marks, open suggestions, status, version, guidance and key order', () => {
    const plain = section('s', 'T', [para([text('Hello brave world')])]);
    const marked = section('s', 'T', [para([text('Hello '), mark(['t'], [text('brave')]), text(' world')])]);
    const suggested = section('s', 'T', [para([text('Hello '), ins('i', [text('new ')]), text('brave world')]), para([text('x')], { id: 'b', kind: 'block-insert' })]);
    const base = reviewedPack();
    const h = (s: typeof plain, edit: (p: typeof base) => void = () => {}) => {
      const p = structuredClone(base);
      p.sections = [s];
      edit(p);
      return contentHashOf(p);
    };
    const ref = h(plain);
    expect(h(marked)).toBe(ref);
    expect(h(suggested)).toBe(ref);
    expect(h(plain, (p) => { p.frontSheet.status = 'approved'; p.frontSheet.version = '9'; p.sections[0]!.guidance = 'g'; })).toBe(ref);
    const reverseKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v);
    expect(h(reverseKeys(plain) as typeof plain)).toBe(ref);
    // A suggested deletion is still content until it is accepted.
    expect(h(section('s', 'T', [para([text('Hello '), del('d', [text('brave')]), text(' world')])]))).toBe(ref);
  });

  it('changes with any word, title, order or front-sheet field', () => {
    const p = reviewedPack();
    const ref = contentHashOf(p);
    const edits: Array<(q: typeof p) => void> = [
      (q) => { q.sections[0]!.title = 'Summary!'; },
      (q) => { q.sections.reverse(); },
      (q) => { q.frontSheet.title += ' 2'; },
      (q) => { q.frontSheet.wardsAffected = ['Ainsdale']; },
      (q) => { (q.sections[1]!.content.root.children[0]!.children![0] as { text: string }).text = 'Costs may fall in '; },
      (q) => { q.sections[1]!.content.root.children[0]!.children![0]!.format = 1; },
    ];
    for (const edit of edits) {
      const q = structuredClone(p);
      edit(q);
      expect(contentHashOf(q)).not.toBe(ref);
    }
  });

  it('accepting a suggestion changes it; rejecting it does not (property over random texts)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 20 }), (a, added, b) => {
        const p = reviewedPack();
        p.sections = [section('s', 'T', [para([text(a), ins('i', [text(added)]), text(b)])])];
        const suggested = contentHashOf(p);
        p.sections = [section('s', 'T', [para([text(a + b)])])];
        expect(contentHashOf(p)).toBe(suggested);
        p.sections = [section('s', 'T', [para([text(a + added + b)])])];
        expect(contentHashOf(p)).not.toBe(suggested);
      }),
      { numRuns: 200 },
    );
  });
});

describe('sign-offs and staleness', () => {
  it('records who, role, decision, reference, comment, time, version and hash; passes the pack schema', () => {
    const p = clearAll();
    const so = p.clearance.signOffs.so1!;
    expect(so).toMatchObject({ requirementId: 's151', by: cfo, decision: 'cleared', reference: 'FD 1234/26', at: at(1).toISOString(), packVersion: '0.3', contentHash: contentHashOf(p) });
    expect(() => packSchema.parse(p)).not.toThrow();
    expect(requirementStates(p, contentHashOf(p)).every((s) => s.standing === 'current' && s.clears)).toBe(true);
  });

  it('refuses a sign-off without a name, an unknown requirement, or a "not cleared" without a reason', () => {
    const p = settledPack();
    expect(() => recordSignOff(p, { requirementId: 's151', by: { name: ' ', role: '' }, decision: 'cleared', reference: '', comment: '' })).toThrow(/name/);
    expect(() => recordSignOff(p, { requirementId: 'nope', by: cfo, decision: 'cleared', reference: '', comment: '' })).toThrow(/does not list/);
    expect(() => recordSignOff(p, { requirementId: 's151', by: cfo, decision: 'not-cleared', reference: '', comment: '' })).toThrow(/why/);
  });

  it('a content change makes every sign-off "needs clearing again"; clearing again makes it current', () => {
    let p = clearAll();
    p.sections[1]!.title = 'Risks and mitigations';
    const hash = contentHashOf(p);
    expect(requirementStates(p, hash).map((s) => s.standing)).toEqual(['needs-clearing-again', 'needs-clearing-again', 'needs-clearing-again', 'needs-clearing-again']);
    p = recordSignOff(p, { requirementId: 's151', by: cfo, decision: 'cleared', reference: 'FD 1234/26', comment: '' }, at(9), 'so9');
    const s151 = requirementStates(p, hash).find((s) => s.requirement.id === 's151')!;
    expect(s151.standing).toBe('current');
    expect(s151.history.map((s) => s.id)).toEqual(['so1', 'so9']);
  });
});

describe('approval rule', () => {
  it('refuses while sign-offs are missing and suggestions open, warning about open comments', () => {
    const check = approvalCheck(reviewedPack());
    expect(check.allowed).toBe(false);
    expect(check.blockers).toContain('Chief Finance Officer (s151) has not signed off.');
    expect(check.blockers.some((b) => /4 suggested changes are still open \(in “Summary”\)/.test(b))).toBe(true);
    expect(check.warnings).toEqual(['2 comment threads are still open.']);
  });

  it('allows once all are cleared on the current content with no open suggestion; open comments only warn', () => {
    const check = approvalCheck(clearAll());
    expect(check).toEqual({ allowed: true, blockers: [], warnings: ['2 comment threads are still open.'] });
  });

  it('refuses again after an edit, and on a "not cleared" decision; an optional sign-off only warns', () => {
    const p = clearAll();
    p.sections[0]!.content.root.children.push(para([text('One more line.')]));
    expect(approvalCheck(p).blockers).toContain('Monitoring Officer signed off an earlier version of the content: it needs clearing again.');
    let q = clearAll();
    q = recordSignOff(q, { requirementId: 's151', by: cfo, decision: 'not-cleared', reference: 'FD 1234/26', comment: 'Costs are wrong.' }, at(30), 'so30');
    expect(approvalCheck(q).blockers).toEqual(['Chief Finance Officer (s151): not cleared (Stephan Van Arendsen).']);
    const r = clearAll();
    r.clearance.required.push({ id: 'equalities', kind: 'other', title: 'Equalities officer', required: false });
    expect(approvalCheck(r).allowed).toBe(true);
    expect(approvalCheck(r).warnings).toContain('Equalities officer (optional) has not signed off.');
  });

  it('finds open suggestions in the content, inline and block, with their section', () => {
    expect(openSuggestions(reviewedPack()).map((s) => [s.id, s.kind, s.sectionId, s.text])).toEqual([
      ['g1', 'insert', 's1', 'and skills '],
      ['g2', 'delete', 's1', 'very strongly '],
      ['g3', 'block-insert', 's1', 'A new paragraph proposed by finance.'],
      ['g4', 'block-delete', 's1', 'An old paragraph legal would remove.'],
    ]);
  });
});

describe('consultation paragraph', () => {
  it('is worded as Sefton words it, from the current finance and legal sign-offs', () => {
    expect(consultationParagraph(clearAll())).toBe(
      'The Executive Director of Corporate Resources and Customer Services (FD 1234/26) and the Chief Legal and Democratic Officer (LD 5678/26) have been consulted and any comments have been incorporated in the report.',
    );
  });

  it('names one officer in the singular, falls back to the title, and leaves out stale or refused sign-offs', () => {
    let p = recordSignOff(settledPack(), { requirementId: 's151', by: { name: 'X', role: '' }, decision: 'cleared', reference: '', comment: '' }, at(1));
    expect(consultationParagraph(p)).toBe('The Chief Finance Officer (s151) has been consulted and any comments have been incorporated in the report.');
    p.frontSheet.title = 'Changed';
    expect(consultationParagraph(p)).toBeNull();
    p = recordSignOff(settledPack(), { requirementId: 'monitoring-officer', by: mo, decision: 'not-cleared', reference: 'LD 1', comment: 'No.' }, at(1));
    expect(consultationParagraph(p)).toBeNull();
  });
});

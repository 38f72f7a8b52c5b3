import { describe, expect, it } from 'vitest';
import { requirementsProblem, setRequirements } from '../../shared/clearance/editRequirements.js';
import { recordSignOff } from '../../shared/clearance/recordSignOff.js';
import { STANDARD_SIGN_OFFS } from '../../shared/clearance/vocabulary.js';
import { packSchema, type Pack } from '../../shared/pack/schema.js';
import { reviewedPack } from '../support/reviewPack.js';

/** Issue 14, point 5: changing the list of sign-offs a pack needs. */
describe('the sign-offs a pack needs', () => {
  const withStandard = (): Pack => ({ ...reviewedPack(), clearance: { required: STANDARD_SIGN_OFFS.map((s) => ({ ...s })), signOffs: {} } });

  it('keeps the ids of those kept, makes new ids that never take an old record, and stays a valid pack', () => {
    let pack = withStandard();
    pack = recordSignOff(pack, { requirementId: 'monitoring-officer', by: { name: 'Sam Legal', role: 'Monitoring Officer' }, decision: 'cleared', reference: 'LD 1/26', comment: '' });
    // Monitoring Officer removed, a new legal sign-off added: it must not inherit the old record.
    const next = setRequirements(pack, [
      { id: 'director', kind: 'director', title: ' Executive Director ', required: true },
      { kind: 'monitoring-officer', title: 'Chief Legal Officer', required: true },
      { kind: 'other', title: 'Equalities', required: false },
      { kind: 'other', title: 'Climate', required: false },
    ]);
    expect(next.clearance.required.map((r) => [r.id, r.title, r.required])).toEqual([
      ['director', 'Executive Director', true],
      ['monitoring-officer-2', 'Chief Legal Officer', true],
      ['other', 'Equalities', false],
      ['other-2', 'Climate', false],
    ]);
    expect(Object.keys(next.clearance.signOffs)).toHaveLength(1); // the record is kept
    expect(() => packSchema.parse(next)).not.toThrow();
    expect(pack.clearance.required).toHaveLength(4); // the pack given is unchanged
  });

  it.each([
    [[{ kind: 'other' as const, title: '  ', required: true }], 0, 'Sign-off 1 has no name'],
    [[{ kind: 'director' as const, title: 'Director', required: true }, { kind: 'other' as const, title: 'director', required: false }], 1, '“director” is in the list twice'],
    [[{ kind: 'other' as const, title: 'x'.repeat(201), required: true }], 0, 'longer than 200 characters'],
  ])('refuses a bad list in plain words, naming the row', (list, row, message) => {
    const problem = requirementsProblem(list);
    expect(problem?.row).toBe(row);
    expect(problem?.message).toContain(message);
    expect(() => setRequirements(withStandard(), list)).toThrow(message);
  });

  it('an empty list is allowed (the pack needs no sign-offs)', () => {
    expect(setRequirements(withStandard(), []).clearance.required).toEqual([]);
  });
});

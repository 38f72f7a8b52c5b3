import { describe, expect, it } from 'vitest';
import { checkPack, isAllCaps, isBareUrl, isVagueLinkText } from '../../electron/export/accessibility/checkPack.js';
import { ACCESSIBILITY_RULES } from '../../shared/export/types.js';
import { RULE_FIXTURES } from '../fixtures/export/accessibilityFixtures.js';
import { makeFeaturePack } from '../fixtures/export/featurePack.js';
import { makeReferencePack } from '../support/referencePack.js';
import { link, paragraph, stateOf } from '../support/referencePack.js';
import { newPack } from '../../shared/pack/defaults.js';

describe('accessibility checker: every rule has a failing and a passing fixture', () => {
  it('covers every rule', () => {
    expect(RULE_FIXTURES.map((f) => f.rule).sort()).toEqual(Object.keys(ACCESSIBILITY_RULES).sort());
  });

  for (const fixture of RULE_FIXTURES) {
    it(`${fixture.rule}: reports the failing fixture with where and how to fix`, () => {
      const report = checkPack(fixture.failing.pack, fixture.failing.branding);
      const found = report.problems.filter((p) => p.rule === fixture.rule);
      expect(found.length).toBeGreaterThan(0);
      for (const problem of found) {
        expect(problem.where).toMatch(/\S/);
        expect(problem.message).toMatch(/\S/);
        expect(problem.fix).toMatch(/\S/);
      }
      expect(report.errors + report.warnings).toBe(report.problems.length);
    });

    it(`${fixture.rule}: the passing fixture has no problems at all`, () => {
      const report = checkPack(fixture.passing.pack, fixture.passing.branding);
      expect(report.problems).toEqual([]);
    });
  }

  it('says where a problem is: section, paragraph and table cell', () => {
    const fixture = RULE_FIXTURES.find((f) => f.rule === 'link-text')!;
    const [problem] = checkPack(fixture.failing.pack).problems;
    expect(problem).toMatchObject({ severity: 'warning', where: 'Section 1 “Local angle”, paragraph 1', sectionId: 'sec' });
    expect(problem!.message).toContain('click here');
  });

  it('flags a bare web address as link text', () => {
    const pack = newPack({ title: 'Links' }, [{ id: 's', title: 'S', guidance: '', content: stateOf([paragraph([link('https://www.sefton.gov.uk', 'https://www.sefton.gov.uk')])]) }]);
    expect(checkPack(pack).problems.map((p) => p.rule)).toEqual(['link-text']);
    expect(isBareUrl('www.sefton.gov.uk/plan')).toBe(true);
    expect(isBareUrl('Sefton plan')).toBe(false);
    expect(isVagueLinkText('Click here.')).toBe(true);
    expect(isAllCaps('OFFICIAL-SENSITIVE: PERSONAL')).toBe(false);
  });

  it('finds the known problems of the feature pack and none in the reference pack', () => {
    expect(checkPack(makeFeaturePack()).problems.map((p) => p.rule)).toEqual(['underline-not-link']);
    expect(checkPack(makeReferencePack()).problems).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePackText, serialisePack, packFromJson } from '../../shared/pack/parse.js';
import { migrateToCurrent, PACK_MIGRATIONS, type MigrationChain } from '../../shared/pack/migrations.js';
import { PACK_FORMAT_VERSION } from '../../shared/pack/format.js';
import { HostError } from '../../shared/api/errors.js';
import { goldenPackV1, goldenPackV1AsV2, goldenPackV2 } from '../support/goldenPack.js';
import { newPack } from '../../shared/pack/defaults.js';

const FIXTURES = path.resolve('tests/fixtures/packs');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function failure(fn: () => unknown): HostError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HostError) return err;
    throw new Error(`expected a HostError, got ${String(err)}`);
  }
  throw new Error('expected the call to fail');
}

describe('pack format', () => {
  it('has a golden fixture for every format version, and each one loads', () => {
    const golden = readdirSync(FIXTURES).filter((f) => /^v\d+-golden\.briefing$/.test(f));
    const versions = golden.map((f) => Number(/^v(\d+)/.exec(f)![1])).sort();
    expect(versions).toEqual(Array.from({ length: PACK_FORMAT_VERSION }, (_, i) => i + 1));
    for (const file of golden) expect(() => parsePackText(read(file), { label: file })).not.toThrow();
  });

  it('the v1 golden fixture is the v1 golden pack, as the first release wrote it', () => {
    expect(JSON.parse(read('v1-golden.briefing'))).toEqual(goldenPackV1());
  });

  it('reads a v1 file as v2: the same pack with empty review and clearance', () => {
    expect(parsePackText(read('v1-golden.briefing'))).toEqual(goldenPackV1AsV2());
  });

  it('writes a v1 file as v2 only when saved: reading does not change the text, saving writes format 2', () => {
    const before = read('v1-golden.briefing');
    const pack = parsePackText(before);
    expect(read('v1-golden.briefing')).toBe(before);
    const written = JSON.parse(serialisePack(pack)) as { formatVersion: number; review: unknown; clearance: unknown };
    expect(written.formatVersion).toBe(2);
    expect(written.review).toEqual({ threads: {}, comments: {}, suggestions: {} });
    expect(written.clearance).toEqual({ required: [], signOffs: {} });
  });

  it('reads the v2 golden fixture exactly, and writes it back byte for byte (stable key order)', () => {
    expect(parsePackText(read('v2-golden.briefing'))).toEqual(goldenPackV2());
    expect(serialisePack(parsePackText(read('v2-golden.briefing')))).toBe(read('v2-golden.briefing'));
  });

  it('v2 refuses review data that does not fit: an unknown decision, a thread without its section', () => {
    const bad = goldenPackV2() as unknown as { clearance: { signOffs: Record<string, { decision: string }> }; review: { threads: Record<string, { sectionId?: string }> } };
    bad.clearance.signOffs['signoff-1']!.decision = 'waved-through';
    expect(failure(() => packFromJson(bad)).message).toMatch(/decision/i);
    const noSection = goldenPackV2() as unknown as { review: { threads: Record<string, { sectionId?: string }> } };
    delete noSection.review.threads['thread-1']!.sectionId;
    expect(failure(() => packFromJson(noSection)).code).toBe('INVALID_FILE');
  });

  it('v2 refuses an exempt part without a Schedule 12A paragraph from 1 to 7', () => {
    const bad = goldenPackV2() as unknown as { sections: Array<{ exempt?: { paragraph: number } }> };
    bad.sections[2]!.exempt = { paragraph: 8 };
    expect(failure(() => packFromJson(bad)).code).toBe('INVALID_FILE');
  });

  it('a new pack defaults wards to All, OFFICIAL, draft, public, not a key decision', () => {
    const pack = newPack();
    expect(pack.frontSheet.wardsAffected).toEqual(['All']);
    expect(pack.frontSheet.classification).toBe('OFFICIAL');
    expect(pack.frontSheet.status).toBe('draft');
    expect(pack.frontSheet.access).toEqual({ exempt: false, schedule12aParagraph: null });
    expect(pack.frontSheet.keyDecision.isKeyDecision).toBe(false);
    expect(() => packFromJson(JSON.parse(serialisePack(pack)))).not.toThrow();
  });

  const rejected: Array<[string, string, RegExp]> = [
    ['truncated.briefing', 'INVALID_FILE', /damaged: it is not readable JSON/],
    ['not-json.briefing', 'INVALID_FILE', /not readable JSON/],
    ['empty.briefing', 'INVALID_FILE', /is empty/],
    ['wrong-format.briefing', 'INVALID_FILE', /is not a briefing pack \(its "format" is "word-document"/],
    ['newer-version.briefing', 'NEWER_VERSION', /newer version of Briefing Studio \(file format 3; this app reads up to 2\).*has not been changed/],
    ['bad-classification.briefing', 'INVALID_FILE', /Front sheet › Security classification: /],
    ['bad-meeting-date.briefing', 'INVALID_FILE', /Front sheet › Meeting › Date: /],
    ['missing-front-sheet.briefing', 'INVALID_FILE', /Front sheet: /],
    ['node-without-type.briefing', 'INVALID_FILE', /Section 1 › Content › root › children 1 › type: content node is malformed/],
  ];
  it.each(rejected)('refuses %s with a readable %s message', (file, code, message) => {
    const err = failure(() => parsePackText(read(`bad/${file}`), { label: file }));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(file);
    expect(err.message).not.toMatch(/at .*\.ts:\d+/); // no stack traces in messages
  });

  it('refuses content nested deeper than 100 levels without overflowing the stack', () => {
    const pack = goldenPackV2() as unknown as { sections: Array<{ content: { root: { children: unknown[] } } }> };
    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 50_000; i++) node = { type: 'listitem', children: [node] };
    pack.sections[0]!.content.root.children = [node];
    const err = failure(() => packFromJson(pack));
    expect(err.code).toBe('INVALID_FILE');
    expect(err.message).toMatch(/nested more than 100 levels/);
  });
});

describe('migration chain', () => {
  it('has one step for every version below the current one', () => {
    for (let v = 1; v < PACK_FORMAT_VERSION; v++) expect(typeof PACK_MIGRATIONS[v]).toBe('function');
  });

  it('applies steps in order, one per version, without touching the input', () => {
    const chain: MigrationChain = {
      1: (doc) => ({ ...doc, renamed: doc.oldName, oldName: undefined }),
      2: (doc) => ({ ...doc, tags: [String(doc.renamed).toUpperCase()] }),
    };
    const input = { format: 'x', formatVersion: 1, oldName: 'cabinet' };
    const output = migrateToCurrent(input, 1, 3, chain);
    expect(output).toEqual({ format: 'x', formatVersion: 3, renamed: 'cabinet', oldName: undefined, tags: ['CABINET'] });
    expect(input).toEqual({ format: 'x', formatVersion: 1, oldName: 'cabinet' });
  });

  it('reports a missing step as an invalid file rather than guessing', () => {
    const err = failure(() => migrateToCurrent({ formatVersion: 1 }, 1, 3, { 1: (d) => d }));
    expect(err.code).toBe('INVALID_FILE');
    expect(err.message).toMatch(/no step from version 2/);
  });
});

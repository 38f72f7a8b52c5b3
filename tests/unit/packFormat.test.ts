import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePackText, serialisePack, packFromJson } from '../../shared/pack/parse.js';
import { migrateToCurrent, PACK_MIGRATIONS, type MigrationChain } from '../../shared/pack/migrations.js';
import { PACK_FORMAT_VERSION } from '../../shared/pack/format.js';
import { HostError } from '../../shared/api/errors.js';
import { goldenPackV1 } from '../support/goldenPack.js';
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

describe('pack format v1', () => {
  it('has a golden fixture for every format version, and each one loads', () => {
    const golden = readdirSync(FIXTURES).filter((f) => /^v\d+-golden\.briefing$/.test(f));
    const versions = golden.map((f) => Number(/^v(\d+)/.exec(f)![1])).sort();
    expect(versions).toEqual(Array.from({ length: PACK_FORMAT_VERSION }, (_, i) => i + 1));
    for (const file of golden) expect(() => parsePackText(read(file), { label: file })).not.toThrow();
  });

  it('reads the v1 golden fixture exactly', () => {
    expect(parsePackText(read('v1-golden.briefing'))).toEqual(goldenPackV1());
  });

  it('writes what it reads byte for byte (stable key order)', () => {
    expect(serialisePack(parsePackText(read('v1-golden.briefing')))).toBe(read('v1-golden.briefing'));
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
    ['newer-version.briefing', 'NEWER_VERSION', /newer version of Briefing Studio \(file format 2; this app reads up to 1\).*has not been changed/],
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
    const pack = goldenPackV1() as unknown as { sections: Array<{ content: { root: { children: unknown[] } } }> };
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

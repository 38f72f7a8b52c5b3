import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { runCli } from '../../electron/cli/cli.js';

const FIXTURES = path.resolve('tests/fixtures/packs');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefing validate', () => {
  it('prints OK for a valid pack and exits 0', async () => {
    const result = await run(['validate', path.join(FIXTURES, 'v1-golden.briefing')]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^OK {4}.*v1-golden\.briefing {2}\(The North’s five gamechangers: Sefton’s local angle, 2 sections\)/m);
    expect(result.out).toMatch(/1 of 1 file valid\./);
  });

  it('prints each problem in plain English and exits non-zero if any failed', async () => {
    const result = await run([
      'validate',
      path.join(FIXTURES, 'v1-golden.briefing'),
      path.join(FIXTURES, 'bad', 'truncated.briefing'),
      path.join(FIXTURES, 'bad', 'newer-version.briefing'),
      path.join(FIXTURES, 'does-not-exist.briefing'),
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/FAIL {2}.*truncated\.briefing: truncated\.briefing is damaged/);
    expect(result.out).toMatch(/FAIL {2}.*newer-version\.briefing: .*newer version of Briefing Studio/);
    expect(result.out).toMatch(/FAIL {2}.*does-not-exist\.briefing: .*could not be found/);
    expect(result.out).toMatch(/1 of 4 files valid\./);
  });

  it('explains usage for no files and unknown commands', async () => {
    expect((await run(['validate'])).code).toBe(2);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown command "frobnicate"/);
  });
});

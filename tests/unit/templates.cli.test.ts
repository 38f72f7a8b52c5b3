import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli.js';

const FIXTURES = path.resolve('tests/fixtures/templates');

describe('briefing validate on template files', () => {
  it('prints OK for good templates and each refusal in plain English, exiting 1 if any failed', async () => {
    const out: string[] = [];
    const code = await runCli(
      [
        'validate',
        path.resolve('resources/templates/gamechangers.briefing-template'),
        path.join(FIXTURES, 'valid-ward-briefing.briefing-template'),
        path.join(FIXTURES, 'data-link.briefing-template'),
        path.join(FIXTURES, 'newer-format-version.briefing-template'),
      ],
      { out: (l) => out.push(l), err: (l) => out.push(l) },
    );
    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).toMatch(/^OK {4}.*gamechangers\.briefing-template {2}\(template "The North’s five gamechangers: local angles" version 1\.0, 7 sections\)$/m);
    expect(text).toMatch(/^OK {4}.*valid-ward-briefing\.briefing-template {2}\(template "Ward briefing" version 1\.2, 2 sections\)$/m);
    expect(text).toMatch(/^FAIL {2}.*data-link\.briefing-template: data-link\.briefing-template was refused: .*data:/m);
    expect(text).toMatch(/^FAIL {2}.*newer-format-version\.briefing-template: .*newer version of Briefing Studio/m);
    expect(text).toMatch(/2 of 4 files valid\./);
  });
});

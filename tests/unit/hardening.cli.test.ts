import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli.js';
import { terminalSafe } from '../../electron/cli/terminalText.js';
import { newPack } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { heading, link, paragraph, stateOf, text } from '../support/referencePack.js';
import { useTempDirs } from '../support/tempDir.js';

/**
 * Issue 17, point 4: the CLI prints titles, names, links and reasons that come from files;
 * terminal control sequences in them (screen clearing, colours, window titles, hyperlinks,
 * cursor moves that overwrite a FAIL) never reach the terminal.
 */
const tempDir = useTempDirs();

const ESCAPES = {
  clearScreen: '\u001b[2J\u001b[H',
  red: '\u001b[31m',
  windowTitle: '\u001b]0;pwned\u0007',
  hyperlink: '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
  cursorUp: '\u001b[1A\u001b[2K',
  eightBitCsi: '\u009b31m',
  nul: '\u0000',
  bell: '\u0007',
  backspace: 'X\u0008',
  carriageReturn: '\rOK    ',
  directionOverride: '\u202e',
};
const HOSTILE = Object.values(ESCAPES).join('') + 'Real title';

/** Anything a terminal would act on: C0 (but tab and newline), DEL, C1, direction controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('removes whole escape sequences and every other control character, keeping the text', () => {
    expect(terminalSafe(`${ESCAPES.red}Budget${ESCAPES.windowTitle} ${ESCAPES.hyperlink}`)).toBe('Budget click');
    expect(terminalSafe(HOSTILE)).toBe('clickXOK    Real title');
    expect(terminalSafe('line one\n\tindented')).toBe('line one\n\tindented');
    expect(terminalSafe('Café – “quoted” 😀')).toBe('Café – “quoted” 😀');
    expect(CONTROL.test(terminalSafe(HOSTILE))).toBe(false);
  });
});

describe('the CLI prints nothing from a file that a terminal would act on', () => {
  it('in validate (titles, template names, reasons and file names) and export (problems, notes, summary)', async () => {
    const dir = await tempDir('cli-escapes');
    const content = stateOf([heading('h2', HOSTILE), paragraph([link(`javascript:${HOSTILE}`, 'click here'), text(` ${HOSTILE}`)])]);
    const pack = newPack({ title: HOSTILE }, [{ id: 'a', title: `Section ${HOSTILE}`, guidance: '', content }], new Date('2026-11-01T09:00:00Z'));
    await fs.writeFile(path.join(dir, 'Hostile.briefing'), serialisePack(pack));
    const template = JSON.parse(await fs.readFile('tests/fixtures/templates/valid-ward-briefing.briefing-template', 'utf8'));
    template.name = HOSTILE;
    await fs.writeFile(path.join(dir, 'Hostile.briefing-template'), JSON.stringify(template));
    // A broken file whose reason quotes the file ("format" is …).
    await fs.writeFile(path.join(dir, 'Broken.briefing'), JSON.stringify({ format: HOSTILE }));
    // A file name with an escape in it (Linux allows it).
    const escapedName = path.join(dir, `Name${ESCAPES.red}.briefing`);
    await fs.writeFile(escapedName, serialisePack(pack));

    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    await runCli(['validate', path.join(dir, 'Hostile.briefing'), path.join(dir, 'Hostile.briefing-template'), path.join(dir, 'Broken.briefing'), escapedName], io);
    await runCli(['export', path.join(dir, 'Hostile.briefing'), '-o', path.join(dir, 'out.docx')], io);
    await runCli(['export', dir, '--out-dir', path.join(dir, 'out')], io);
    const all = lines.join('\n');
    expect(all).toContain('clickXOK    Real title');
    expect(all).toMatch(/template "clickXOK {4}Real title"/);
    expect(all).toMatch(/not a briefing pack \(its "format" is "/);
    expect(all).toMatch(/the link “javascript:[^”]*” would run code when clicked/);
    expect(lines.filter((l) => CONTROL.test(l))).toEqual([]);
  });

  it('through the real `briefing` command: its standard output and error hold no control characters', async () => {
    const dir = await tempDir('cli-bin');
    await fs.writeFile(path.join(dir, 'Hostile.briefing'), serialisePack(newPack({ title: HOSTILE }, [], new Date('2026-11-01T09:00:00Z'))));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/cliMain.ts', 'validate', path.join(dir, 'Hostile.briefing'), path.join(dir, `Missing${ESCAPES.clearScreen}.briefing`)], { encoding: 'utf8' });
    expect(run.stdout).toContain('Real title');
    expect(CONTROL.test(run.stdout.replace(/\n/g, ''))).toBe(false);
    expect(CONTROL.test(run.stderr.replace(/\n/g, ''))).toBe(false);
  });
});

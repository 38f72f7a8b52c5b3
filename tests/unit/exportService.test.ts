import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch.js';
import { createServices } from '../../electron/services.js';
import type { HostPlatform } from '../../electron/hostPlatform.js';
import { lockFileCandidates } from '../../electron/export/writeDocx.js';
import { makeFeaturePack, TINY_PNG } from '../fixtures/export/featurePack.js';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'export-svc-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function services(chooseSavePath?: HostPlatform['chooseSavePath']) {
  const platform: HostPlatform = { host: chooseSavePath ? 'electron' : 'browser', appVersion: '0.1.0', dataDir: path.join(dir, 'data'), trash: async () => undefined, chooseSavePath };
  return createServices({ platform, workspaceOverride: path.join(dir, 'ws') });
}

async function call(handlers: ReturnType<typeof createServices>, method: string, args: unknown) {
  const outcome = await dispatch(handlers, method, args);
  if (outcome.kind !== 'done') throw new Error(`${method}: ${JSON.stringify(outcome)}`);
  return outcome.envelope;
}

describe('export over the host contract', () => {
  it('browser host: returns the Word file for a download, with the checker report, in the saved house style', async () => {
    const handlers = services();
    const settings = await call(handlers, 'updateSettings', { branding: { councilName: 'Sefton Council', logo: { dataUrl: TINY_PNG, altText: 'Sefton Council logo' } } });
    expect(settings.ok).toBe(true);
    // Changing another setting keeps the branding (a patch must not reset it to defaults).
    await call(handlers, 'updateSettings', { authorName: 'Alex Officer' });
    const envelope = await call(handlers, 'exportToWord', { pack: makeFeaturePack(), file: 'Feature test pack.briefing' });
    expect(envelope.ok).toBe(true);
    const result = (envelope as { ok: true; result: { kind: string; fileName: string; base64: string; report: { warnings: number } } }).result;
    expect(result).toMatchObject({ kind: 'download', fileName: 'Feature test pack (full - not for publication).docx' });
    expect(result.report.warnings).toBe(1);
    const zip = await JSZip.loadAsync(Buffer.from(result.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Sefton Council');
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Sefton Council logo"/);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>Alex Officer</dc:creator>');
  });

  it('checks accessibility of the pack as it stands', async () => {
    const envelope = await call(services(), 'checkAccessibility', { pack: makeFeaturePack() });
    expect(envelope).toMatchObject({ ok: true, result: { errors: 0, warnings: 1, problems: [{ rule: 'underline-not-link' }] } });
  });

  it('Electron: saves where the save dialog says, adding .docx', async () => {
    const target = path.join(dir, 'Cabinet item');
    const envelope = await call(services(async () => target), 'exportToWord', { pack: makeFeaturePack() });
    expect(envelope).toMatchObject({ ok: true, result: { kind: 'saved', path: `${target}.docx` } });
    await JSZip.loadAsync(await fs.readFile(`${target}.docx`));
  });

  it('Electron: a cancelled save dialog exports nothing', async () => {
    const envelope = await call(services(async () => null), 'exportToWord', { pack: makeFeaturePack() });
    expect(envelope).toEqual({ ok: true, result: { kind: 'cancelled' } });
  });

  it('Electron: a target open in Word or LibreOffice is refused with a clear error and left alone', async () => {
    const target = path.join(dir, 'Agenda item five.docx');
    await fs.writeFile(target, 'previous export');
    for (const lock of lockFileCandidates(target)) {
      await fs.writeFile(lock, 'lock');
      const envelope = await call(services(async () => target), 'exportToWord', { pack: makeFeaturePack() });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringContaining('is open in Word or another program') } });
      await fs.rm(lock);
    }
    expect(await fs.readFile(target, 'utf8')).toBe('previous export');
  });

  it('Electron: a folder that cannot be written says so', async () => {
    const readOnly = path.join(dir, 'readonly');
    await fs.mkdir(readOnly, { mode: 0o555 });
    const envelope = await call(services(async () => path.join(readOnly, 'x.docx')), 'exportToWord', { pack: makeFeaturePack() });
    if (process.getuid?.() === 0) {
      // root can write anywhere, so only the missing-folder case can be shown here.
      const missing = await call(services(async () => path.join(dir, 'no-such-folder', 'x.docx')), 'exportToWord', { pack: makeFeaturePack() });
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist') } });
    } else {
      expect(envelope).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringContaining('permission') } });
    }
  });

  it('rejects invalid branding and export options with plain English', async () => {
    const bad = await dispatch(services(), 'updateSettings', { branding: { accentColour: 'blue' } });
    expect(bad).toMatchObject({ kind: 'invalid-arguments', envelope: { error: { message: expect.stringContaining('the accent colour must look like #1F4E79') } } });
    const bigLogo = `data:image/png;base64,${'A'.repeat(800 * 1024)}`;
    const big = await dispatch(services(), 'updateSettings', { branding: { logo: { dataUrl: bigLogo, altText: 'Logo' } } });
    expect(big).toMatchObject({ kind: 'invalid-arguments' });
    const outcome = await dispatch(services(), 'exportToWord', { pack: makeFeaturePack(), options: { tableOfContents: 'sometimes' } });
    expect(outcome.kind).toBe('invalid-arguments');
  });
});

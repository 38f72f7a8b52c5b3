import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/browserHost/serve.js';
import { runCli } from '../../electron/cli/cli.js';
import { FolderScanner } from '../../electron/templates/folderScan.js';
import { MAX_JSON_DEPTH } from '../../electron/limits.js';
import { newPack } from '../../shared/pack/defaults.js';
import { MAX_PACK_JSON_DEPTH, serialisePack } from '../../shared/pack/parse.js';
import { jsonDepth } from '../../shared/json/jsonDepth.js';
import { paragraph, stateOf, text } from '../support/referencePack.js';
import { rawPost } from '../support/rawHttp.js';
import { makeServices } from './safetySupport.js';

/**
 * Issue 17, point 3: depth and shape limits at the door. Whatever a file holds, every way in
 * (CLI validate and export, the library list, openPack through the real browser host) gives
 * the same answer: a pack that validates opens and saves; one nested too deep is refused with
 * a clear message, never a 500; unknown keys are dropped the same way everywhere.
 */
const DEEP = 10_000;
let server: RunningServer;
let workspaceDir: string;

beforeAll(async () => {
  const made = await makeServices();
  workspaceDir = made.workspaceDir;
  server = await startServer({ handlers: made.services, rendererDir: workspaceDir });
});
afterAll(async () => {
  await server.close();
});

function validPack(title: string) {
  return JSON.parse(serialisePack(newPack({ title }, [{ id: 's1', title: 'Local angle', guidance: '', content: stateOf([paragraph([text('Words.')])]) }], new Date('2026-11-01T09:00:00Z'))));
}

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedNodes = (depth: number) => `${'{"type":"paragraph","children":['.repeat(depth)}${']}'.repeat(depth)}`;

/** A valid pack with `value` (raw JSON text) spliced in at `where`. */
function packWith(where: 'unknown top-level key' | 'unknown key of a text node' | 'editor state' | 'front sheet field', value: string): string {
  const pack = validPack(where);
  const marker = '"__SPLICE__"';
  if (where === 'unknown top-level key') pack.extra = '__SPLICE__';
  if (where === 'unknown key of a text node') pack.sections[0].content.root.children[0].children[0].junk = '__SPLICE__';
  if (where === 'editor state') pack.sections[0].content.root.children.push('__SPLICE__');
  if (where === 'front sheet field') pack.frontSheet.reportOf = '__SPLICE__';
  return JSON.stringify(pack).replace(marker, value);
}

async function openOverHttp(file: string) {
  const res = await rawPost(server.port, server.token, 'openPack', JSON.stringify({ file }));
  return { status: res.status, envelope: JSON.parse(res.body) as { ok: boolean; result?: { pack: Record<string, unknown> }; error?: { code: string; message: string } } };
}

function cli() {
  const lines: string[] = [];
  return { io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }, lines };
}

describe('10,000 levels of nesting, wherever they are, are refused the same way by every way in', () => {
  const places = ['unknown top-level key', 'unknown key of a text node', 'editor state', 'front sheet field'] as const;
  it.each(places.flatMap((where) => [[where, 'arrays', nestedArrays(DEEP)] as const, [where, 'content nodes', nestedNodes(DEEP)] as const]))(
    'under the %s (%s)',
    async (where, _kind, value) => {
      const file = `Deep ${where} ${_kind}.briefing`;
      const full = path.join(workspaceDir, file);
      await fs.writeFile(full, packWith(where, value));
      const before = await fs.readFile(full);
      const refusal = `was refused: it is nested more than ${MAX_PACK_JSON_DEPTH} levels deep`;
      // CLI validate and export
      const v = cli();
      expect(await runCli(['validate', full], v.io)).toBe(1);
      expect(v.lines[0]).toContain(refusal);
      const e = cli();
      expect(await runCli(['export', full, '-o', path.join(workspaceDir, 'out.docx'), '--quiet'], e.io)).toBe(1);
      expect(e.lines.join('\n')).toContain(refusal);
      // The library list, through the real browser host
      const list = JSON.parse((await rawPost(server.port, server.token, 'listPacks', '{}')).body);
      expect(list.result.entries.find((x: { file: string }) => x.file === file)).toMatchObject({ kind: 'broken', error: { code: 'INVALID_FILE', message: expect.stringContaining(refusal) } });
      // openPack through the real browser host: a clear refusal, not a 500
      const opened = await openOverHttp(file);
      expect(opened.status).toBe(200);
      expect(opened.envelope).toMatchObject({ ok: false, error: { code: 'INVALID_FILE', message: expect.stringContaining(refusal) } });
      expect((await fs.readFile(full)).equals(before)).toBe(true);
      await fs.unlink(full);
    },
  );

  it('refuses a 10,000-deep template the same way', async () => {
    const dir = path.join(workspaceDir, 'templates');
    await fs.mkdir(dir, { recursive: true });
    const template = JSON.parse(await fs.readFile('tests/fixtures/templates/valid-ward-briefing.briefing-template', 'utf8'));
    template.extra = '__SPLICE__';
    await fs.writeFile(path.join(dir, 'Deep.briefing-template'), JSON.stringify(template).replace('"__SPLICE__"', nestedArrays(DEEP)));
    const scan = await new FolderScanner().scan(dir, 'shared', 1);
    expect(scan.broken[0]?.error.message).toMatch(/nested more than 100 levels deep/);
    const v = cli();
    expect(await runCli(['validate', path.join(dir, 'Deep.briefing-template')], v.io)).toBe(1);
    expect(v.lines[0]).toMatch(/nested more than 100 levels deep/);
  });

  it('opens AND saves back a pack as deep as the limit allows: anything the loader accepts fits through the hosts', async () => {
    // Junk under a node, deep enough to bring the whole file to exactly the limit.
    const base = packWith('unknown key of a text node', '"__INNER__"');
    const reach = MAX_PACK_JSON_DEPTH - jsonDepth(base);
    const text = base.replace('"__INNER__"', nestedArrays(reach));
    expect(jsonDepth(text)).toBe(MAX_PACK_JSON_DEPTH);
    await fs.writeFile(path.join(workspaceDir, 'At the limit.briefing'), text);
    const opened = await openOverHttp('At the limit.briefing');
    expect(opened.envelope.ok).toBe(true);
    const revision = (opened.envelope.result as unknown as { revision: string }).revision;
    const body = JSON.stringify({ file: 'At the limit.briefing', pack: opened.envelope.result!.pack, baseRevision: revision });
    expect(jsonDepth(body)).toBeLessThanOrEqual(MAX_JSON_DEPTH);
    const saved = await rawPost(server.port, server.token, 'savePack', body);
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true });
    // One level more is refused at the door.
    await fs.writeFile(path.join(workspaceDir, 'Over the limit.briefing'), base.replace('"__INNER__"', nestedArrays(reach + 1)));
    expect((await openOverHttp('Over the limit.briefing')).envelope).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
  });
});

describe('unknown keys', () => {
  it('are dropped in the same places by validate, list, open, export and save (and kept inside content, which Lexical owns)', async () => {
    const pack = validPack('Unknown keys');
    pack.futureFeature = { anything: [1, 2, 3] };
    pack.frontSheet.colour = 'blue';
    pack.sections[0].reviewer = 'someone';
    pack.sections[0].content.root.children[0].children[0].lexicalSomething = 7;
    const file = 'Unknown keys.briefing';
    const full = path.join(workspaceDir, file);
    await fs.writeFile(full, JSON.stringify(pack));
    const v = cli();
    expect(await runCli(['validate', full], v.io)).toBe(0);
    expect(v.lines[0]).toMatch(/^OK .*\(Unknown keys, 1 section\)/);
    const list = JSON.parse((await rawPost(server.port, server.token, 'listPacks', '{}')).body);
    expect(list.result.entries.find((x: { file: string }) => x.file === file)).toMatchObject({ kind: 'pack', title: 'Unknown keys' });
    const opened = await openOverHttp(file);
    const got = opened.envelope.result!.pack as Record<string, any>;
    expect(got.futureFeature).toBeUndefined();
    expect(got.frontSheet.colour).toBeUndefined();
    expect(got.sections[0].reviewer).toBeUndefined();
    expect(got.sections[0].content.root.children[0].children[0].lexicalSomething).toBe(7);
    const e = cli();
    expect(await runCli(['export', full, '-o', path.join(workspaceDir, 'unknown.docx'), '--quiet'], e.io)).toBe(0);
    const body = JSON.stringify({ file, pack: got, baseRevision: (opened.envelope.result as unknown as { revision: string }).revision });
    expect(JSON.parse((await rawPost(server.port, server.token, 'savePack', body)).body).ok).toBe(true);
    const written = JSON.parse(await fs.readFile(full, 'utf8'));
    expect(Object.keys(written)).not.toContain('futureFeature');
    expect(written.sections[0].content.root.children[0].children[0].lexicalSomething).toBe(7);
  });
});

import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../shared/api/errors.js';
import type { HostHandlers } from '../../shared/api/contract.js';
import { parsePackText } from '../../shared/pack/parse.js';
import { parseTemplateText, serialiseTemplate } from '../../shared/templates/parse.js';
import type { Template } from '../../shared/templates/schema.js';
import { createServices } from '../../electron/services.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { TemplateLibrary, USER_TEMPLATES_FOLDER } from '../../electron/templates/templateLibrary.js';
import { builtInTemplatesDir } from '../../electron/templates/templateServices.js';
import { nodeTemplateFs, type TemplateFs } from '../../electron/templates/folderScan.js';

const FIXTURES = path.resolve('tests/fixtures/templates');
const VALID = 'valid-ward-briefing.briefing-template';

let root: string;
let workspace: string;
let dataDir: string;
let sharedDir: string;
let services: HostHandlers;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'briefing-templates-'));
  workspace = path.join(root, 'workspace');
  dataDir = path.join(root, 'data');
  sharedDir = path.join(root, 'shared drive', 'Templates');
  await mkdir(workspace, { recursive: true });
  services = createServices({
    platform: { host: 'browser', appVersion: '0.0.0-test', dataDir, trash: moveToFolderTrash },
    workspaceOverride: workspace,
    sharedTemplatesTimeoutMs: 1500,
  });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fixtureText(name = VALID): Promise<string> {
  return readFile(path.join(FIXTURES, name), 'utf8');
}

async function withVersion(version: string, name = 'Ward briefing'): Promise<string> {
  const json = JSON.parse(await fixtureText());
  return JSON.stringify({ ...json, version, name });
}

async function expectHostError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe(code);
    expect((err as HostError).message).toMatch(message);
    return;
  }
  throw new Error('expected a HostError');
}

describe('discovery across the three sources', () => {
  it('lists built-in, user and shared templates, each with its source; bad files are listed apart', async () => {
    await mkdir(path.join(workspace, USER_TEMPLATES_FOLDER), { recursive: true });
    await copyFile(path.join(FIXTURES, VALID), path.join(workspace, USER_TEMPLATES_FOLDER, 'Ward briefing.briefing-template'));
    await copyFile(path.join(FIXTURES, 'javascript-link.briefing-template'), path.join(workspace, USER_TEMPLATES_FOLDER, 'Bad link.briefing-template'));
    await mkdir(sharedDir, { recursive: true });
    await writeFile(path.join(sharedDir, 'Council report.briefing-template'), await withVersion('3.0', 'Sefton council report'));
    await copyFile(path.join(FIXTURES, 'newer-format-version.briefing-template'), path.join(sharedDir, 'From the future.briefing-template'));
    await writeFile(path.join(sharedDir, 'notes.txt'), 'not a template');
    await services.updateSettings({ sharedTemplatesDir: sharedDir });

    const gallery = await services.listTemplates({});
    const bySource = (source: string) => gallery.templates.filter((t) => t.source === source).map((t) => t.name);
    expect(bySource('built-in')).toEqual(['Blank briefing', 'Cabinet report', 'The North\u2019s five gamechangers: local angles']);
    expect(bySource('user')).toEqual(['Ward briefing']);
    expect(bySource('shared')).toEqual(['Sefton council report']);
    expect(gallery.templates.find((t) => t.source === 'user')!.readOnly).toBe(false);
    expect(gallery.templates.filter((t) => t.source !== 'user').every((t) => t.readOnly)).toBe(true);
    expect(gallery.sources.map((s) => [s.source, s.state])).toEqual([
      ['built-in', 'ok'],
      ['user', 'ok'],
      ['shared', 'ok'],
    ]);
    expect(gallery.broken).toEqual([
      { source: 'user', file: 'Bad link.briefing-template', error: { code: 'INVALID_FILE', message: expect.stringMatching(/^"Bad link\.briefing-template" was refused: .*javascript:/) } },
      { source: 'shared', file: 'From the future.briefing-template', error: { code: 'NEWER_VERSION', message: expect.stringMatching(/^"From the future\.briefing-template" was saved by a newer version/) } },
    ]);
  });

  it('sees files added, changed and removed on disk at the next listing, without a restart', async () => {
    await mkdir(sharedDir, { recursive: true });
    await services.updateSettings({ sharedTemplatesDir: sharedDir });
    expect((await services.listTemplates({})).templates.filter((t) => t.source === 'shared')).toEqual([]);

    const file = path.join(sharedDir, 'Ward.briefing-template');
    await writeFile(file, await withVersion('1.0'));
    expect((await services.listTemplates({})).templates.filter((t) => t.source === 'shared').map((t) => t.version)).toEqual(['1.0']);

    await writeFile(file, await withVersion('1.10'));
    expect((await services.listTemplates({})).templates.filter((t) => t.source === 'shared').map((t) => t.version)).toEqual(['1.10']);

    await rm(file);
    expect((await services.listTemplates({})).templates.filter((t) => t.source === 'shared')).toEqual([]);
  });

  it('a shared folder that is not set is shown as such; one that goes missing as unavailable, and the rest still works', async () => {
    let gallery = await services.listTemplates({});
    expect(gallery.sources.find((s) => s.source === 'shared')).toEqual({ source: 'shared', dir: null, state: 'not-set' });

    // A folder that is not there is refused when chosen (issue 17)…
    const missing = path.join(root, 'Z drive', 'Templates');
    await expectHostError(services.updateSettings({ sharedTemplatesDir: missing }), 'NOT_FOUND', /does not exist/);
    // …and one that goes away later (a network drive disconnected) is shown as unavailable.
    await mkdir(missing, { recursive: true });
    await services.updateSettings({ sharedTemplatesDir: missing });
    await rm(missing, { recursive: true });
    gallery = await services.listTemplates({});
    const shared = gallery.sources.find((s) => s.source === 'shared')!;
    expect(shared.state).toBe('unavailable');
    expect(shared.message).toBe(`The shared templates folder cannot be found: ${missing}. It may be on a network drive that is not connected, or it was moved.`);
    expect(gallery.templates.filter((t) => t.source === 'built-in')).toHaveLength(3);
    // A pack can still be made from a built-in template.
    const created = await services.createPackFromTemplate({ source: 'built-in', file: 'blank.briefing-template', title: 'Still works' });
    expect(created.pack.frontSheet.title).toBe('Still works');
    // Publishing there says so plainly rather than throwing a raw error.
    await services.importTemplate({ fileName: VALID, text: await fixtureText(), onConflict: 'ask' });
    await expectHostError(services.publishTemplate({ file: 'Ward briefing.briefing-template' }), 'UNAVAILABLE', /cannot be found/);
    // A relative path is refused plainly when chosen, and, if settings.json holds one anyway,
    // rather than read from wherever the app started.
    await expectHostError(services.updateSettings({ sharedTemplatesDir: 'Templates' }), 'INVALID_ARGUMENT', /not a full path/);
    const stored = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'));
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ ...stored, sharedTemplatesDir: 'Templates' }));
    services = createServices({ platform: { host: 'browser', appVersion: '0.0.0-test', dataDir, trash: moveToFolderTrash }, workspaceOverride: workspace, sharedTemplatesTimeoutMs: 1500 });
    expect((await services.listTemplates({})).sources.find((s) => s.source === 'shared')).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(/^The shared templates folder must be a full path, .* not "Templates"\.$/),
    });
  });

  it('a shared folder that does not answer is shown as unavailable after the timeout, never hangs, and is not scanned twice at once', async () => {
    await mkdir(sharedDir, { recursive: true });
    await writeFile(path.join(sharedDir, 'Ward.briefing-template'), await fixtureText());
    // A drive that has gone away: readdir waits until the test lets it go.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let readdirCalls = 0;
    const hungFs: TemplateFs = {
      ...nodeTemplateFs,
      readdir: async (dir) => {
        readdirCalls++;
        await gate;
        return nodeTemplateFs.readdir(dir);
      },
    };
    const library = new TemplateLibrary({
      folders: async () => ({ builtInDir: builtInTemplatesDir(), userDir: path.join(workspace, 'Templates'), sharedDir, workspaceDir: workspace }),
      trash: moveToFolderTrash,
      sharedTimeoutMs: 300,
      sharedFs: hungFs,
    });
    const started = Date.now();
    const first = await library.list();
    const second = await library.list();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(10_000); // two deadlines of 300 ms, generous for a busy machine
    for (const gallery of [first, second]) {
      const shared = gallery.sources.find((s) => s.source === 'shared')!;
      expect(shared.state).toBe('unavailable');
      expect(shared.message).toMatch(/^The shared templates folder is not responding \(waited 1 second\): .*Built-in templates and your own still work\.$/);
      expect(gallery.templates.filter((t) => t.source === 'built-in')).toHaveLength(3);
    }
    expect(readdirCalls).toBe(1);
    // When the drive comes back, the next listing shows its templates.
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const recovered = await library.list();
    expect(recovered.sources.find((s) => s.source === 'shared')!.state).toBe('ok');
    expect(recovered.templates.filter((t) => t.source === 'shared').map((t) => t.name)).toEqual(['Ward briefing']);
  });

  it('refuses template names that reach outside their folder', async () => {
    await expectHostError(services.exportTemplate({ source: 'built-in', file: '../../package.json.briefing-template' } as never), 'INVALID_ARGUMENT', /not a template file name/);
    expect(() => TemplateLibrary.pathIn('/a/b', '../c.briefing-template')).toThrow(/not a template file name/);
    expect(() => TemplateLibrary.pathIn('/a/b', 'ok.briefing-template')).not.toThrow();
  });
});

describe('packs from templates', () => {
  it('the gamechangers template makes a pack with five gamechanger sections, their guidance and the template recorded', async () => {
    const opened = await services.createPackFromTemplate({ source: 'built-in', file: 'gamechangers.briefing-template', title: 'Sefton: local angles' });
    const pack = parsePackText(await readFile(path.join(workspace, opened.file), 'utf8'));
    expect(pack.frontSheet.title).toBe('Sefton: local angles');
    expect(pack.frontSheet.meeting.name).toBe('Cabinet');
    expect(pack.template).toEqual({ id: 'builtin-gamechangers', name: 'The North\u2019s five gamechangers: local angles', version: '1.0' });
    const gamechangerSections = pack.sections.filter((s) => s.gamechangerId);
    expect(gamechangerSections.map((s) => s.gamechangerId)).toEqual([
      'green-industrial-revolution',
      'healthy-life-expectancy',
      'education-and-skills',
      'connectivity',
      'research-and-development',
    ]);
    for (const section of gamechangerSections) {
      expect(section.guidance).toMatch(/^What this gamechanger is about: /);
      expect(section.guidance).toContain('\nWhat we ask of Government: ');
      expect(section.guidance).toContain('\nWards affected: ');
    }
    expect(pack.sections[0]!.title).toBe('Introduction and summary');
    expect(pack.sections[0]!.wordLimit).toBe(150);
    expect(pack.sections.at(-1)!.title).toBe('Recommendations');
    expect(new Set(pack.sections.map((s) => s.id)).size).toBe(pack.sections.length);
  });

  it('starter content and front-sheet defaults are copied into the pack', async () => {
    await services.importTemplate({ fileName: VALID, text: await fixtureText(), onConflict: 'ask' });
    const opened = await services.createPackFromTemplate({ source: 'user', file: 'Ward briefing.briefing-template', title: 'Litherland update' });
    expect(opened.pack.frontSheet.meeting.name).toBe('Area Committee');
    expect(opened.pack.sections[0]!.content.root.children[1]).toMatchObject({ children: [{ text: 'See ' }, { type: 'link', url: 'https://www.sefton.gov.uk/' }] });
    expect(opened.pack.template).toEqual({ id: 'fixture-ward-briefing', name: 'Ward briefing', version: '1.2' });
  });

  it('save a pack as a template (structure only, or with content) and make a new pack from it', async () => {
    const source = await services.createPackFromTemplate({ source: 'built-in', file: 'cabinet-report.briefing-template', title: 'Budget 2027' });
    const pack = structuredClone(source.pack);
    pack.sections[0]!.content = {
      root: { type: 'root', children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Our summary text.' }] }] },
    };
    pack.sections[1]!.guidance = 'House rule: one sentence only.\nMention the forward plan.';

    const structure = await services.saveTemplateFromPack({ pack, name: 'Sefton cabinet report', description: 'Ours', version: '2.0', includeContent: false, onConflict: 'ask' });
    expect(structure.status).toBe('saved');
    const withContent = await services.saveTemplateFromPack({ pack, name: 'Sefton cabinet report with text', description: '', version: '1.0', includeContent: true, onConflict: 'ask' });
    expect(withContent.status).toBe('saved');

    const files = (await readdir(path.join(workspace, USER_TEMPLATES_FOLDER))).sort();
    expect(files).toEqual(['Sefton cabinet report with text.briefing-template', 'Sefton cabinet report.briefing-template']);
    const saved = parseTemplateText(await readFile(path.join(workspace, USER_TEMPLATES_FOLDER, files[1]!), 'utf8'));
    expect(saved.version).toBe('2.0');
    expect(saved.sections[1]!.guidance).toEqual(['House rule: one sentence only.', 'Mention the forward plan.']);
    expect(saved.sections.every((s) => s.starterContent === undefined)).toBe(true);

    const fromStructure = await services.createPackFromTemplate({ source: 'user', file: files[1]!, title: 'Budget 2028' });
    expect(fromStructure.pack.sections.map((s) => s.title)).toEqual(pack.sections.map((s) => s.title));
    expect(fromStructure.pack.sections[1]!.guidance).toBe('House rule: one sentence only.\nMention the forward plan.');
    expect(fromStructure.pack.sections[0]!.content.root.children).toEqual([expect.objectContaining({ type: 'paragraph', children: [] })]);
    expect(fromStructure.pack.template).toMatchObject({ name: 'Sefton cabinet report', version: '2.0' });

    const fromContent = await services.createPackFromTemplate({ source: 'user', file: files[0]!, title: 'Budget 2029' });
    expect(JSON.stringify(fromContent.pack.sections[0]!.content)).toContain('Our summary text.');
  });
});

describe('saving a pack as a template checks it by the reading rules', () => {
  it('a pack whose text has a javascript: link cannot become a template with its text, but can without it', async () => {
    const opened = await services.createPackFromTemplate({ source: 'built-in', file: 'blank.briefing-template', title: 'Links' });
    const pack = structuredClone(opened.pack);
    pack.sections[0]!.content = {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'here' }] }] }],
      },
    };
    await expectHostError(
      services.saveTemplateFromPack({ pack, name: 'Risky', description: '', version: '1.0', includeContent: true, onConflict: 'ask' }),
      'INVALID_FILE',
      /^The template "Risky" was refused: in section "Briefing", the link "javascript:alert\(1\)" would run code when clicked/,
    );
    await expect(readdir(path.join(workspace, USER_TEMPLATES_FOLDER))).resolves.toEqual([]);
    const structureOnly = await services.saveTemplateFromPack({ pack, name: 'Risky', description: '', version: '1.0', includeContent: false, onConflict: 'ask' });
    expect(structureOnly.status).toBe('saved');
  });
});

describe('import, export and delete', () => {
  it('import validates, and asks before replacing a template with the same name and version', async () => {
    const first = await services.importTemplate({ fileName: 'C:\\Users\\me\\Downloads\\' + VALID, text: await fixtureText(), onConflict: 'ask' });
    expect(first).toMatchObject({ status: 'saved', template: { source: 'user', file: 'Ward briefing.briefing-template', name: 'Ward briefing', version: '1.2' } });

    const again = await services.importTemplate({ fileName: VALID, text: await fixtureText(), onConflict: 'ask' });
    expect(again).toMatchObject({ status: 'conflict', existing: { file: 'Ward briefing.briefing-template', version: '1.2' } });

    const kept = await services.importTemplate({ fileName: VALID, text: await fixtureText(), onConflict: 'keep-both' });
    expect(kept).toMatchObject({ status: 'saved', template: { name: 'Ward briefing (2)', file: 'Ward briefing (2).briefing-template' } });
    expect(kept.status === 'saved' && kept.template.id).not.toBe('fixture-ward-briefing');

    const changed = JSON.parse(await fixtureText());
    changed.description = 'Replaced copy';
    const replaced = await services.importTemplate({ fileName: VALID, text: JSON.stringify(changed), onConflict: 'replace' });
    expect(replaced).toMatchObject({ status: 'saved', template: { file: 'Ward briefing.briefing-template', description: 'Replaced copy' } });
    const user = (await services.listTemplates({})).templates.filter((t) => t.source === 'user');
    expect(user.map((t) => t.name).sort()).toEqual(['Ward briefing', 'Ward briefing (2)']);

    // A newer version of the same template is not a conflict: both are kept as they are.
    expect((await services.importTemplate({ fileName: VALID, text: await withVersion('1.3'), onConflict: 'ask' })).status).toBe('saved');
  });

  it('import refuses a bad file by name and writes nothing', async () => {
    await expectHostError(
      services.importTemplate({ fileName: 'data-link.briefing-template', text: await fixtureText('data-link.briefing-template'), onConflict: 'ask' }),
      'INVALID_FILE',
      /^"data-link\.briefing-template" was refused: .*data:/,
    );
    await expect(readdir(path.join(workspace, USER_TEMPLATES_FOLDER)).catch(() => [])).resolves.toEqual([]);
  });

  it('export gives the file name and a text that imports again unchanged', async () => {
    const exported = await services.exportTemplate({ source: 'built-in', file: 'gamechangers.briefing-template' });
    expect(exported.fileName).toBe('gamechangers.briefing-template');
    const template = parseTemplateText(exported.text);
    expect(template.id).toBe('builtin-gamechangers');
    expect(template.sections).toHaveLength(7);
  });

  it('delete moves a user template to the trash; built-in templates cannot be deleted', async () => {
    await services.importTemplate({ fileName: VALID, text: await fixtureText(), onConflict: 'ask' });
    await services.deleteTemplate({ file: 'Ward briefing.briefing-template' });
    expect(await readdir(path.join(workspace, USER_TEMPLATES_FOLDER))).toEqual([]);
    const trash = await readdir(path.join(workspace, '.trash'));
    expect(trash.some((f) => f.endsWith('Ward briefing.briefing-template'))).toBe(true);
    await expectHostError(services.deleteTemplate({ file: 'gamechangers.briefing-template' }), 'NOT_FOUND', /could not be found/);
    expect(await readdir(builtInTemplatesDir())).toContain('gamechangers.briefing-template');
  });
});

describe('publish to the shared folder', () => {
  beforeEach(async () => {
    await mkdir(sharedDir, { recursive: true });
    await services.updateSettings({ sharedTemplatesDir: sharedDir });
  });

  async function importVersion(version: string): Promise<string> {
    const outcome = await services.importTemplate({ fileName: VALID, text: await withVersion(version), onConflict: 'keep-both' });
    if (outcome.status !== 'saved') throw new Error('not saved');
    return outcome.template.file;
  }

  it('publishes atomically, replaces an older version, and refuses to put an older version over a newer one', async () => {
    const v1 = await importVersion('1.2');
    const first = await services.publishTemplate({ file: v1 });
    expect(first.replacedVersion).toBeNull();
    expect(await readdir(sharedDir)).toEqual(['Ward briefing.briefing-template']);

    const v2 = await importVersion('1.10');
    const second = await services.publishTemplate({ file: v2 });
    expect(second.replacedVersion).toBe('1.2');
    expect(await readdir(sharedDir)).toEqual(['Ward briefing.briefing-template']);
    const onShared = parseTemplateText(await readFile(path.join(sharedDir, 'Ward briefing.briefing-template'), 'utf8'));
    expect(onShared.version).toBe('1.10');

    const before = await readFile(path.join(sharedDir, 'Ward briefing.briefing-template'), 'utf8');
    await expectHostError(
      services.publishTemplate({ file: v1 }),
      'CONFLICT',
      /^The shared folder already has version 1\.10 of "Ward briefing", which is newer than yours \(version 1\.2\)\. .*nothing was changed\.$/,
    );
    expect(await readFile(path.join(sharedDir, 'Ward briefing.briefing-template'), 'utf8')).toBe(before);
    // No temp files are left behind by the atomic writes.
    expect((await readdir(sharedDir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('the same version is a no-op when identical and refused when different', async () => {
    const file = await importVersion('2.0');
    await services.publishTemplate({ file });
    const again = await services.publishTemplate({ file });
    expect(again.replacedVersion).toBe('2.0');

    const shared = path.join(sharedDir, 'Ward briefing.briefing-template');
    const edited = parseTemplateText(await readFile(shared, 'utf8')) as Template;
    await writeFile(shared, serialiseTemplate({ ...edited, description: 'Edited by someone else' }));
    await expectHostError(services.publishTemplate({ file }), 'CONFLICT', /already has version 2\.0 of "Ward briefing", and it is different from yours\. Save your template again with a higher version number \(for example 2\.1\)/);
    expect(parseTemplateText(await readFile(shared, 'utf8')).description).toBe('Edited by someone else');
  });

  // Skipped as root (CI containers): root can write into a read-only folder, so there is no error to see.
  it.skipIf(process.getuid?.() === 0)('a read-only shared folder gives a plain permission error (skipped when running as root)', async () => {
    const file = await importVersion('1.0');
    const { chmod } = await import('node:fs/promises');
    await chmod(sharedDir, 0o555);
    try {
      await expectHostError(services.publishTemplate({ file }), 'PERMISSION', /permission/);
    } finally {
      await chmod(sharedDir, 0o755);
    }
  });
});

import { chmod, mkdir, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repeatedFlag } from '../../electron/browserHost/folderFlags.js';
import { startServer, type RunningServer } from '../../electron/browserHost/serve.js';
import { createServices } from '../../electron/services.js';
import { guardedCall, type IpcEventLike } from '../../electron/shell/ipcGuard.js';
import { FolderRoots } from '../../electron/workspace/folderChooser.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { GrantedPaths } from '../../electron/workspace/grantedPaths.js';
import type { FolderListing } from '../../shared/api/folders.js';
import { rawPost, rawPostChunked } from '../support/rawHttp.js';

/**
 * Issue 17, point 1: folders only the user chose, in both hosts. The browser host accepts a
 * folder setting only inside its roots (home and --allow-folder) and serves a folder chooser
 * over them; the desktop app only folders picked in the native dialog. Refusals are in plain
 * English, through the real HTTP transport and the Electron IPC path alike.
 */
let root: string;
let home: string;
let shared: string;
let outside: string;
let server: RunningServer;
let dataDir: string;

interface Envelope<T = unknown> {
  ok: boolean;
  result?: T;
  error?: { code: string; message: string };
}

async function call<T = unknown>(method: string, args: unknown): Promise<Envelope<T>> {
  const res = await rawPost(server.port, server.token, method, JSON.stringify(args));
  expect(res.status, res.body).not.toBe(500);
  return JSON.parse(res.body) as Envelope<T>;
}

beforeAll(async () => {
  root = await realTemp();
  home = path.join(root, 'home', 'sam');
  shared = path.join(root, 'mnt', 'council-share');
  outside = path.join(root, 'home', 'another-user');
  dataDir = path.join(root, 'data');
  for (const dir of [path.join(home, 'Documents', 'Briefing Packs'), path.join(home, 'Documents', 'Old packs'), path.join(home, '.ssh'), path.join(shared, 'Templates'), outside, dataDir]) await mkdir(dir, { recursive: true });
  await writeFile(path.join(home, 'notes.txt'), 'not a folder');
  await symlink(outside, path.join(home, 'link to another user'));
  await symlink(path.join(shared, 'Templates'), path.join(home, 'Shared templates'));
  const { roots } = await FolderRoots.create([shared, path.join(root, 'no such folder')], home);
  const services = createServices({ platform: { host: 'browser', appVersion: 'test', dataDir, trash: moveToFolderTrash, folderRoots: roots }, workspaceOverride: path.join(home, 'Documents', 'Briefing Packs') });
  server = await startServer({ handlers: services, rendererDir: dataDir });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function realTemp(): Promise<string> {
  const dir = path.join(os.tmpdir(), `briefing-folders-${process.pid}-${Date.now()}`);
  await mkdir(dir);
  return dir;
}

describe('browser host: the folder settings accept only folders inside home and --allow-folder', () => {
  const refusals: Array<[string, () => string, string, RegExp]> = [
    ['a system folder', () => '/etc', 'PERMISSION', /^\/etc is outside the folders Briefing Studio may use\. In the browser version you can choose folders inside your home folder \(.*\) or .*council-share\. To use another folder, start Briefing Studio with --allow-folder/],
    ['another user’s folder', () => outside, 'PERMISSION', /another-user is outside the folders/],
    ['a link in home that leads out', () => path.join(home, 'link to another user'), 'PERMISSION', /link to another user \(it leads to .*another-user\) is outside the folders/],
    ['a parent-folder trick', () => path.join(home, '..', 'another-user'), 'PERMISSION', /is outside the folders/],
    ['a hidden folder in home', () => path.join(home, '.ssh'), 'PERMISSION', /is inside a hidden folder \(“\.ssh”\)/],
    ['a folder that does not exist', () => path.join(home, 'Not there'), 'NOT_FOUND', /The folder .*Not there does not exist\. Choose a folder that is there, or make one with “New folder”/],
    ['a file', () => path.join(home, 'notes.txt'), 'INVALID_ARGUMENT', /notes\.txt is a file, not a folder/],
    ['a relative path', () => 'Documents', 'INVALID_ARGUMENT', /“Documents” is not a full path/],
  ];
  for (const key of ['workspaceDir', 'sharedTemplatesDir'] as const) {
    it.each(refusals)(`${key}: refuses %s`, async (_what, folder, code, message) => {
      const before = await call<{ workspaceDir: string; sharedTemplatesDir: string }>('getSettings', {});
      const res = await call('updateSettings', { [key]: folder() });
      expect(res).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
      expect(res.error!.message).not.toMatch(/`|Error:|ENOENT|EACCES/);
      expect((await call('getSettings', {})).result).toEqual(before.result);
    });
  }

  it('accepts folders inside home and inside an --allow-folder root, stored as their real path', async () => {
    expect(await call('updateSettings', { workspaceDir: path.join(home, 'Documents', 'Old packs') })).toMatchObject({ ok: true, result: { workspaceDir: path.join(home, 'Documents', 'Old packs') } });
    expect(await call('updateSettings', { sharedTemplatesDir: path.join(shared, 'Templates') })).toMatchObject({ ok: true, result: { sharedTemplatesDir: path.join(shared, 'Templates') } });
    // A link in home to a folder inside the roots is fine, and stored where it leads.
    expect(await call('updateSettings', { sharedTemplatesDir: path.join(home, 'Shared templates') })).toMatchObject({ ok: true, result: { sharedTemplatesDir: path.join(shared, 'Templates') } });
    expect(await call('updateSettings', { sharedTemplatesDir: '' })).toMatchObject({ ok: true, result: { sharedTemplatesDir: '' } });
    expect(await call('updateSettings', { workspaceDir: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('a chosen folder that later goes away does not stop other settings being saved', async () => {
    const gone = path.join(home, 'Temporary');
    await mkdir(gone);
    expect((await call('updateSettings', { sharedTemplatesDir: gone })).ok).toBe(true);
    await rm(gone, { recursive: true });
    expect(await call('updateSettings', { authorName: 'Sam', sharedTemplatesDir: gone })).toMatchObject({ ok: true, result: { authorName: 'Sam', sharedTemplatesDir: gone } });
  });

  it.runIf(process.getuid?.() !== 0)('refuses a folder it cannot read, and a workspace it cannot write to', async () => {
    const locked = path.join(home, 'Locked');
    const readOnly = path.join(home, 'Read only');
    await mkdir(locked);
    await mkdir(readOnly);
    await chmod(locked, 0o000);
    await chmod(readOnly, 0o555);
    try {
      expect(await call('updateSettings', { sharedTemplatesDir: locked })).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringMatching(/cannot read the folder/) } });
      expect(await call('updateSettings', { workspaceDir: readOnly })).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringMatching(/cannot save packs in/) } });
      expect((await call('updateSettings', { sharedTemplatesDir: readOnly })).ok).toBe(true); // templates are only read
    } finally {
      await chmod(locked, 0o755);
      await chmod(readOnly, 0o755);
    }
  });
});

describe('browser host: the folder chooser', () => {
  it('starts at the roots: home and each --allow-folder that exists', async () => {
    const res = await call<FolderListing>('browseFolders', {});
    expect(res.result).toEqual({
      path: null,
      parent: null,
      roots: [
        { label: 'Home', path: home },
        { label: shared, path: shared },
      ],
      folders: [
        { name: 'Home', path: home },
        { name: shared, path: shared },
      ],
      truncated: false,
      writable: false,
    });
  });

  it('lists a folder’s folders by name: no files, no hidden folders, no links that lead out', async () => {
    const res = await call<FolderListing>('browseFolders', { path: home });
    expect(res.result!.folders.map((f) => f.name)).toEqual(['Documents', 'Shared templates']);
    expect(res.result).toMatchObject({ path: home, parent: null, writable: true });
    const documents = await call<FolderListing>('browseFolders', { path: path.join(home, 'Documents') });
    expect(documents.result).toMatchObject({ parent: home, folders: [{ name: 'Briefing Packs' }, { name: 'Old packs' }] });
  });

  it.each([
    ['a system folder', '/etc', /outside the folders Briefing Studio may browse/],
    ['a link that leads out', () => path.join(home, 'link to another user'), /outside the folders/],
    ['a hidden folder', () => path.join(home, '.ssh'), /hidden folder/],
    ['the root of the disk', '/', /outside the folders/],
  ])('refuses to browse %s', async (_what, where, message) => {
    const res = await call('browseFolders', { path: typeof where === 'function' ? where() : where });
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
  });

  it('makes a new folder, refusing bad names, existing names and places outside the roots', async () => {
    const made = await call<{ path: string }>('createFolder', { parent: path.join(home, 'Documents'), name: '  Cabinet 2027  ' });
    expect(made).toEqual({ ok: true, result: { path: path.join(home, 'Documents', 'Cabinet 2027') } });
    expect((await stat(path.join(home, 'Documents', 'Cabinet 2027'))).isDirectory()).toBe(true);
    expect(await call('createFolder', { parent: path.join(home, 'Documents'), name: 'Cabinet 2027' })).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS', message: expect.stringContaining('There is already a folder or file called “Cabinet 2027”') } });
    for (const name of ['../escape', 'a/b', '.hidden', 'CON', 'trailing.', 'tab\there', 'x'.repeat(300)]) {
      expect(await call('createFolder', { parent: home, name }), name).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await call('createFolder', { parent: outside, name: 'Planted' })).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    expect(await readdir(outside)).toEqual([]);
    // What the chooser made can be chosen at once.
    expect((await call('updateSettings', { workspaceDir: made.result!.path })).ok).toBe(true);
  });
});

describe('desktop app: the same refusals through the IPC transport', () => {
  const TRUSTED = 7;
  const guard = { isTrustedContents: (id: number) => id === TRUSTED };
  const appFrame: IpcEventLike = { senderFrame: { url: 'app://briefing/index.html', parent: null }, sender: { id: TRUSTED } };

  it('accepts only folders picked in the native dialog, which must still be there; it has no folder chooser of its own', async () => {
    const granted = new GrantedPaths();
    let answer: string | null = null;
    const desktop = createServices({ platform: { host: 'electron', appVersion: 'test', dataDir, trash: moveToFolderTrash, granted, pickFolder: async () => answer } });
    expect(await guardedCall(desktop, guard, 'updateSettings', appFrame, { workspaceDir: home })).toMatchObject({ ok: false, error: { code: 'PERMISSION', message: expect.stringContaining('Choose folder…') } });
    answer = path.join(home, 'Picked then removed');
    await mkdir(answer);
    await guardedCall(desktop, guard, 'chooseFolder', appFrame, { purpose: 'workspace' });
    await rm(answer, { recursive: true });
    expect(await guardedCall(desktop, guard, 'updateSettings', appFrame, { workspaceDir: answer })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist') } });
    answer = path.join(home, 'Documents', 'Old packs');
    await guardedCall(desktop, guard, 'chooseFolder', appFrame, { purpose: 'workspace' });
    expect(await guardedCall(desktop, guard, 'updateSettings', appFrame, { workspaceDir: answer })).toMatchObject({ ok: true, result: { workspaceDir: answer } });
    expect(await guardedCall(desktop, guard, 'browseFolders', appFrame, {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('system’s own folder dialog') } });
  });
});

describe('the host’s flags', () => {
  it('--allow-folder may be given more than once, with a space or an equals sign', () => {
    expect(repeatedFlag(['--port', '1', '--allow-folder', '/a', '--allow-folder=/b c', '--allow-folder'], 'allow-folder')).toEqual(['/a', '/b c']);
  });
});

describe('browser host: JSON only, whatever the framing', () => {
  it('refuses a chunked text/plain body (the kind a cross-site form can send) and accepts chunked JSON', async () => {
    const plain = await rawPostChunked(server.port, server.token, 'updateSettings', JSON.stringify({ authorName: 'Chunked' }), 'text/plain');
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Send the request as JSON (Content-Type: application/json).' } });
    expect((await call<{ authorName: string }>('getSettings', {})).result!.authorName).not.toBe('Chunked');
    const form = await rawPostChunked(server.port, server.token, 'updateSettings', 'authorName=Chunked', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    const json = await rawPostChunked(server.port, server.token, 'updateSettings', JSON.stringify({ authorName: 'Chunked JSON' }), 'application/json');
    expect(json.status).toBe(200);
    expect((await call<{ authorName: string }>('getSettings', {})).result!.authorName).toBe('Chunked JSON');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { access, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { guardedCall, senderProblem, type IpcEventLike } from '../../electron/shell/ipcGuard.js';
import { createServices } from '../../electron/services.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { GrantedPaths } from '../../electron/workspace/grantedPaths.js';
import { MAX_JSON_DEPTH } from '../../electron/limits.js';
import type { HostHandlers } from '../../shared/api/contract.js';
import type { Pack } from '../../shared/pack/schema.js';
import { hostilePaths, makeHostileLayout, SECRET_TITLE, type HostileLayout } from '../support/hostilePaths.js';

/**
 * The Electron IPC transport without the Electron runtime: main.ts registers exactly
 * `guardedCall(handlers, guard, name, event, args)` for every contract method, so calling it
 * with the sender-frame data Electron would pass exercises the same code path.
 */
const TRUSTED_ID = 7;
const guard = { isTrustedContents: (id: number) => id === TRUSTED_ID };
const appFrame: IpcEventLike = { senderFrame: { url: 'app://briefing/index.html', parent: null }, sender: { id: TRUSTED_ID } };

let layout: HostileLayout;
let granted: GrantedPaths;
let handlers: HostHandlers;

beforeEach(async () => {
  layout = await makeHostileLayout();
  granted = new GrantedPaths();
  handlers = createServices({
    platform: { host: 'electron', appVersion: 'test', dataDir: layout.dataDir, trash: moveToFolderTrash, granted },
    workspaceOverride: layout.workspaceDir,
  });
});
afterEach(async () => {
  await rm(layout.root, { recursive: true, force: true });
});

describe('IPC sender checks', () => {
  const cases: Array<[string, IpcEventLike]> = [
    ['no frame (page gone)', { senderFrame: null, sender: { id: TRUSTED_ID } }],
    ['an embedded frame', { senderFrame: { url: 'app://briefing/index.html', parent: {} }, sender: { id: TRUSTED_ID } }],
    ['a web page', { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: TRUSTED_ID } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html', parent: null }, sender: { id: TRUSTED_ID } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html', parent: null }, sender: { id: TRUSTED_ID } }],
    ['app URL with credentials', { senderFrame: { url: 'app://user:pw@briefing/', parent: null }, sender: { id: TRUSTED_ID } }],
    ['about:blank', { senderFrame: { url: 'about:blank', parent: null }, sender: { id: TRUSTED_ID } }],
    ['an unknown window', { senderFrame: { url: 'app://briefing/index.html', parent: null }, sender: { id: 99 } }],
    ['no sender', { senderFrame: { url: 'app://briefing/index.html', parent: null } }],
  ];
  for (const [label, event] of cases) {
    it(`refuses a call from ${label}`, async () => {
      expect(senderProblem(event, guard)).not.toBeNull();
      const result = await guardedCall(handlers, guard, 'listPacks', event, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
      // …and the back end did nothing: listPacks would have created the workspace listing cache;
      // check with a call that has a side effect instead.
      const created = await guardedCall(handlers, guard, 'createPack', event, { title: 'Should not exist' });
      expect(created.ok).toBe(false);
      expect((await readdir(layout.workspaceDir)).some((n) => n.startsWith('Should not exist'))).toBe(false);
    });
  }

  it('accepts the app page in a trusted window', async () => {
    expect(senderProblem(appFrame, guard)).toBeNull();
    const result = await guardedCall(handlers, guard, 'createPack', appFrame, { title: 'Allowed' });
    expect(result.ok).toBe(true);
  });
});

describe('IPC argument validation', () => {
  const bad: Array<[string, string, unknown]> = [
    ['a string instead of an object', 'openPack', 'x.briefing'],
    ['an array', 'openPack', ['x.briefing']],
    ['null', 'createPack', null],
    ['a number', 'createPack', 5],
    ['an unknown key', 'createPack', { title: 'x', extra: true }],
    ['a wrong type', 'createPack', { title: 42 }],
    ['a missing field', 'openPack', {}],
    ['an over-long title', 'createPack', { title: 'x'.repeat(301) }],
    ['an invalid pack', 'savePack', { file: 'a.briefing', pack: { format: 'nope' }, baseRevision: null }],
    ['deep nesting', 'createPack', nest(MAX_JSON_DEPTH + 5)],
  ];
  for (const [label, method, args] of bad) {
    it(`refuses ${label}`, async () => {
      const result = await guardedCall(handlers, guard, method, appFrame, args);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      if (!result.ok) expect(result.error.message).toMatch(/^Invalid arguments for /);
    });
  }

  it('refuses a method that is not in the contract, including prototype names', async () => {
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await guardedCall(handlers, guard, name, appFrame, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('refuses a cyclic argument without hanging', async () => {
    const cyclic: Record<string, unknown> = { title: 'x' };
    cyclic.self = cyclic;
    expect(await guardedCall(handlers, guard, 'createPack', appFrame, cyclic)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('IPC path confinement', () => {
  it('refuses every hostile path in every path-taking method, and touches nothing outside', async () => {
    const before = await layout.snapshot();
    const created = await guardedCall(handlers, guard, 'createPack', appFrame, { title: 'Mine' });
    if (!created.ok) throw new Error(created.error.message);
    const pack = (created.result as { pack: Pack }).pack;
    const list = hostilePaths(layout);
    expect(list.length).toBeGreaterThanOrEqual(20);
    for (const file of list) {
      const calls: Array<[string, unknown]> = [
        ['openPack', { file }],
        ['savePack', { file, pack: { ...pack, frontSheet: { ...pack.frontSheet, title: 'OVERWRITTEN' } }, baseRevision: null }],
        ['duplicatePack', { file }],
        ['renamePack', { file, title: 'Renamed' }],
        ['deletePack', { file }],
      ];
      for (const [method, args] of calls) {
        const result = await guardedCall(handlers, guard, method, appFrame, args);
        const label = `${method}(${JSON.stringify(file.slice(0, 50))})`;
        expect(result.ok, label).toBe(false);
        if (!result.ok) {
          expect(['INVALID_ARGUMENT', 'PERMISSION'], `${label} -> ${result.error.code}: ${result.error.message}`).toContain(result.error.code);
          expect(JSON.stringify(result)).not.toContain(SECRET_TITLE);
        }
      }
    }
    expect(await layout.snapshot()).toBe(before);
    await access(layout.secretFile);
    // Only the pack we created (plus the hostile fixtures and internal folders) is in the workspace.
    const names = (await readdir(layout.workspaceDir)).filter((n) => !n.startsWith('.'));
    expect(names.sort()).toEqual(['Mine.briefing', 'link-out.briefing', 'linked-folder', 'relative-link.briefing']);
  });

  it('opens a file outside the workspace only after the user picked it (granted)', async () => {
    const before = await guardedCall(handlers, guard, 'openPack', appFrame, { file: layout.secretFile });
    expect(before).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    granted.grant(layout.secretFile);
    const after = await guardedCall(handlers, guard, 'openPack', appFrame, { file: layout.secretFile });
    expect(after.ok).toBe(true);
    // A granted file still cannot be renamed or deleted by path: those stay workspace-only.
    expect((await guardedCall(handlers, guard, 'deletePack', appFrame, { file: layout.secretFile })).ok).toBe(false);
    await access(path.join(layout.secretFile));
  });
});

function nest(depth: number): unknown {
  let value: unknown = { title: 'deep' };
  for (let i = 0; i < depth; i++) value = { title: 'x', child: value };
  return value;
}

describe('moving the workspace (desktop app)', () => {
  it('refuses a workspace folder the user did not pick, and allows one picked in the folder dialog', async () => {
    let dialogAnswer: string | null = null;
    const desktop = createServices({
      platform: { host: 'electron', appVersion: 'test', dataDir: layout.dataDir, trash: moveToFolderTrash, granted, pickFolder: async () => dialogAnswer },
    });
    const refused = await guardedCall(desktop, guard, 'updateSettings', appFrame, { workspaceDir: layout.outsideDir });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    // other settings still change freely
    expect((await guardedCall(desktop, guard, 'updateSettings', appFrame, { authorName: 'A. Officer' })).ok).toBe(true);
    // the user cancels the dialog: nothing granted
    expect(await guardedCall(desktop, guard, 'chooseFolder', appFrame, { purpose: 'workspace' })).toEqual({ ok: true, result: { folder: null } });
    expect((await guardedCall(desktop, guard, 'updateSettings', appFrame, { workspaceDir: layout.outsideDir })).ok).toBe(false);
    // relative paths (which the settings store would resolve) and the shared templates folder too
    for (const patch of [{ workspaceDir: '../outside' }, { workspaceDir: '.' }, { sharedTemplatesDir: layout.outsideDir }, { sharedTemplatesDir: 'rel' }]) {
      expect(await guardedCall(desktop, guard, 'updateSettings', appFrame, patch), JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    }
    // clearing the shared folder needs no dialog
    expect((await guardedCall(desktop, guard, 'updateSettings', appFrame, { sharedTemplatesDir: '' })).ok).toBe(true);
    // the user picks the folder
    dialogAnswer = layout.outsideDir;
    expect(await guardedCall(desktop, guard, 'chooseFolder', appFrame, { purpose: 'workspace' })).toEqual({ ok: true, result: { folder: layout.outsideDir } });
    const moved = await guardedCall(desktop, guard, 'updateSettings', appFrame, { workspaceDir: layout.outsideDir });
    expect(moved).toMatchObject({ ok: true, result: { workspaceDir: layout.outsideDir } });
    const listed = await guardedCall(desktop, guard, 'listPacks', appFrame, {});
    expect(JSON.stringify(listed)).toContain(SECRET_TITLE);
  });

  it('the browser host has no folder dialog and says so plainly', async () => {
    const browser = createServices({ platform: { host: 'browser', appVersion: 'test', dataDir: layout.dataDir, trash: moveToFolderTrash } });
    const result = await guardedCall(browser, guard, 'chooseFolder', appFrame, { purpose: 'workspace' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});

describe('template files are confined too', () => {
  it('refuses a template in "Your templates" that is a link to a file outside', async () => {
    const { copyFile, mkdir, symlink } = await import('node:fs/promises');
    const outsideTemplate = path.join(layout.outsideDir, 'outside.briefing-template');
    await copyFile(path.resolve('resources/templates/blank.briefing-template'), outsideTemplate);
    const userDir = path.join(layout.workspaceDir, 'Templates');
    await mkdir(userDir, { recursive: true });
    await symlink(outsideTemplate, path.join(userDir, 'leak.briefing-template'));
    await copyFile(outsideTemplate, path.join(userDir, 'real.briefing-template'));
    // a real template in the folder exports; the link out of it is refused
    expect((await guardedCall(handlers, guard, 'exportTemplate', appFrame, { source: 'user', file: 'real.briefing-template' })).ok).toBe(true);
    const leaked = await guardedCall(handlers, guard, 'exportTemplate', appFrame, { source: 'user', file: 'leak.briefing-template' });
    expect(leaked).toMatchObject({ ok: false, error: { code: 'PERMISSION' } });
    for (const file of ['../outside/outside.briefing-template', 'CON.briefing-template', '%2e%2e%2foutside.briefing-template', `${'t'.repeat(300)}.briefing-template`]) {
      const result = await guardedCall(handlers, guard, 'exportTemplate', appFrame, { source: 'user', file });
      expect(result.ok, file).toBe(false);
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { confinePath, plainNameProblem } from '../../electron/workspace/confine.js';
import { GrantedPaths } from '../../electron/workspace/grantedPaths.js';
import { HostError } from '../../shared/api/errors.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import { hostilePaths, makeHostileLayout, SECRET_TITLE, type HostileLayout } from '../support/hostilePaths.js';

let layout: HostileLayout;
beforeEach(async () => {
  layout = await makeHostileLayout();
});
afterEach(async () => {
  await rm(layout.root, { recursive: true, force: true });
});

function refusal(fn: () => unknown): HostError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HostError);
    return err as HostError;
  }
  throw new Error('expected a refusal');
}

describe('confinePath', () => {
  it('accepts plain pack names in the workspace, including ones with inner dots and unicode', () => {
    const options = { workspaceDir: layout.workspaceDir, extension: '.briefing' };
    for (const name of ['Budget 2026.briefing', 'Wait... what.briefing', 'Café (2).briefing', 'Con Meeting.briefing']) {
      expect(confinePath(name, options)).toBe(path.join(layout.workspaceDir, name));
    }
  });

  it(`refuses every hostile path with a typed error (${'≥'}20 cases)`, () => {
    const list = hostilePaths(layout);
    expect(list.length).toBeGreaterThanOrEqual(20);
    for (const ref of list) {
      const error = refusal(() => confinePath(ref, { workspaceDir: layout.workspaceDir, extension: '.briefing', granted: new GrantedPaths() }));
      expect(['INVALID_ARGUMENT', 'PERMISSION'], `${JSON.stringify(ref.slice(0, 60))}: ${error.code}`).toContain(error.code);
      expect(error.message).not.toMatch(/\n\s+at /); // no stack traces
      expect(error.message.length).toBeLessThan(400);
    }
  });

  it('refuses a symlink out of the workspace but follows one that stays inside', async () => {
    const options = { workspaceDir: layout.workspaceDir, extension: '.briefing' };
    expect(refusal(() => confinePath('link-out.briefing', options)).code).toBe('PERMISSION');
    await writeFile(path.join(layout.workspaceDir, 'real.briefing'), 'x');
    await symlink(path.join(layout.workspaceDir, 'real.briefing'), path.join(layout.workspaceDir, 'alias.briefing'));
    expect(confinePath('alias.briefing', options)).toBe(path.join(layout.workspaceDir, 'alias.briefing'));
  });

  it('allows an absolute path only while it is granted and still points at the same file', async () => {
    const granted = new GrantedPaths();
    const options = { workspaceDir: layout.workspaceDir, extension: '.briefing', granted };
    expect(refusal(() => confinePath(layout.secretFile, options)).code).toBe('PERMISSION');
    granted.grant(layout.secretFile);
    expect(confinePath(layout.secretFile, options)).toBe(layout.secretFile);
    // a sibling of a granted file is not granted
    expect(refusal(() => confinePath(path.join(layout.outsideDir, 'other.briefing'), options)).code).toBe('PERMISSION');
    // traversal spelled through the granted folder still resolves to an ungranted file
    expect(refusal(() => confinePath(path.join(layout.outsideDir, 'x', '..', 'other.briefing'), options)).code).toBe('PERMISSION');
    // swap the granted file for a link elsewhere: the grant no longer applies
    await rm(layout.secretFile);
    await writeFile(path.join(layout.root, 'elsewhere.briefing'), 'x');
    await symlink(path.join(layout.root, 'elsewhere.briefing'), layout.secretFile);
    expect(refusal(() => confinePath(layout.secretFile, options)).code).toBe('PERMISSION');
  });

  it('names the reason in plain English', () => {
    expect(plainNameProblem('CON.briefing', '.briefing')).toMatch(/reserved device name/);
    expect(plainNameProblem('a/b.briefing', '.briefing')).toMatch(/folder separator/);
    expect(plainNameProblem('x.txt', '.briefing')).toMatch(/not a \.briefing file/);
    expect(plainNameProblem(`${'é'.repeat(200)}.briefing`, '.briefing')).toMatch(/longer than 255 bytes/);
  });

  it('refuses non-text references', () => {
    for (const ref of [undefined, null, 42, {}, ['a.briefing']]) {
      expect(refusal(() => confinePath(ref, { workspaceDir: layout.workspaceDir, extension: '.briefing' })).code).toBe('INVALID_ARGUMENT');
    }
  });
});

describe('PackStore with confinement', () => {
  it('lists a link out of the workspace as a broken entry without reading its target', async () => {
    const store = new PackStore({ workspaceDir: layout.workspaceDir, trash: (p) => moveToFolderTrash(p, layout.workspaceDir) });
    const list = await store.list();
    const link = list.entries.find((e) => e.file === 'link-out.briefing');
    expect(link?.kind).toBe('broken');
    expect(link?.kind === 'broken' && link.error.code).toBe('PERMISSION');
    expect(JSON.stringify(list)).not.toContain(SECRET_TITLE);
  });

  it('saves a granted file outside the workspace, keeping its backup inside the workspace', async () => {
    const granted = new GrantedPaths();
    granted.grant(layout.secretFile);
    const store = new PackStore({ workspaceDir: layout.workspaceDir, trash: (p) => moveToFolderTrash(p, layout.workspaceDir), granted });
    const opened = await store.open(layout.secretFile);
    expect(opened.pack.frontSheet.title).toBe(SECRET_TITLE);
    await store.save(layout.secretFile, { ...opened.pack, frontSheet: { ...opened.pack.frontSheet, title: 'Edited' } }, opened.revision);
    expect((await store.open(layout.secretFile)).pack.frontSheet.title).toBe('Edited');
    expect(store.backupPathOf(layout.secretFile).startsWith(path.join(layout.workspaceDir, '.backups') + path.sep)).toBe(true);
  });
});

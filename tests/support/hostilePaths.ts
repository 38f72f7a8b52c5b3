import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newPack } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';

/**
 * A workspace next to an "outside" folder holding a VALID pack (so any path that escaped
 * the workspace would open successfully and the test would fail), a symlink inside the
 * workspace pointing at it, and the list of hostile names/paths a renderer might send.
 */
export interface HostileLayout {
  root: string;
  workspaceDir: string;
  dataDir: string;
  outsideDir: string;
  secretFile: string;
  secretText: string;
  /** What the outside folder held before the test (to prove nothing was written there). */
  snapshot(): Promise<string>;
}

export const SECRET_TITLE = 'SECRET OUTSIDE THE WORKSPACE';

export async function makeHostileLayout(): Promise<HostileLayout> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'briefing-hostile-'));
  const workspaceDir = path.join(root, 'ws');
  const dataDir = path.join(root, 'data');
  const outsideDir = path.join(root, 'outside');
  await mkdir(workspaceDir);
  await mkdir(dataDir);
  await mkdir(outsideDir);
  const secretFile = path.join(outsideDir, 'secret.briefing');
  const secretText = serialisePack(newPack({ title: SECRET_TITLE }));
  await writeFile(secretFile, secretText);
  // Real links: a file link and a folder link, both leading out of the workspace.
  await symlink(secretFile, path.join(workspaceDir, 'link-out.briefing'));
  await symlink(outsideDir, path.join(workspaceDir, 'linked-folder'));
  await symlink('../outside/secret.briefing', path.join(workspaceDir, 'relative-link.briefing'));
  return {
    root,
    workspaceDir,
    dataDir,
    outsideDir,
    secretFile,
    secretText,
    async snapshot() {
      const names = (await readdir(outsideDir)).sort();
      const contents = await Promise.all(names.map((n) => readFile(path.join(outsideDir, n), 'utf8')));
      return JSON.stringify({ names, contents });
    },
  };
}

/** At least 20 hostile references, each of which must be refused with a typed error. */
export function hostilePaths(layout: HostileLayout): string[] {
  const absSecret = layout.secretFile;
  return [
    '../outside/secret.briefing',
    '../../outside/secret.briefing',
    '..\\outside\\secret.briefing',
    'sub/../../outside/secret.briefing',
    './../outside/secret.briefing',
    absSecret, // absolute path, never granted
    path.join(layout.workspaceDir, '..', 'outside', 'secret.briefing'),
    '/etc/passwd.briefing',
    'C:\\Windows\\System32\\drivers\\etc\\hosts.briefing',
    'C:secret.briefing', // drive-relative
    '\\\\server\\share\\secret.briefing', // UNC
    '//server/share/secret.briefing', // UNC, forward slashes
    '\\\\?\\C:\\secret.briefing', // Win32 long-path namespace
    '\\\\.\\PhysicalDrive0.briefing', // device namespace
    '%2e%2e%2foutside%2fsecret.briefing', // encoded traversal
    '..%2foutside%2fsecret.briefing',
    '%2e%2e%5coutside%5csecret.briefing',
    '..%252foutside%252fsecret.briefing', // double-encoded
    '\uff0e\uff0e\uff0foutside\uff0fsecret.briefing', // full-width dots and slash
    'CON.briefing', // device names
    'nul.briefing',
    'COM1.briefing',
    'LPT9.briefing',
    'aux.draft.briefing',
    'secret.briefing\0.txt', // NUL byte
    '\0../outside/secret.briefing',
    `${'a'.repeat(300)}.briefing`, // longer than any file system allows
    `${'x/'.repeat(3000)}secret.briefing`, // very long path
    'link-out.briefing', // symlink out of the workspace
    'relative-link.briefing', // relative symlink out of the workspace
    'linked-folder/secret.briefing', // through a symlinked folder
    '.backups/secret.briefing', // internal folders
    '.hidden.briefing',
    'report:stream.briefing', // NTFS alternate data stream
    'file:///etc/passwd.briefing',
    '~/secret.briefing',
    'trailing-dot.briefing.',
    '..',
  ];
}

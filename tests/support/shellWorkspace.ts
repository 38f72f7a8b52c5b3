import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newPack } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';

/**
 * Temp folders for a booted shell: the app's userData (with settings pointing at the
 * workspace), the workspace, and a folder elsewhere for files the OS hands over.
 */
export interface ShellFolders {
  root: string;
  userData: string;
  workspace: string;
  elsewhere: string;
  /** Write a pack file (to `elsewhere` unless a folder is given) and return its path. */
  pack(title: string, folder?: string): Promise<string>;
  remove(): Promise<void>;
}

export async function shellFolders(): Promise<ShellFolders> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'briefing-shell-'));
  const userData = path.join(root, 'userData');
  const workspace = path.join(root, 'workspace');
  const elsewhere = path.join(root, 'elsewhere');
  await Promise.all([mkdir(userData), mkdir(workspace), mkdir(elsewhere)]);
  await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ workspaceDir: workspace, authorName: 'Test Member' }));
  return {
    root,
    userData,
    workspace,
    elsewhere,
    async pack(title, folder = elsewhere) {
      const file = path.join(folder, `${title}.briefing`);
      await writeFile(file, serialisePack(newPack({ title })));
      return file;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

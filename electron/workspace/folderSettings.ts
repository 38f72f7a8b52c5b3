import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError } from '../../shared/api/errors.js';
import type { FolderPurpose } from '../../shared/api/folders.js';
import type { Settings, SettingsPatch } from '../../shared/api/settings.js';
import type { HostPlatform } from '../hostPlatform.js';
import { checkFolderUsable } from './folderChooser.js';

/**
 * The one gate for the two folder settings (workspace, shared templates), in both hosts:
 *  - desktop app: only a folder the user picked in the native dialog (chooseFolder);
 *  - browser host: only a folder inside its roots (home and --allow-folder), see folderChooser.ts;
 *  - either way, and in tests and tools with neither: a full path to a folder that exists and
 *    can be read (and, for the workspace, written), refused with the reason when chosen.
 * Returns the patch with each changed folder as it will be stored (its resolved path).
 */
const PURPOSE: Record<'workspaceDir' | 'sharedTemplatesDir', FolderPurpose> = { workspaceDir: 'workspace', sharedTemplatesDir: 'sharedTemplates' };

async function existingFolder(resolved: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(resolved);
  } catch {
    throw new HostError('NOT_FOUND', `The folder ${resolved} does not exist. Choose a folder that is there.`);
  }
  if (!stat.isDirectory()) throw new HostError('INVALID_ARGUMENT', `${resolved} is a file, not a folder.`);
}

export async function checkFolderPatch(patch: SettingsPatch, current: Settings, platform: Pick<HostPlatform, 'granted' | 'folderRoots'>): Promise<SettingsPatch> {
  const checked: SettingsPatch = { ...patch };
  for (const key of ['workspaceDir', 'sharedTemplatesDir'] as const) {
    const wanted = patch[key]?.trim();
    if (wanted === undefined) continue;
    if (wanted === '') {
      if (key === 'workspaceDir') throw new HostError('INVALID_ARGUMENT', 'Choose a workspace folder: packs need a folder to live in.');
      checked[key] = ''; // the shared templates folder can be cleared
      continue;
    }
    // Unchanged (even if it has gone since): saving other settings never depends on it.
    if (current[key] && path.resolve(wanted) === path.resolve(current[key])) continue;
    let stored: string;
    if (platform.granted) {
      const resolved = path.resolve(wanted); // relative paths count too: the store resolves them
      if (!platform.granted.allowsFolder(resolved)) throw new HostError('PERMISSION', 'Choose the folder with “Choose folder…”, so Briefing Studio knows you picked it yourself.');
      await existingFolder(resolved);
      stored = resolved;
    } else if (platform.folderRoots) {
      stored = await platform.folderRoots.resolve(wanted, 'use');
    } else {
      if (!path.isAbsolute(wanted)) throw new HostError('INVALID_ARGUMENT', `“${wanted}” is not a full path. Type the folder’s full path.`);
      stored = path.resolve(wanted);
      await existingFolder(stored);
    }
    await checkFolderUsable(stored, PURPOSE[key]);
    checked[key] = stored;
  }
  return checked;
}

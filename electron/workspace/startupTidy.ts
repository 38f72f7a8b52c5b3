import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HISTORY_FOLDER } from './history.js';
import { BACKUP_FOLDER } from './packStore.js';
import { RECOVERY_FOLDER } from './recoveryJournal.js';
import { sweepTempFiles, type SweepOptions } from './tempFiles.js';

/**
 * Every folder the app writes with atomic saves, for the tidy-up at start: the workspace and
 * its backups, each pack's history folder, the user templates folder, and the app's data folder
 * (settings, recovery journal, search index).
 */
export async function foldersWithTempFiles(workspaceDir: string, dataDir: string, userTemplatesFolder: string): Promise<string[]> {
  const historyRoot = path.join(workspaceDir, HISTORY_FOLDER);
  const historyFolders = await fs.readdir(historyRoot).then(
    (names) => names.map((n) => path.join(historyRoot, n)),
    () => [] as string[],
  );
  return [workspaceDir, path.join(workspaceDir, BACKUP_FOLDER), ...historyFolders, path.join(workspaceDir, userTemplatesFolder), dataDir, path.join(dataDir, RECOVERY_FOLDER)];
}

/** Remove the temp files of killed saves that no process holds any more (see tempFiles.ts). */
export async function tidyAfterCrashes(workspaceDir: string, dataDir: string, userTemplatesFolder: string, options: SweepOptions = {}): Promise<number> {
  return sweepTempFiles(await foldersWithTempFiles(workspaceDir, dataDir, userTemplatesFolder), options);
}

/**
 * Backups are one per pack: a backup whose pack is gone (deleted, or renamed outside the
 * app) is kept for `keepDays` as a safety net, then removed. Backups of files outside the
 * workspace (`external-…`) follow the same age rule.
 */
export async function pruneOrphanBackups(workspaceDir: string, keepDays: number, now = new Date()): Promise<number> {
  const folder = path.join(workspaceDir, BACKUP_FOLDER);
  let names: string[];
  let packs: Set<string>;
  try {
    names = await fs.readdir(folder);
    packs = new Set((await fs.readdir(workspaceDir)).map((n) => n.toLowerCase()));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (name.endsWith('.tmp') || packs.has(name.toLowerCase())) continue;
    const full = path.join(folder, name);
    try {
      const stat = await fs.lstat(full);
      if (!stat.isFile() || now.getTime() - stat.mtimeMs < keepDays * 86_400_000) continue;
      await fs.unlink(full);
      removed++;
    } catch {
      // gone already
    }
  }
  return removed;
}

import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Trash folder for hosts without an OS trash (the browser host): `<workspace>/.trash`. */
export const TRASH_FOLDER = '.trash';

/** Move a file into `<workspace>/.trash`, prefixed with the time so names never collide. */
export async function moveToFolderTrash(absolutePath: string, workspaceDir: string): Promise<void> {
  const trashDir = path.join(workspaceDir, TRASH_FOLDER);
  await fs.mkdir(trashDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await fs.rename(absolutePath, path.join(trashDir, `${stamp} ${path.basename(absolutePath)}`));
}

import { z } from 'zod';

/**
 * The browser host's folder chooser: the folders the user may point the workspace and the
 * shared templates folder at are those under their home folder and under the folders given
 * on the command line with --allow-folder. The desktop app uses the system's own dialog.
 */
export interface FolderRoot {
  /** "Home", or the folder's own path for an --allow-folder root. */
  label: string;
  path: string;
}

export interface FolderEntry {
  name: string;
  path: string;
}

export interface FolderListing {
  /** The folder listed; null when listing the roots themselves. */
  path: string | null;
  /** The folder above, or null at a root (going up shows the roots). */
  parent: string | null;
  roots: FolderRoot[];
  /** Its folders, hidden ones left out, by name. */
  folders: FolderEntry[];
  /** More folders than the chooser shows; type the path instead. */
  truncated: boolean;
  /** Whether a new folder can be made here. */
  writable: boolean;
}

export const FOLDER_PURPOSES = ['workspace', 'sharedTemplates'] as const;
export type FolderPurpose = (typeof FOLDER_PURPOSES)[number];

export const browseFoldersArgs = z.object({ path: z.string().min(1).max(4096).optional() }).strict();
export const createFolderArgs = z.object({ parent: z.string().min(1).max(4096), name: z.string().min(1).max(255) }).strict();

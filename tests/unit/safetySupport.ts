import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../electron/services.js';
import { moveToFolderTrash } from '../../electron/workspace/folderTrash.js';
import type { HostHandlers } from '../../shared/api/contract.js';

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `briefing-${prefix}-`));
}

/** Real services on real temp folders, as both hosts create them. */
export async function makeServices(options: { workspaceDir?: string; dataDir?: string } = {}): Promise<{ services: HostHandlers; workspaceDir: string; dataDir: string }> {
  const workspaceDir = options.workspaceDir ?? (await tempDir('ws'));
  const dataDir = options.dataDir ?? (await tempDir('data'));
  const services = createServices({ platform: { host: 'browser', appVersion: 'test', dataDir, trash: moveToFolderTrash }, workspaceOverride: workspaceDir });
  return { services, workspaceDir, dataDir };
}

import type { HostHandlers } from '../shared/api/contract.js';
import type { HostPlatform } from './hostPlatform.js';
import { PackStore } from './workspace/packStore.js';
import { SettingsStore } from './workspace/settingsStore.js';
import type { Settings } from '../shared/api/settings.js';
import { HostError } from '../shared/api/errors.js';
import path from 'node:path';

export interface ServiceOptions {
  platform: HostPlatform;
  /** Used instead of the stored setting (the browser host's --workspace flag, tests). */
  workspaceOverride?: string;
  defaults?: Settings;
}

/**
 * The back end: one implementation of every method in the host contract, shared by the
 * Electron IPC handlers, the browser host and the tests.
 */
export function createServices(options: ServiceOptions): HostHandlers {
  const { platform } = options;
  const settings = new SettingsStore(platform.dataDir, options.defaults);
  let store: PackStore | undefined;

  async function packs(): Promise<PackStore> {
    const dir = options.workspaceOverride ?? (await settings.get()).workspaceDir;
    if (!store || store.workspaceDir !== dir) {
      store = new PackStore({ workspaceDir: dir, trash: (p) => platform.trash(p, dir), granted: platform.granted });
    }
    return store;
  }

  return {
    async getAppInfo() {
      return {
        appVersion: platform.appVersion,
        host: platform.host,
        workspaceDir: (await packs()).workspaceDir,
        dataDir: platform.dataDir,
        platform: process.platform,
      };
    },
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      // In the desktop app the renderer may only move the workspace to a folder the user
      // picked in the native dialog (chooseWorkspaceFolder): otherwise a compromised page
      // could point the workspace at any folder and read or write packs there.
      if (patch.workspaceDir !== undefined && platform.granted) {
        const current = path.resolve((await settings.get()).workspaceDir);
        const wanted = path.resolve(patch.workspaceDir);
        if (wanted !== current && !platform.granted.allowsFolder(wanted)) {
          throw new HostError('PERMISSION', 'Choose the new workspace folder with “Choose folder…”, so Briefing Studio knows you picked it yourself.');
        }
      }
      return settings.update(patch);
    },
    async chooseWorkspaceFolder() {
      if (!platform.pickFolder) {
        throw new HostError('UNAVAILABLE', 'Choosing a folder in a dialog needs the desktop app. In the browser version, type the folder’s full path instead.');
      }
      const folder = await platform.pickFolder({ title: 'Choose the workspace folder for your packs', defaultPath: (await packs()).workspaceDir });
      if (folder) platform.granted?.grantFolder(folder);
      return { folder };
    },
    listPacks: async () => (await packs()).list(),
    createPack: async ({ title }) => (await packs()).create(title),
    openPack: async ({ file }) => (await packs()).open(file),
    savePack: async ({ file, pack, baseRevision }) => (await packs()).save(file, pack, baseRevision),
    savePackAs: async ({ pack, title }) => (await packs()).saveAs(pack, title),
    renamePack: async ({ file, title }) => (await packs()).rename(file, title),
    duplicatePack: async ({ file }) => (await packs()).duplicate(file),
    deletePack: async ({ file }) => (await packs()).delete(file),
  };
}

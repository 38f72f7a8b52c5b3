import type { HostHandlers } from '../shared/api/contract.js';
import type { HostPlatform } from './hostPlatform.js';
import { PackStore } from './workspace/packStore.js';
import { SettingsStore } from './workspace/settingsStore.js';
import type { Settings } from '../shared/api/settings.js';
import { createSafetyHandlers } from './workspace/safetyServices.js';
import { WorkspaceIndex } from './search/workspaceIndex.js';
import { setPackStatus } from './search/packStatus.js';
import { createTemplateServices } from './templates/templateServices.js';

export interface ServiceOptions {
  platform: HostPlatform;
  /** Used instead of the stored setting (the browser host's --workspace flag, tests). */
  workspaceOverride?: string;
  defaults?: Settings;
  /** Where the built-in templates are (default: resources/templates in the app). */
  builtInTemplatesDir?: string;
  /** How long the shared templates folder may take to answer (tests shorten it). */
  sharedTemplatesTimeoutMs?: number;
}

/**
 * The back end: one implementation of every method in the host contract, shared by the
 * Electron IPC handlers, the browser host and the tests.
 */
export function createServices(options: ServiceOptions): HostHandlers {
  const { platform } = options;
  const settings = new SettingsStore(platform.dataDir, options.defaults);
  let store: PackStore | undefined;
  let searchIndex: WorkspaceIndex | undefined;

  async function packs(): Promise<PackStore> {
    const dir = options.workspaceOverride ?? (await settings.get()).workspaceDir;
    if (!store || store.workspaceDir !== dir) {
      store = new PackStore({ workspaceDir: dir, trash: (p) => platform.trash(p, dir) });
    }
    return store;
  }

  /** The search index follows the workspace in use, cached in the app data folder. */
  async function search(): Promise<WorkspaceIndex> {
    const dir = (await packs()).workspaceDir;
    if (!searchIndex || searchIndex.workspaceDir !== dir) {
      void searchIndex?.close();
      searchIndex = new WorkspaceIndex({ workspaceDir: dir, cacheDir: platform.dataDir });
    }
    return searchIndex;
  }

  return {
    ...createSafetyHandlers({ packs, settings, dataDir: platform.dataDir }),
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
    updateSettings: (patch) => settings.update(patch),
    listPacks: async () => (await packs()).list(),
    createPack: async ({ title }) => (await packs()).create(title),
    openPack: async ({ file }) => (await packs()).open(file),
    savePackAs: async ({ pack, title }) => (await packs()).saveAs(pack, title),
    renamePack: async ({ file, title }) => (await packs()).rename(file, title),
    duplicatePack: async ({ file }) => (await packs()).duplicate(file),
    deletePack: async ({ file }) => (await packs()).delete(file),
    searchPacks: async ({ query, limit }) => (await search()).search(query, limit),
    setPackStatus: async ({ file, status, baseRevision }) => setPackStatus(await packs(), await settings.get(), file, status, baseRevision),
    getSettingsState: async () => ({ settings: await settings.get(), notice: settings.notice ?? null, file: settings.file }),
    ...createTemplateServices({ options, settings, packs }),
  };
}

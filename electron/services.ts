import type { HostHandlers } from '../shared/api/contract.js';
import type { HostPlatform } from './hostPlatform.js';
import { PackStore } from './workspace/packStore.js';
import { SettingsStore } from './workspace/settingsStore.js';
import type { Settings } from '../shared/api/settings.js';
import { createSafetyHandlers } from './workspace/safetyServices.js';
import { HostError } from '../shared/api/errors.js';
import path from 'node:path';
import { WorkspaceIndex } from './search/workspaceIndex.js';
import { setPackStatus } from './search/packStatus.js';
import { createTemplateServices } from './templates/templateServices.js';
import { checkAccessibilityFor, exportToWordFor } from './export/exportService.js';
import { PackReadAhead } from './workspace/packReadAhead.js';
import { createImportServices } from './import/importService.js';
import { inlineRunner, workerRunner, type ImportRunner } from './import/importRunner.js';
import { createPublishServices } from './publication/publishServices.js';
import type { PdfEngine } from './pdf/engine/types.js';

export interface ServiceOptions {
  platform: HostPlatform;
  /** Used instead of the stored setting (the browser host's --workspace flag, tests). */
  workspaceOverride?: string;
  defaults?: Settings;
  /** Where the built-in templates are (default: resources/templates in the app). */
  builtInTemplatesDir?: string;
  /** How long the shared templates folder may take to answer (tests shorten it). */
  sharedTemplatesTimeoutMs?: number;
  /** Where Word imports are read: 'worker' (default; the built dist/electron/importWorker.cjs) or 'inline' (tests from the sources). */
  importRunner?: 'worker' | 'inline';
  /** The PDF engine outside Electron (default: a browser or LibreOffice found on the machine). */
  openPdfEngine?: () => Promise<PdfEngine>;
}

/** The contract's methods, and what the hosts themselves may ask of the back end. */
export type HostServices = HostHandlers & {
  /** The page being served opens this pack: start reading it (see PackReadAhead). Not a contract method. */
  readAheadPack(file: string): void;
};

/**
 * The back end: one implementation of every method in the host contract, shared by the
 * Electron IPC handlers, the browser host and the tests.
 */
export function createServices(options: ServiceOptions): HostServices {
  const { platform } = options;
  const settings = new SettingsStore(platform.dataDir, options.defaults);
  let store: PackStore | undefined;
  let searchIndex: WorkspaceIndex | undefined;

  async function packs(): Promise<PackStore> {
    const dir = options.workspaceOverride ?? (await settings.get()).workspaceDir;
    if (!store || store.workspaceDir !== dir) {
      store = new PackStore({ workspaceDir: dir, trash: (p) => platform.trash(p, dir), granted: platform.granted });
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

  const safety = createSafetyHandlers({ packs, settings, dataDir: platform.dataDir });
  const templates = createTemplateServices({ options, settings, packs });
  let runner: ImportRunner | undefined;
  const imports = createImportServices({
    packs,
    runner: () => (runner ??= options.importRunner === 'inline' ? inlineRunner() : workerRunner()),
    templateText: async (source, file) => (await templates.exportTemplate({ source, file })).text,
  });
  const readAhead = new PackReadAhead({ open: async (file) => (await packs()).open(file), stamp: async (file) => (await packs()).stamp(file) });

  return {
    ...safety,
    readAheadPack: (file) => readAhead.start(file),
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
      // In the desktop app the renderer may only point the workspace or the shared templates
      // folder at a folder the user picked in the native dialog (chooseFolder): otherwise a
      // compromised page could aim them at any folder and read or write files there.
      if (platform.granted) {
        const current = await settings.get();
        for (const key of ['workspaceDir', 'sharedTemplatesDir'] as const) {
          const wanted = patch[key];
          if (wanted === undefined || wanted.trim() === '') continue; // unchanged, or cleared
          const resolved = path.resolve(wanted.trim()); // relative paths count too: the store resolves them
          if (current[key] && resolved === path.resolve(current[key])) continue;
          if (!platform.granted.allowsFolder(resolved)) {
            throw new HostError('PERMISSION', 'Choose the folder with “Choose folder…”, so Briefing Studio knows you picked it yourself.');
          }
        }
      }
      return settings.update(patch);
    },
    async chooseFolder({ purpose }) {
      if (!platform.pickFolder) {
        throw new HostError('UNAVAILABLE', 'Choosing a folder in a dialog needs the desktop app. In the browser version, type the folder’s full path instead.');
      }
      const current = await settings.get();
      const folder = await platform.pickFolder(
        purpose === 'workspace'
          ? { title: 'Choose the workspace folder for your packs', defaultPath: (await packs()).workspaceDir }
          : { title: 'Choose the shared templates folder', defaultPath: current.sharedTemplatesDir || (await packs()).workspaceDir },
      );
      if (folder) platform.granted?.grantFolder(folder);
      return { folder };
    },
    listPacks: async () => (await packs()).list(),
    createPack: async ({ title }) => (await packs()).create(title),
    openPack: async ({ file }) => (await readAhead.take(file)) ?? (await packs()).open(file),
    savePackAs: async ({ pack, title }) => (await packs()).saveAs(pack, title),
    renamePack: async ({ file, title }) => (await packs()).rename(file, title),
    duplicatePack: async ({ file }) => (await packs()).duplicate(file),
    deletePack: async ({ file }) => (await packs()).delete(file),
    searchPacks: async ({ query, limit }) => (await search()).search(query, limit),
    setPackStatus: async ({ file, status, baseRevision }) => setPackStatus(await packs(), await settings.get(), file, status, baseRevision),
    getSettingsState: async () => ({ settings: await settings.get(), notice: settings.notice ?? null, file: settings.file }),
    ...templates,
    ...imports,
    checkAccessibility: ({ pack }) => checkAccessibilityFor({ settings: () => settings.get(), platform }, pack),
    ...createPublishServices({ settings: () => settings.get(), platform, packs, openEngine: options.openPdfEngine }),
    exportToWord: async (args) => {
      const result = await exportToWordFor({ settings: () => settings.get(), platform }, args);
      // Each export keeps a version in the history (issue 6); never a reason for it to fail.
      if (result.kind !== 'cancelled' && args.file) await safety.snapshotPack({ file: args.file, pack: args.pack, reason: 'export' }).catch(() => null);
      return result;
    },
  };
}

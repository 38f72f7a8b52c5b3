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
import { checkFolderPatch } from './workspace/folderSettings.js';
import { browseFolders, createFolder } from './workspace/folderChooser.js';
import { pruneOrphanBackups, tidyAfterCrashes } from './workspace/startupTidy.js';
import { USER_TEMPLATES_FOLDER } from './templates/templateLibrary.js';
import { createImportServices } from './import/importService.js';
import { inlineRunner, workerRunner, type ImportRunner } from './import/importRunner.js';
import { createPublishServices } from './publication/publishServices.js';
import type { PdfEngine } from './pdf/engine/types.js';
import { DeletedPacks } from './workspace/deletedPacks.js';
import { createTeamServices, liveTeamSession } from './team/teamServices.js';

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
  /** The live team server session, for the browser host's WebSocket relay. Not a contract method. */
  teamRelaySession(): Promise<{ origin: string; token: string } | null>;
};

/**
 * The back end: one implementation of every method in the host contract, shared by the
 * Electron IPC handlers, the browser host and the tests.
 */
export function createServices(options: ServiceOptions): HostServices {
  const { platform } = options;
  const settings = new SettingsStore(platform.dataDir, options.defaults);
  let store: PackStore | undefined;
  let backupsPruned = false;
  let searchIndex: WorkspaceIndex | undefined;
  // Deleted packs go to the data folder in both hosts (Undo, "Deleted packs"), not the OS trash.
  const deleted = new DeletedPacks(platform.dataDir);

  async function packs(): Promise<PackStore> {
    const dir = options.workspaceOverride ?? (await settings.get()).workspaceDir;
    if (!store || store.workspaceDir !== dir) {
      store = new PackStore({ workspaceDir: dir, trash: (p) => deleted.keep(dir, p), granted: platform.granted });
      // At start (and on moving to another workspace): temp files of saves killed last time
      // go now, once no process holds them, not an hour later.
      void tidyAfterCrashes(store.workspaceDir, platform.dataDir, USER_TEMPLATES_FOLDER).catch(() => 0);
      backupsPruned = false;
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
    ...createTeamServices({ dataDir: platform.dataDir, settings, packs }),
    teamRelaySession: () => liveTeamSession(platform.dataDir),
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
    // The renderer may only point the workspace or the shared templates folder at a folder the
    // user chose (native dialog in the desktop app, the host's folder chooser and its roots in
    // the browser), that exists and can be used: otherwise a compromised page could aim them
    // at any folder and read or write files there (see workspace/folderSettings.ts).
    updateSettings: async (patch) => settings.update(await checkFolderPatch(patch, await settings.get(), platform)),
    async browseFolders({ path: folder }) {
      if (!platform.folderRoots) throw new HostError('UNAVAILABLE', 'The folder chooser is part of the browser version. The desktop app uses your system’s own folder dialog.');
      return browseFolders(platform.folderRoots, folder);
    },
    async createFolder({ parent, name }) {
      if (!platform.folderRoots) throw new HostError('UNAVAILABLE', 'The folder chooser is part of the browser version. The desktop app uses your system’s own folder dialog.');
      return createFolder(platform.folderRoots, parent, name);
    },
    async chooseFolder({ purpose }) {
      if (!platform.pickFolder) {
        throw new HostError('UNAVAILABLE', 'Choosing a folder in the system’s dialog needs the desktop app. In the browser version, use the folder chooser (“Choose folder…”) or type the folder’s full path.');
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
    listPacks: async () => {
      const store = await packs();
      // Once per workspace, when the library is first shown (settings are read by then): the
      // backups of packs that have gone, once older than the daily retention.
      if (!backupsPruned) {
        backupsPruned = true;
        void settings.get().then((s) => pruneOrphanBackups(store.workspaceDir, s.retainDailyVersionsForDays)).catch(() => 0);
      }
      return store.list();
    },
    createPack: async ({ title }) => (await packs()).create(title),
    openPack: async ({ file }) => (await readAhead.take(file)) ?? (await packs()).open(file),
    savePackAs: async ({ pack, title }) => (await packs()).saveAs(pack, title),
    renamePack: async ({ file, title }) => (await packs()).rename(file, title),
    duplicatePack: async ({ file }) => (await packs()).duplicate(file),
    deletePack: async ({ file }) => (await packs()).delete(file),
    listDeletedPacks: async () => deleted.list((await packs()).workspaceDir),
    async restoreDeletedPack({ id }) {
      const store = await packs();
      return deleted.restore(store.workspaceDir, id, (file, title, move) => store.restoreDeleted(file, title, move));
    },
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

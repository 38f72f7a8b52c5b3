import path from 'node:path';
import type { HostHandlers } from '../../shared/api/contract.js';
import { packFromTemplate } from '../../shared/templates/toPack.js';
import { templateFromPack } from '../../shared/templates/fromPack.js';
import { appRoot } from '../appPaths.js';
import type { ServiceOptions } from '../services.js';
import type { PackStore } from '../workspace/packStore.js';
import type { SettingsStore } from '../workspace/settingsStore.js';
import { TemplateLibrary, USER_TEMPLATES_FOLDER } from './templateLibrary.js';

type TemplateMethods =
  | 'listTemplates'
  | 'createPackFromTemplate'
  | 'saveTemplateFromPack'
  | 'importTemplate'
  | 'exportTemplate'
  | 'publishTemplate'
  | 'deleteTemplate';

export function builtInTemplatesDir(): string {
  return path.join(appRoot(), 'resources', 'templates');
}

/** The template methods of the host contract, delegating to one TemplateLibrary. */
export function createTemplateServices(deps: {
  options: ServiceOptions;
  settings: SettingsStore;
  packs: () => Promise<PackStore>;
}): Pick<HostHandlers, TemplateMethods> {
  const { options, settings, packs } = deps;
  const library = new TemplateLibrary({
    folders: async () => {
      const workspaceDir = (await packs()).workspaceDir;
      const shared = (await settings.get()).sharedTemplatesDir.trim();
      return {
        builtInDir: options.builtInTemplatesDir ?? builtInTemplatesDir(),
        userDir: path.join(workspaceDir, USER_TEMPLATES_FOLDER),
        sharedDir: shared || null,
        workspaceDir,
      };
    },
    trash: (file, workspaceDir) => options.platform.trash(file, workspaceDir),
    sharedTimeoutMs: options.sharedTemplatesTimeoutMs,
  });

  return {
    listTemplates: () => library.list(),
    createPackFromTemplate: async ({ source, file, title }) => {
      const template = await library.read(source, file);
      return (await packs()).saveAs(packFromTemplate(template, title), title);
    },
    saveTemplateFromPack: async ({ pack, name, description, version, includeContent, onConflict }) => {
      const author = (await settings.get()).authorName;
      return library.saveUserTemplate(templateFromPack(pack, { name, description, version, includeContent, author }), onConflict);
    },
    importTemplate: ({ fileName, text, onConflict }) => library.importText(fileName, text, onConflict),
    exportTemplate: ({ source, file }) => library.exportTemplate(source, file),
    publishTemplate: ({ file }) => library.publish(file),
    deleteTemplate: ({ file }) => library.delete(file),
  };
}

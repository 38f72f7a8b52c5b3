import type { HostHandlers } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';
import { parseTemplateText } from '../../shared/templates/parse.js';
import type { Template } from '../../shared/templates/schema.js';
import type { PackStore } from '../workspace/packStore.js';
import { ImportJobs } from './importJobs.js';
import type { ImportRunner } from './importRunner.js';
import { importedPack, nodesForInsert, sectionsFor } from './buildPack.js';

type ImportMethods = 'importUpload' | 'importStart' | 'importStatus' | 'importCommit' | 'importCancel';

/**
 * The import methods of the host contract. Reading runs in the runner (a worker thread in the
 * app); committing a new pack writes it like any other new pack (a fresh file name, atomic);
 * for an open pack the sections or content go back to the renderer, which adds them to the pack
 * in memory, where they can be undone like any edit, and saves.
 */
export function createImportServices(deps: {
  packs: () => Promise<PackStore>;
  runner: () => ImportRunner;
  /** A template's text (the template methods' exportTemplate), so imports read templates exactly as "New pack" does. */
  templateText: (source: 'built-in' | 'user' | 'shared', file: string) => Promise<string>;
}): Pick<HostHandlers, ImportMethods> {
  const jobs = new ImportJobs(deps.runner);

  async function template(source: 'built-in' | 'user' | 'shared', file: string): Promise<Template> {
    return parseTemplateText(await deps.templateText(source, file), { label: file });
  }

  return {
    importUpload: async (args) => jobs.upload(args),
    importStart: async ({ uploadId }) => jobs.start(uploadId),
    importStatus: async ({ jobId }) => jobs.status(jobId),
    importCancel: async ({ id }) => jobs.cancel(id),
    importCommit: async ({ jobId, target, title, destinations, restInto }) => {
      const { document } = jobs.document(jobId);
      if (target.kind === 'open-pack') {
        jobs.finish(jobId);
        if (target.mode === 'current-section') return { kind: 'nodes', nodes: nodesForInsert(document, destinations) };
        return { kind: 'sections', sections: sectionsFor(document, { template: null, destinations }) };
      }
      const chosen = target.kind === 'template' ? await template(target.source, target.file) : null;
      const pack = importedPack(document, { template: chosen, destinations, restInto: restInto ?? null }, title ?? document.analysis.title);
      if (pack.sections.length === 0 && !chosen) throw new HostError('INVALID_ARGUMENT', 'Every part of the document was left out, so there is nothing to import. Choose at least one part to keep.');
      const opened = await (await deps.packs()).saveAs(pack, pack.frontSheet.title);
      jobs.finish(jobId);
      return { kind: 'pack', opened };
    },
  };
}

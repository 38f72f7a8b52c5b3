import type { HostHandlers } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';
import { parseTemplateText } from '../../shared/templates/parse.js';
import type { Template } from '../../shared/templates/schema.js';
import type { PackStore } from '../workspace/packStore.js';
import { ImportJobs } from './importJobs.js';
import type { ImportRunner } from './importRunner.js';
import { importedPack, nodesForInsert, sectionsFor } from './buildPack.js';
import { MAX_IMPORT_BYTES } from '../../shared/import/types.js';
import { readDocx } from '../docx/readDocx.js';
import { bringBackFromWord, describeBackFromWord } from '../review/backFromWord.js';

type ImportMethods = 'importUpload' | 'importStart' | 'importStatus' | 'importCommit' | 'importCancel' | 'reviewBackFromWord';

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
    reviewBackFromWord: async ({ uploadId, pack }) => {
      const { fileName, bytes } = jobs.take(uploadId);
      // The same reader and limits as an import; a review copy is read at once (no job): it
      // is the pack's own export, so it is as large as the pack, not a stranger's document.
      const doc = readDocx(bytes, { fileName, limits: { maxFileBytes: MAX_IMPORT_BYTES } });
      const { pack: back, report } = bringBackFromWord(pack, doc);
      const added = report.threadsAdded + report.repliesAdded + report.suggestionsAdded;
      return { pack: back, lines: describeBackFromWord(report), added, notPlaced: report.notPlaced.length };
    },
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

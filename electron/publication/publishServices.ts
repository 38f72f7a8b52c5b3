import path from 'node:path';
import { HostError } from '../../shared/api/errors.js';
import type { HostHandlers } from '../../shared/api/contract.js';
import type { Settings } from '../../shared/api/settings.js';
import { exportOptionsSchema, type ExportResult } from '../../shared/export/types.js';
import { brandingSchema } from '../../shared/branding/schema.js';
import { accessStatus } from '../../shared/pack/parts.js';
import { makeAgendaPacks } from '../agenda/exportAgenda.js';
import { checkPack } from '../export/accessibility/checkPack.js';
import { planPublication } from '../export/publication/plan.js';
import { exportNameFor, PDF_FILE, DOCX_FILE, writeExportFile } from '../export/writeDocx.js';
import type { HostPlatform } from '../hostPlatform.js';
import { findPdfPrograms, NO_PDF_ENGINE_MESSAGE, openPdfEngine } from '../pdf/engine/choose.js';
import type { PdfEngine } from '../pdf/engine/types.js';
import { exportPackToPdf } from '../pdf/exportPdf.js';
import { packHtml } from '../pdf/packHtml.js';
import { assertNoExemptWords } from '../export/publication/leakGuard.js';
import type { PackStore } from '../workspace/packStore.js';
import type { Pack } from '../../shared/pack/schema.js';

/**
 * The host contract's publishing methods: PDF, print and the agenda pack. The desktop app uses
 * its own Chromium (platform.pdf); the browser host and tests use a browser or LibreOffice
 * found on the machine (electron/pdf/engine/choose.ts), started for the job and closed after.
 */
export interface PublishDeps {
  settings: () => Promise<Settings>;
  platform: Pick<HostPlatform, 'chooseSavePath' | 'pickFolder' | 'pdf' | 'granted'>;
  packs: () => Promise<PackStore>;
  /** Replaces the search of the machine (tests). */
  openEngine?: () => Promise<PdfEngine>;
}

type PublishHandlers = Pick<HostHandlers, 'pdfEngineStatus' | 'exportToPdf' | 'printPack' | 'makeAgendaPack'>;

async function withEngine<T>(deps: PublishDeps, use: (engine: PdfEngine) => Promise<T>): Promise<T> {
  if (deps.platform.pdf) {
    const pdf = deps.platform.pdf;
    return use({ kind: 'html', renderer: { name: pdf.name, render: (html) => pdf.render(html), close: async () => undefined } });
  }
  const engine = await (deps.openEngine ?? openPdfEngine)();
  try {
    return await use(engine);
  } finally {
    if (engine.kind === 'html') await engine.renderer.close();
  }
}

export function createPublishServices(deps: PublishDeps): PublishHandlers {
  return {
    async pdfEngineStatus() {
      if (deps.platform.pdf) return { engine: deps.platform.pdf.name, message: null };
      if (deps.openEngine) return { engine: 'test engine', message: null };
      const found = findPdfPrograms();
      if (found.browser) return { engine: path.basename(found.browser).replace(/\.exe$/i, ''), message: null };
      if (found.libreOffice) return { engine: 'LibreOffice', message: null };
      return { engine: null, message: NO_PDF_ENGINE_MESSAGE };
    },

    async exportToPdf({ pack, file, options }): Promise<ExportResult> {
      const settings = await deps.settings();
      const parsed = exportOptionsSchema.parse(options ?? {});
      const fileName = exportNameFor(file ?? pack.frontSheet.title, '.pdf', { version: parsed.version, hasExemptInformation: accessStatus(pack).kind !== 'public' });
      let target: string | null = null;
      if (deps.platform.chooseSavePath) {
        target = await deps.platform.chooseSavePath({ title: 'Export to PDF', defaultName: fileName, filterName: 'PDF document', extensions: ['pdf'] });
        if (!target) return { kind: 'cancelled' };
        if (!/\.pdf$/i.test(target)) target += '.pdf';
      }
      const report = checkPack(pack, settings.branding);
      const { buffer, notices } = await withEngine(deps, (engine) => exportPackToPdf({ pack, branding: settings.branding, options: parsed, authorName: settings.authorName, engine }));
      if (target) {
        await writeExportFile(target, buffer, PDF_FILE);
        return { kind: 'saved', path: target, bytes: buffer.length, notices, report };
      }
      return { kind: 'download', fileName, base64: buffer.toString('base64'), bytes: buffer.length, notices, report };
    },

    async printPack({ pack, options }) {
      const settings = await deps.settings();
      const branding = brandingSchema.parse(settings.branding ?? {});
      const parsed = exportOptionsSchema.parse(options ?? {});
      const plan = planPublication(pack, parsed.version, branding);
      const { html } = packHtml(plan, branding, parsed);
      if (plan.version === 'public' && plan.hasExemptInformation) assertNoExemptWords(pack, new Map([['print.html', html]]));
      const title = pack.frontSheet.title.trim() || 'Untitled briefing';
      if (deps.platform.pdf) return (await deps.platform.pdf.print(html, title)) ? { kind: 'printed' } : { kind: 'cancelled' };
      return { kind: 'html', html, title };
    },

    async makeAgendaPack({ files, meeting, date, versions, formats }) {
      const settings = await deps.settings();
      const store = await deps.packs();
      const packs: Pack[] = [];
      for (const file of files) packs.push((await store.open(file)).pack);
      let folder: string | null = null;
      if (deps.platform.pickFolder) {
        folder = await deps.platform.pickFolder({ title: 'Choose the folder for the agenda pack', defaultPath: store.workspaceDir });
        if (!folder) return { kind: 'cancelled' };
        deps.platform.granted?.grantFolder(folder);
      }
      const run = (engine?: PdfEngine) => makeAgendaPacks({ meeting, date, packs, versions, formats, branding: settings.branding, authorName: settings.authorName, engine });
      const { files: made } = formats.includes('pdf') ? await withEngine(deps, (engine) => run(engine)) : await run();
      if (folder) {
        for (const f of made) await writeExportFile(path.join(folder, f.fileName), f.buffer, f.format === 'pdf' ? PDF_FILE : DOCX_FILE);
        return { kind: 'saved', folder, files: made.map((f) => ({ fileName: f.fileName, bytes: f.buffer.length })) };
      }
      if (made.length === 0) throw new HostError('UNKNOWN', 'No agenda pack was made.');
      return { kind: 'download', files: made.map((f) => ({ fileName: f.fileName, bytes: f.buffer.length, base64: f.buffer.toString('base64') })) };
    },
  };
}

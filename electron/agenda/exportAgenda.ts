import { brandingSchema, type Branding } from '../../shared/branding/schema.js';
import type { ExportNotice } from '../../shared/export/types.js';
import type { Pack } from '../../shared/pack/schema.js';
import type { PublicationVersion } from '../../shared/publication/versions.js';
import { exportNameFor } from '../export/writeDocx.js';
import { xmlSafeDeep } from '../export/xmlSafe.js';
import type { PdfEngine } from '../pdf/engine/types.js';
import { agendaToDocx } from './agendaDocx.js';
import { agendaToPdf } from './agendaPdf.js';
import { planAgenda } from './agendaPlan.js';

export const AGENDA_FORMATS = ['pdf', 'docx'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

export interface AgendaFile {
  fileName: string;
  version: PublicationVersion;
  format: AgendaFormat;
  buffer: Buffer;
}

export interface AgendaRequest {
  meeting: string;
  date: string;
  packs: Pack[];
  versions: readonly PublicationVersion[];
  formats: readonly AgendaFormat[];
  branding?: Partial<Branding>;
  authorName?: string;
  /** Needed for PDF; opened by the caller (and closed by it). */
  engine?: PdfEngine;
  onProgress?: (done: number, total: number, what: string) => void;
}

/** "Cabinet 2026-12-03 agenda pack" */
export function agendaBaseName(meeting: string, date: string): string {
  return `${meeting.trim() || 'Meeting'}${date ? ` ${date}` : ''} agenda pack`;
}

/**
 * Every agenda pack asked for: one per version and format. When no report has exempt
 * information the public and full packs are the same, so only one set is made.
 */
export async function makeAgendaPacks(request: AgendaRequest): Promise<{ files: AgendaFile[]; notices: ExportNotice[] }> {
  // Text XML cannot hold (U+FFFF, unpaired surrogates…) would make Word refuse the file.
  const branding = xmlSafeDeep(brandingSchema.parse(request.branding ?? {}));
  request = { ...request, packs: request.packs.map((p) => xmlSafeDeep(p)) };
  const files: AgendaFile[] = [];
  const notices: ExportNotice[] = [];
  const probe = planAgenda({ meeting: request.meeting, date: request.date, packs: request.packs, version: 'full', branding });
  const versions = probe.hasExemptInformation ? [...new Set(request.versions)] : [request.versions.includes('public') ? 'public' : 'full'] as PublicationVersion[];
  const jobs = versions.flatMap((version) => request.formats.map((format) => ({ version, format })));
  let done = 0;
  for (const { version, format } of jobs) {
    request.onProgress?.(done, jobs.length, `${version === 'public' ? 'Public' : 'Full'} ${format === 'pdf' ? 'PDF' : 'Word'} agenda pack`);
    const plan = planAgenda({ meeting: request.meeting, date: request.date, packs: request.packs, version, branding });
    const fileName = exportNameFor(agendaBaseName(request.meeting, request.date), `.${format}`, { version, hasExemptInformation: plan.hasExemptInformation });
    let out: { buffer: Buffer; notices: ExportNotice[] };
    if (format === 'docx') out = await agendaToDocx(plan, branding, request.authorName);
    else {
      const engine = request.engine;
      if (!engine) throw new Error('No PDF engine was given.');
      if (engine.kind === 'html') out = await agendaToPdf(plan, branding, engine.renderer);
      else {
        const docx = await agendaToDocx(plan, branding, request.authorName);
        out = { buffer: await engine.converter.convert(docx.buffer), notices: docx.notices };
      }
    }
    if (files.length === 0) notices.push(...out.notices);
    files.push({ fileName, version, format, buffer: out.buffer });
    done++;
  }
  return { files, notices };
}

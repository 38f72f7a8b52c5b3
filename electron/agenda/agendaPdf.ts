import type { Branding } from '../../shared/branding/schema.js';
import type { ExportNotice } from '../../shared/export/types.js';
import { assertNoExemptWords, packStrings } from '../export/publication/leakGuard.js';
import type { HtmlPdfRenderer } from '../pdf/engine/types.js';
import { readPdfLayout } from '../pdf/pdfOutline.js';
import { agendaHtml } from './agendaHtml.js';
import { AGENDA_FURNITURE, type AgendaPlan } from './agendaPlan.js';

/** The page each item starts on, from a layout's top-level bookmarks (the agenda, then one per item). */
export function itemStartPages(outline: ReadonlyArray<{ depth: number; page: number; title: string }>, items: number): number[] | null {
  const top = outline.filter((o) => o.depth === 0);
  if (top.length !== items + 1) return null;
  return top.slice(1).map((o) => o.page);
}

export function agendaGuard(plan: AgendaPlan): ((parts: Map<string, string | Uint8Array>) => void) | null {
  if (plan.version !== 'public' || !plan.hasExemptInformation) return null;
  const allowed = [...AGENDA_FURNITURE, plan.title, ...plan.items.flatMap((i) => packStrings(i.plan.pack))];
  return (parts) => assertNoExemptWords(plan.items.map((i) => i.original), parts, allowed);
}

/**
 * The agenda pack as a PDF: laid out once to learn where each item starts (its bookmark), then
 * again with those page numbers on the agenda page. The numbers only fill a fixed-width column,
 * so the second layout has the same pages; it is checked, and laid out once more if not.
 */
export async function agendaToPdf(plan: AgendaPlan, branding: Branding, renderer: HtmlPdfRenderer): Promise<{ buffer: Buffer; notices: ExportNotice[]; startPages: number[] | null }> {
  const guard = agendaGuard(plan);
  let current = agendaHtml(plan, branding);
  guard?.(new Map([['agenda.html', current.html]]));
  let buffer = await renderer.render(current.html);
  let starts: number[] | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = itemStartPages((await readPdfLayout(buffer)).outline, plan.items.length);
    if (!found) return { buffer, notices: current.notices, startPages: null };
    if (starts && found.every((p, i) => p === starts![i])) break;
    starts = found;
    current = agendaHtml(plan, branding, starts);
    guard?.(new Map([['agenda.html', current.html]]));
    buffer = await renderer.render(current.html);
  }
  return { buffer, notices: current.notices, startPages: starts };
}

import type { Branding } from '../../shared/branding/schema.js';
import type { ExportNotice, ExportOptions } from '../../shared/export/types.js';
import { wantsTableOfContents } from '../export/buildDocument.js';
import type { PublicationPlan } from '../export/publication/plan.js';
import { htmlDocument } from './html/document.js';
import { reportHtml, type WrittenHeading } from './html/reportHtml.js';

export interface PackHtml {
  html: string;
  headings: WrittenHeading[];
  notices: ExportNotice[];
  contents: boolean;
}

/**
 * The HTML of one report for the PDF and for printing (the same pages either way). With the
 * page each heading starts on (from a first layout) the contents page shows page numbers.
 */
export function packHtml(plan: PublicationPlan, branding: Branding, options: ExportOptions, pageOf?: ReadonlyMap<string, number>): PackHtml {
  const notices: ExportNotice[] = [];
  const contents = wantsTableOfContents(plan.pack, options);
  const report = reportHtml({ plan, branding, prefix: 'r-', contents, pageOf, notices });
  const title = plan.pack.frontSheet.title.trim() || 'Untitled briefing';
  return { html: htmlDocument({ title, body: report.html, pages: report.pages, branding }), headings: report.headings, notices, contents };
}

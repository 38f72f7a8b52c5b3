import type { Branding } from '../../shared/branding/schema.js';
import type { ExportNotice } from '../../shared/export/types.js';
import { escapeHtml } from '../pdf/html/escape.js';
import { htmlDocument } from '../pdf/html/document.js';
import type { PageStyle } from '../pdf/html/pageStyles.js';
import { reportHtml } from '../pdf/html/reportHtml.js';
import { itemNote, meetingDay, type AgendaPlan } from './agendaPlan.js';

export interface AgendaHtml {
  html: string;
  notices: ExportNotice[];
  /** Element id of each item's title, in item order. */
  itemIds: string[];
}

/** What the agenda page says about the version, so nobody mistakes one for the other. */
export function versionLine(plan: AgendaPlan): string | null {
  if (!plan.hasExemptInformation) return null;
  return plan.version === 'public'
    ? 'Public version: exempt items and exempt parts of reports are not included.'
    : 'Full version: includes exempt information. Pages marked NOT FOR PUBLICATION must not be published.';
}

/**
 * The agenda pack as one HTML document: the agenda page (each item with its number, title,
 * a note and the page it starts on, linked to it), then every report in turn. Page numbers run
 * on through the whole pack; each report's pages carry its own marking, title and version.
 */
export function agendaHtml(plan: AgendaPlan, branding: Branding, startPages?: readonly number[]): AgendaHtml {
  const notices: ExportNotice[] = [];
  const pages: PageStyle[] = [];
  const marking = [plan.marking, plan.draft].filter(Boolean).join(' \u2013 ');
  pages.push({ name: 'agenda', top: [marking], footer: `  |  ${plan.title}`, bottom: [marking] });
  let reports = '';
  const itemIds: string[] = [];
  for (const item of plan.items) {
    const report = reportHtml({ plan: item.plan, branding, prefix: `i${item.number}-`, item: item.label, contents: false, notices });
    reports += report.html.replace('<article class="report', '<article class="report starts-page');
    pages.push(...report.pages);
    itemIds.push(report.titleId);
  }
  const entries = plan.items
    .map((item, i) => {
      const title = item.plan.pack.frontSheet.title.trim() || 'Untitled briefing';
      const page = startPages?.[i];
      return `<li><a class="agenda-entry" href="#${itemIds[i]}"><span class="item-no">${escapeHtml(item.label)}</span><span class="agenda-title-text">${escapeHtml(title)}</span><span class="dots" aria-hidden="true"></span><span class="page">${page ? `Page ${page}` : ''}</span></a><p class="agenda-note">${escapeHtml(itemNote(item, plan.version))}</p></li>`;
    })
    .join('\n');
  const council = branding.councilName.trim() ? `<p class="council-name">${escapeHtml(branding.councilName.trim())}</p>\n` : '';
  const day = meetingDay(plan.date);
  const version = versionLine(plan);
  const agenda = `<section class="agenda page-agenda" aria-labelledby="agenda-title">
${council}<h1 id="agenda-title">${escapeHtml(`${plan.meeting}: agenda`)}</h1>
${day ? `<p class="agenda-meta">${escapeHtml(day)}</p>\n` : ''}${version ? `<p class="agenda-meta"><strong>${escapeHtml(version)}</strong></p>\n` : ''}<ol class="agenda-items">
${entries}
</ol>
</section>
`;
  return { html: htmlDocument({ title: plan.title, body: agenda + reports, pages, branding }), notices, itemIds };
}

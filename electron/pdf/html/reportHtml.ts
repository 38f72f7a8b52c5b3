import type { Branding } from '../../../shared/branding/schema.js';
import type { ExportNotice } from '../../../shared/export/types.js';
import { CONSULTATION_LABEL, frontSheetFields } from '../../export/frontSheet.js';
import { sectionLabel } from '../../export/renderContext.js';
import { exemptLine, markingLine, type PublicationPlan } from '../../export/publication/plan.js';
import { decodeImageDataUrl, fitWithin } from '../../export/images.js';
import { HtmlBlockWriter } from './blocksHtml.js';
import { escapeHtml } from './escape.js';
import type { PageStyle } from './pageStyles.js';

/** A heading as written, for the contents page and the agenda page. */
export interface WrittenHeading {
  id: string;
  /** Word's level: 1 for section titles. */
  level: number;
  text: string;
}

export interface ReportHtmlInput {
  plan: PublicationPlan;
  branding: Branding;
  /** Unique within the document: element ids and page names start with it. */
  prefix: string;
  /** In an agenda pack: "Item 3". */
  item?: string;
  /** A contents page after the front sheet, listing these levels (section titles and the next). */
  contents: boolean;
  /** Page each heading (by id) starts on, from an earlier layout, for the contents page. */
  pageOf?: ReadonlyMap<string, number>;
  notices: ExportNotice[];
}

export interface ReportHtml {
  html: string;
  pages: PageStyle[];
  headings: WrittenHeading[];
  /** Id of the report's title (h1): an agenda page links to it. */
  titleId: string;
}

const CONTENTS_LEVELS = 2;

/** Notices filed as `Section N “Title”, paragraph M`, as the Word writer files them. */
class HtmlContext {
  block = 0;
  constructor(
    private readonly notices: ExportNotice[],
    private readonly label: string,
  ) {}

  notice(message: string): void {
    const where = this.block > 0 ? `${this.label}, paragraph ${this.block}` : this.label;
    if (!this.notices.some((n) => n.where === where && n.message === message)) this.notices.push({ where, message });
  }
}

function pageStyle(name: string, plan: PublicationPlan, exempt: string | null, item: string | undefined): PageStyle {
  const sheet = plan.pack.frontSheet;
  const marking = markingLine(plan).toUpperCase();
  const title = sheet.title.trim() || 'Untitled briefing';
  const version = sheet.version.trim();
  const lines = [marking, exempt?.toUpperCase()].filter((l): l is string => !!l);
  return {
    name,
    top: lines,
    footer: `  |  ${item ? `${item}: ` : ''}${title}${version ? `  |  Version ${version}` : ''}`,
    bottom: [...lines].reverse(),
  };
}

function frontSheetHtml(input: ReportHtmlInput, titleId: string): string {
  const { plan, branding } = input;
  const sheet = plan.pack.frontSheet;
  let html = '';
  const logo = branding.logo ? decodeImageDataUrl(branding.logo.dataUrl) : null;
  if (logo && branding.logo) {
    const size = fitWithin(logo.width, logo.height, 240, 120);
    html += `<p class="logo"><img src="${escapeHtml(branding.logo.dataUrl)}" alt="${escapeHtml(branding.logo.altText)}" width="${size.width}" height="${size.height}"></p>\n`;
  }
  if (branding.councilName.trim()) html += `<p class="council-name">${escapeHtml(branding.councilName.trim())}</p>\n`;
  const heading = sheet.title.trim() || 'Untitled briefing';
  // In an agenda pack the title (and so its bookmark) reads "Item 3: Title".
  html += `<h1 id="${titleId}">${escapeHtml(input.item ? `${input.item}: ${heading}` : heading)}</h1>\n`;
  for (const line of [plan.draft, exemptLine(plan, null)]) if (line) html += `<p class="cover-marking">${escapeHtml(line)}</p>\n`;
  for (const [label, value] of frontSheetFields(sheet, plan.accessLine)) {
    html += `<p class="front-field"><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</p>\n`;
  }
  const consultation = plan.consultation;
  if (consultation) html += `<p class="front-field"><strong>${CONSULTATION_LABEL}:</strong> ${escapeHtml(consultation)}</p>\n`;
  return `<section class="front-sheet" aria-label="Front sheet">\n${html}</section>\n`;
}

function contentsHtml(headings: WrittenHeading[], pageOf: ReadonlyMap<string, number> | undefined): string {
  const items = headings
    .filter((h) => h.level <= CONTENTS_LEVELS)
    .map((h) => {
      const page = pageOf?.get(h.id);
      return `<li class="level-${h.level}"><a class="toc-entry" href="#${h.id}"><span class="toc-title">${escapeHtml(h.text)}</span><span class="dots" aria-hidden="true"></span><span class="page">${page ?? ''}</span></a></li>`;
    })
    .join('\n');
  return `<nav class="contents starts-page" aria-labelledby="contents-title"><p class="contents-title" id="contents-title">Contents</p>\n<ol>\n${items}\n</ol></nav>\n`;
}

/**
 * One report (front sheet, contents, its parts) as HTML, in the version its plan says, with the
 * page styles its pages need: the report's own, and one per NOT FOR PUBLICATION paragraph in
 * the full version. Reads only the plan's pack, so the public version holds no exempt words.
 */
export function reportHtml(input: ReportHtmlInput): ReportHtml {
  const { plan, prefix } = input;
  const titleId = `${prefix}title`;
  // One page style per distinct NOT FOR PUBLICATION line ('' for the report's own pages).
  const pages = new Map<string, PageStyle>();
  const pageFor = (exempt: string | null) => {
    const key = exempt ?? '';
    let style = pages.get(key);
    if (!style) {
      style = pageStyle(`${prefix}p${pages.size}`, plan, exempt, input.item);
      pages.set(key, style);
    }
    return style.name;
  };
  const base = pageFor(exemptLine(plan, null));

  const headings: WrittenHeading[] = [];
  let counter = 0;
  const onHeading = (level: number, text: string) => {
    const id = `${prefix}h${++counter}`;
    headings.push({ id, level, text });
    return id;
  };

  let body = '';
  plan.parts.forEach((part, index) => {
    const ctx = new HtmlContext(input.notices, sectionLabel(index, part.section.title));
    const page = pageFor(exemptLine(plan, part.notForPublication));
    const id = onHeading(1, part.heading);
    const startsPage = index === 0 || part.info.kind === 'appendix' || page !== base;
    const classes = ['part', part.withheld ? 'withheld' : '', part.notForPublication ? 'exempt' : '', startsPage ? 'starts-page' : '', page !== base ? `page-${page}` : ''].filter(Boolean).join(' ');
    const content = new HtmlBlockWriter(ctx, onHeading).section(part.section.content.root.children);
    body += `<section class="${classes}" aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(part.heading)}</h2>\n${part.withheld ? `<div class="notice">${content}</div>` : content}</section>\n`;
  });

  const html = `<article class="report page-${base}" lang="en-GB">\n${frontSheetHtml(input, titleId)}${input.contents ? contentsHtml(headings, input.pageOf) : ''}${body}</article>\n`;
  return { html, pages: [...pages.values()], headings, titleId };
}

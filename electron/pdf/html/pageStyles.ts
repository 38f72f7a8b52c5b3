import type { Branding } from '../../../shared/branding/schema.js';
import { cssString } from './escape.js';

/**
 * The print style sheet: A4 pages with the council's margins and, in CSS page margin boxes
 * (Chromium 131 and later, and so Electron 45), the marking at the top and bottom of every
 * page and "Page X of Y" with the title and version in the footer. Pages that carry different
 * markings (an exempt part's NOT FOR PUBLICATION, another report in an agenda pack) are CSS
 * named pages, each with its own margin boxes; a change of named page starts a new page, as a
 * new Word section does in the .docx.
 */
export interface PageStyle {
  /** A CSS identifier, used as `page: name` on the elements printed on these pages. */
  name: string;
  /** Lines at the top of the page: the marking (and NOT FOR PUBLICATION on exempt parts). */
  top: string[];
  /** The footer line before the page count's text: " | Title | Version 1.2". */
  footer: string;
  /** Lines at the very bottom: NOT FOR PUBLICATION, then the marking. */
  bottom: string[];
}

function content(lines: string[]): string {
  return lines.map(cssString).join(' "\\A " ');
}

export function pageRules(pages: readonly PageStyle[]): string {
  return pages
    .map((p) => {
      const footer = `"Page " counter(page) " of " counter(pages) ${cssString(p.footer)}${p.bottom.length ? ` "\\A " ${content(p.bottom)}` : ''}`;
      return `@page ${p.name} {
  @top-center { content: ${p.top.length ? content(p.top) : '""'}; }
  @bottom-center { content: ${footer}; }
}
.page-${p.name} { page: ${p.name}; }`;
    })
    .join('\n');
}

function fontStack(family: string): string {
  const clean = family.replace(/["\\;{}]/g, '').trim() || 'Arial';
  // Arial where the council's laptops have it; Liberation Sans has Arial's metrics elsewhere.
  return `"${clean}", Arial, "Liberation Sans", Helvetica, sans-serif`;
}

export function baseCss(branding: Branding): string {
  const body = branding.fontSizePt;
  const size = (pt: number) => `${Math.max(pt, body)}pt`;
  const accent = /^#[0-9a-fA-F]{6}$/.test(branding.accentColour) ? branding.accentColour : '#1F4E79';
  return `
@page {
  size: A4;
  margin: 25.4mm 25.4mm 25.4mm 25.4mm;
  @top-center { font: bold ${size(12)}/1.3 ${fontStack(branding.fontFamily)}; white-space: pre-wrap; text-transform: uppercase; vertical-align: middle; color: #000; }
  @bottom-center { font: 10.5pt/1.4 ${fontStack(branding.fontFamily)}; white-space: pre-wrap; vertical-align: middle; color: #000; }
}
html { font: ${body}pt/1.15 ${fontStack(branding.fontFamily)}; color: #000; background: #fff; }
body { margin: 0; }
/* The page is only ever printed: loading it need not lay out 150 pages for the screen first
   (a third of a second or more on the reference pack). Print ignores this. */
@media screen { body > *, .part > * { content-visibility: auto; contain-intrinsic-size: auto 300px; } }
p, li, td, th, blockquote { orphans: 2; widows: 2; }
/* Spaces kept where lines wrap, so the PDF's tags and bookmarks read "our local", not "ourlocal"
   (Chromium drops a collapsible space at a line break from the text it tags). The writer puts
   no new lines inside these elements. */
p, li, td, th, blockquote, h1, h2, h3, h4, h5, h6 { white-space: pre-wrap; }
p { margin: 0 0 8pt; }
h1, h2, h3, h4, h5, h6 { color: ${accent}; line-height: 1.15; break-after: avoid; break-inside: avoid; margin: 0 0 6pt; }
h1 { font-size: ${size(26)}; margin: 12pt 0 12pt; }
h2 { font-size: ${size(18)}; margin-top: 18pt; }
h3 { font-size: ${size(15)}; margin-top: 14pt; }
h4 { font-size: ${size(13)}; margin-top: 12pt; }
h5, h6 { font-size: ${size(12)}; font-style: italic; margin-top: 10pt; }
.part > h2:first-child { margin-top: 0; }
.starts-page { break-before: page; }
.council-name { font-size: ${size(16)}; font-weight: bold; color: ${accent}; margin: 0 0 12pt; }
.item-number { font-size: ${size(16)}; font-weight: bold; color: ${accent}; margin: 0 0 6pt; }
.cover-marking { font-size: ${size(14)}; font-weight: bold; text-transform: uppercase; margin: 0 0 12pt; }
.front-field { margin: 0 0 6pt; }
.logo { margin: 0 0 12pt; }
a { color: #0B4F9C; text-decoration: underline; }
blockquote { margin: 0 36pt 8pt; padding-left: 8pt; border-left: 1.5pt solid ${accent}; font-style: italic; }
ul, ol { margin: 0 0 8pt; padding-left: 36pt; }
li { margin: 0 0 4pt; }
ul.checklist { list-style: none; }
table { width: 100%; border-collapse: collapse; margin: 0 0 10pt; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; font-size: ${body}pt; line-height: 1.1; overflow-wrap: anywhere; }
th { background: #E8EEF4; font-weight: bold; }
img { max-width: 100%; height: auto; }
code { font-family: Consolas, "Liberation Mono", monospace; }
.align-center { text-align: center; }
.align-right { text-align: right; }
.notice { border: 1.5pt solid #000; padding: 8pt 10pt; }
.contents-title, .agenda-title { font-size: ${size(18)}; font-weight: bold; color: ${accent}; }
.contents ol, .agenda-items { list-style: none; padding: 0; margin: 0 0 12pt; }
.contents li { margin: 0 0 4pt; }
.contents li.level-2 { padding-left: 18pt; }
.toc-entry, .agenda-entry { display: flex; align-items: baseline; gap: 6pt; color: #000; text-decoration: none; }
.toc-entry .toc-title, .agenda-entry .agenda-title-text { flex: 0 1 auto; }
.toc-entry .dots, .agenda-entry .dots { flex: 1 1 auto; border-bottom: 1pt dotted #000; min-width: 12pt; }
.toc-entry .page, .agenda-entry .page { flex: 0 0 auto; min-width: 24pt; text-align: right; font-variant-numeric: tabular-nums; }
.agenda-entry { margin: 0 0 10pt; }
.agenda-entry .item-no { flex: 0 0 auto; min-width: 48pt; font-weight: bold; }
.agenda-meta { margin: 0 0 16pt; }
.agenda-note { font-size: ${body}pt; margin: 2pt 0 0 54pt; }
`;
}

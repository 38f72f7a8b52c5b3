import type { SerializedNodeJson } from '../../../shared/richtext/serialized.js';
import { plainTextOf } from '../../../shared/richtext/plainText.js';
import { exportedHeadingLevel, headingLevelOfTag } from '../../export/blocks.js';
import { FORMAT, fontSizeFromStyle, TEXT_HEIGHT_PX, TEXT_WIDTH_PX } from '../../export/inline.js';
import { decodeImageDataUrl, fitWithin } from '../../export/images.js';
/** Where the HTML writer files what it could not write faithfully. */
export interface HtmlRenderContext {
  block: number;
  notice(message: string): void;
}
import { escapeHtml } from './escape.js';

/**
 * Lexical content to semantic HTML for the PDF and print, mirroring the Word writer
 * (electron/export/blocks.ts): the same heading levels (lifted so none is skipped), lists,
 * tables with header cells, pictures with alt text and links. Chromium tags the PDF from this
 * markup, so every element is the one that means what it shows.
 *
 * Headings sit one level lower than in Word, because the report's title is the PDF's h1 (one
 * bookmark per report, sections under it) where Word has the Title style.
 */
const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const HEADING_SHIFT = 1;

function headingTag(level: number): string {
  return `h${Math.min(6, level + HEADING_SHIFT)}`;
}

function alignClass(node: SerializedNodeJson): string {
  if (node.format === 'center') return ' class="align-center"';
  if (node.format === 'right' || node.format === 'end') return ' class="align-right"';
  return '';
}

function indentStyle(node: SerializedNodeJson): string {
  const steps = typeof node.indent === 'number' ? Math.min(Math.max(0, Math.floor(node.indent)), 10) : 0;
  return steps > 0 ? ` style="margin-left:${steps * 0.5}in"` : '';
}

function textHtml(node: SerializedNodeJson, inLink: boolean): string {
  const format = typeof node.format === 'number' ? node.format : 0;
  let html = escapeHtml(node.text ?? '');
  if (format & FORMAT.code) html = `<code>${html}</code>`;
  if (format & FORMAT.subscript) html = `<sub>${html}</sub>`;
  if (format & FORMAT.superscript) html = `<sup>${html}</sup>`;
  if (format & FORMAT.highlight) html = `<mark>${html}</mark>`;
  if (format & FORMAT.strikethrough) html = `<s>${html}</s>`;
  if (format & FORMAT.underline && !inLink) html = `<u>${html}</u>`;
  if (format & FORMAT.italic) html = `<em>${html}</em>`;
  if (format & FORMAT.bold) html = `<strong>${html}</strong>`;
  const size = fontSizeFromStyle(node.style);
  return size !== undefined ? `<span style="font-size:${Math.round(size * 2) / 2}pt">${html}</span>` : html;
}

export function imageHtml(node: SerializedNodeJson, ctx: HtmlRenderContext): string {
  const image = decodeImageDataUrl(node.src);
  if (!image) {
    ctx.notice('a picture could not be read (only embedded PNG and JPEG pictures can be exported), so it was left out');
    return '';
  }
  const alt = typeof node.altText === 'string' ? node.altText.trim() : '';
  const wanted = {
    width: typeof node.width === 'number' && node.width > 0 ? node.width : image.width,
    height: typeof node.height === 'number' && node.height > 0 ? node.height : image.height,
  };
  const size = fitWithin(wanted.width, wanted.height, TEXT_WIDTH_PX, TEXT_HEIGHT_PX);
  const mime = image.type === 'png' ? 'image/png' : 'image/jpeg';
  return `<img src="data:${mime};base64,${image.data.toString('base64')}" alt="${escapeHtml(alt)}" width="${size.width}" height="${size.height}">`;
}

export function inlineHtml(nodes: SerializedNodeJson[] | undefined, ctx: HtmlRenderContext, inLink = false): string {
  let html = '';
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        if (node.text) html += textHtml(node, inLink);
        break;
      case 'tab':
        html += '<span class="tab">\t</span>';
        break;
      case 'linebreak':
        html += '<br>';
        break;
      case 'link':
      case 'autolink': {
        const url = typeof node.url === 'string' ? node.url.trim() : '';
        const inner = inlineHtml(node.children, ctx, SAFE_LINK.test(url) || inLink);
        if (SAFE_LINK.test(url) && inner && !inLink) html += `<a href="${escapeHtml(url)}">${inner}</a>`;
        else {
          if (url && !SAFE_LINK.test(url)) ctx.notice(`a link to “${url.slice(0, 80)}” is not a web, email or phone link, so it was exported as plain text`);
          html += inner;
        }
        break;
      }
      case 'mark':
      case 'suggestion':
        // Review markup is written as its text (the comment or change itself is not printed).
        html += inlineHtml(node.children, ctx, inLink);
        break;
      case 'image':
        html += imageHtml(node, ctx);
        break;
      default: {
        ctx.notice(`content of an unknown kind (“${node.type}”) was exported as plain text`);
        const text = typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? inlineHtml(node.children, ctx, inLink) : '';
        html += typeof node.text === 'string' ? escapeHtml(text) : text;
      }
    }
  }
  return html;
}

export interface HeadingSink {
  /** A heading was written at this (Word) level with this text; returns its element id, if any. */
  (level: number, text: string): string | undefined;
}

export class HtmlBlockWriter {
  private headingLevel = 1;

  constructor(
    private readonly ctx: HtmlRenderContext,
    private readonly onHeading?: HeadingSink,
  ) {}

  section(children: SerializedNodeJson[]): string {
    let html = '';
    for (const node of children) {
      this.ctx.block++;
      html += this.block(node);
    }
    return html;
  }

  private block(node: SerializedNodeJson): string {
    switch (node.type) {
      case 'paragraph': {
        const inner = inlineHtml(node.children, this.ctx);
        // An empty paragraph keeps its line, as in Word.
        return `<p${alignClass(node)}${indentStyle(node)}>${inner || '<br>'}</p>\n`;
      }
      case 'heading': {
        const text = plainTextOf({ root: { type: 'root', children: node.children ?? [] } }).trim();
        if (!text) return '';
        const level = exportedHeadingLevel(headingLevelOfTag(node.tag), this.headingLevel);
        this.headingLevel = level;
        const id = this.onHeading?.(level, text);
        const tag = headingTag(level);
        return `<${tag}${id ? ` id="${escapeHtml(id)}"` : ''}>${inlineHtml(node.children, this.ctx)}</${tag}>\n`;
      }
      case 'quote':
        return `<blockquote>${inlineHtml(node.children, this.ctx)}</blockquote>\n`;
      case 'list':
        return this.list(node);
      case 'table':
        return this.table(node);
      case 'image': {
        const img = imageHtml(node, this.ctx);
        return img ? `<p class="figure">${img}</p>\n` : '';
      }
      case 'text':
      case 'link':
      case 'autolink':
      case 'mark':
      case 'suggestion':
      case 'linebreak':
      case 'tab':
        return `<p>${inlineHtml([node], this.ctx)}</p>\n`;
      default: {
        this.ctx.notice(`content of an unknown kind (“${node.type}”) was exported as plain text`);
        const text = typeof node.text === 'string' ? node.text : plainTextOf({ root: { type: 'root', children: node.children ?? [] } });
        return text
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => `<p>${escapeHtml(line)}</p>\n`)
          .join('');
      }
    }
  }

  private list(node: SerializedNodeJson): string {
    const numbered = node.listType === 'number';
    const checklist = node.listType === 'check';
    const tag = numbered ? 'ol' : 'ul';
    const start = numbered && typeof node.start === 'number' && node.start !== 1 ? ` start="${Math.floor(node.start)}"` : '';
    let items = '';
    for (const item of node.children ?? []) {
      if (item.type !== 'listitem') {
        items += `<li>${this.block(item)}</li>`;
        continue;
      }
      const inline: SerializedNodeJson[] = [];
      const nested: SerializedNodeJson[] = [];
      for (const child of item.children ?? []) (child.type === 'list' ? nested : inline).push(child);
      const box = checklist ? (item.checked === true ? '\u2611 ' : '\u2610 ') : '';
      // A list item that only holds a nested list continues the previous item, as in Word.
      if (inline.length === 0 && nested.length > 0 && items.endsWith('</li>')) {
        items = `${items.slice(0, -5)}${nested.map((l) => this.list(l)).join('')}</li>`;
        continue;
      }
      items += `<li>${box}${inlineHtml(inline, this.ctx)}${nested.map((l) => this.list(l)).join('')}</li>`;
    }
    return `<${tag}${start}${checklist ? ' class="checklist"' : ''}>${items}</${tag}>\n`;
  }

  /** Header row as <thead> with <th scope="col"> (repeated on each page); merged cells split as in Word. */
  private table(node: SerializedNodeJson): string {
    const rows = (node.children ?? []).filter((r) => r.type === 'tablerow');
    const headerRow = rows.length > 0 && (rows[0]!.children ?? []).some((c) => typeof c.headerState === 'number' && (c.headerState & 1) !== 0);
    if (rows.some((row) => (row.children ?? []).some((c) => Number(c.colSpan) > 1 || Number(c.rowSpan) > 1))) {
      this.ctx.notice('a table had merged cells; they were split so the table reads correctly');
    }
    const columns = Math.max(1, ...rows.map((r) => (r.children ?? []).length));
    const widths = Array.isArray(node.colWidths) && node.colWidths.length === columns && node.colWidths.every((w) => typeof w === 'number' && w > 0) ? (node.colWidths as number[]) : null;
    const sum = widths ? widths.reduce((a, b) => a + b, 0) : 0;
    const colgroup = widths ? `<colgroup>${widths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(2)}%">`).join('')}</colgroup>` : '';
    const rowHtml = (row: SerializedNodeJson, header: boolean) => {
      const cells = [...(row.children ?? [])];
      while (cells.length < columns) cells.push({ type: 'tablecell', version: 1, children: [] });
      return `<tr>${cells
        .map((cell, c) => {
          const isHeader = header || (typeof cell.headerState === 'number' && cell.headerState !== 0);
          const tag = isHeader ? 'th' : 'td';
          const scope = header ? ' scope="col"' : isHeader ? (c === 0 ? ' scope="row"' : '') : '';
          return `<${tag}${scope}>${this.cell(cell)}</${tag}>`;
        })
        .join('')}</tr>`;
    };
    const head = headerRow ? `<thead>${rowHtml(rows[0]!, true)}</thead>` : '';
    const body = (headerRow ? rows.slice(1) : rows).map((r) => rowHtml(r, false)).join('');
    return `<table>${colgroup}${head}<tbody>${body}</tbody></table>\n`;
  }

  private cell(cell: SerializedNodeJson): string {
    const parts: string[] = [];
    for (const child of cell.children ?? []) {
      if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'quote') parts.push(inlineHtml(child.children, this.ctx));
      else if (child.type === 'table') this.ctx.notice('a table inside a table cell was left out; Word tables cannot be read aloud when nested');
      else parts.push(this.block(child));
    }
    return parts.join('<br>');
  }
}

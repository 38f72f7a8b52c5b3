import { ExternalHyperlink, ImageRun, Tab, TextRun, type ParagraphChild } from 'docx';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import { decodeImageDataUrl, fitWithin } from './images.js';
import type { RenderContext } from './renderContext.js';

/** Lexical's text format bit flags (TextNode.__format). */
export const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;

/** Text area of an A4 page with 2.54 cm margins, in CSS pixels (96 to the inch). */
export const TEXT_WIDTH_PX = 601;
export const TEXT_HEIGHT_PX = 860;

/** Link schemes that open something sensible from Word; anything else stays plain text. */
const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** Largest font size Word accepts, in points. */
export const MAX_FONT_PT = 1638;

/** A font size from a Lexical inline style (`font-size: 15px` or `11pt`), in points. */
export function fontSizeFromStyle(style: unknown): number | undefined {
  if (typeof style !== 'string' || !style) return undefined;
  const match = /font-size\s*:\s*([\d.]+)\s*(px|pt)/i.exec(style);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const points = match[2]!.toLowerCase() === 'px' ? value * 0.75 : value;
  // Word's range is 1–1,638 pt; outside it a size is not a valid w:sz (e.g. "1e+30").
  return Math.min(Math.max(points, 1), MAX_FONT_PT);
}

interface InlineState {
  inLink: boolean;
  /** Extra run formatting applied by the containing block (e.g. bold table headers). */
  bold?: boolean;
}

export function textRun(node: SerializedNodeJson, state: InlineState, ctx: RenderContext): TextRun {
  const format = typeof node.format === 'number' ? node.format : 0;
  const size = fontSizeFromStyle(node.style);
  return new TextRun({
    text: node.text ?? '',
    bold: (format & FORMAT.bold) !== 0 || state.bold || undefined,
    italics: (format & FORMAT.italic) !== 0 || undefined,
    strike: (format & FORMAT.strikethrough) !== 0 || undefined,
    // Inside links Word's Hyperlink style underlines already.
    underline: (format & FORMAT.underline) !== 0 && !state.inLink ? {} : undefined,
    font: (format & FORMAT.code) !== 0 ? 'Consolas' : undefined,
    subScript: (format & FORMAT.subscript) !== 0 || undefined,
    superScript: (format & FORMAT.superscript) !== 0 || undefined,
    highlight: (format & FORMAT.highlight) !== 0 ? 'yellow' : undefined,
    size: size !== undefined ? Math.round(size * 2) : undefined,
    style: state.inLink ? 'Hyperlink' : undefined,
  });
}

/** Map the inline children of a block to runs, hyperlinks and pictures. */
export function inlineChildren(nodes: SerializedNodeJson[] | undefined, ctx: RenderContext, state: InlineState = { inLink: false }): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        if (node.text) out.push(textRun(node, state, ctx));
        break;
      case 'tab':
        out.push(new TextRun({ children: [new Tab()] }));
        break;
      case 'linebreak':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'link':
      case 'autolink': {
        const url = typeof node.url === 'string' ? node.url.trim() : '';
        const runs = inlineChildren(node.children, ctx, { ...state, inLink: SAFE_LINK.test(url) });
        if (SAFE_LINK.test(url) && runs.length > 0) out.push(new ExternalHyperlink({ link: url, children: runs }));
        else {
          if (url) ctx.notice(`a link to “${url.slice(0, 80)}” is not a web, email or phone link, so it was exported as plain text`);
          out.push(...runs);
        }
        break;
      }
      case 'image': {
        const run = imageRun(node, ctx);
        if (run) out.push(run);
        break;
      }
      default: {
        // Unknown inline node: keep its text, say so.
        ctx.notice(`content of an unknown kind (“${node.type}”) was exported as plain text`);
        const text = typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? plainTextOf({ root: { type: 'root', children: node.children } }) : '';
        if (text) out.push(new TextRun({ text, bold: state.bold || undefined }));
      }
    }
  }
  return out;
}

export function imageRun(node: SerializedNodeJson, ctx: RenderContext): ImageRun | null {
  const image = decodeImageDataUrl(node.src);
  const alt = typeof node.altText === 'string' ? node.altText.trim() : '';
  if (!image) {
    ctx.notice('a picture could not be read (only embedded PNG and JPEG pictures can be exported), so it was left out');
    return null;
  }
  const usable = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
  const wanted = {
    width: usable(node.width) ? node.width : image.width,
    height: usable(node.height) ? node.height : image.height,
  };
  const size = fitWithin(wanted.width, wanted.height, TEXT_WIDTH_PX, TEXT_HEIGHT_PX);
  return new ImageRun({
    type: image.type,
    data: image.data,
    transformation: size,
    altText: { name: alt.slice(0, 80) || 'Picture', description: alt, title: alt },
  });
}

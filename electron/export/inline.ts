import { DeletedTextRun, ExternalHyperlink, ImageRun, InsertedTextRun, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import { normaliseLink } from '../../shared/links/normaliseLink.js';
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

export interface InlineState {
  inLink: boolean;
  /** Extra run formatting applied by the containing block (e.g. bold table headers). */
  bold?: boolean;
  /** Inside a suggested insertion or deletion (exported with review markup): runs become w:ins / w:del. */
  revision?: { kind: 'insert' | 'delete'; suggestionId: string };
}

/**
 * A run, or the same run as a tracked insertion or deletion when it is inside a suggestion
 * and the export carries review markup (each w:ins / w:del gets an id of its own).
 */
function run(options: IRunOptions, state: InlineState, ctx: RenderContext): TextRun | InsertedTextRun | DeletedTextRun {
  const review = ctx.review;
  if (!state.revision || !review) return new TextRun(options);
  const attrs = review.markup.revision(state.revision.suggestionId);
  return state.revision.kind === 'insert' ? new InsertedTextRun({ ...options, ...attrs }) : new DeletedTextRun({ ...options, ...attrs });
}

export function textRun(node: SerializedNodeJson, state: InlineState, ctx: RenderContext): TextRun | InsertedTextRun | DeletedTextRun {
  const format = typeof node.format === 'number' ? node.format : 0;
  const size = fontSizeFromStyle(node.style);
  return run({
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
  }, state, ctx);
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
        out.push(run({ children: [new Tab()] }, state, ctx));
        break;
      case 'linebreak':
        out.push(run({ break: 1 }, state, ctx));
        break;
      case 'mark': {
        // A comment's anchor: its text, inside the Word comment range when review is exported.
        const ids = Array.isArray(node.ids) ? node.ids : [];
        if (ctx.review) out.push(...ctx.review.open(ids));
        out.push(...inlineChildren(node.children, ctx, state));
        if (ctx.review) out.push(...ctx.review.close(ids));
        break;
      }
      case 'suggestion': {
        const kind = node.kind === 'delete' ? 'delete' : 'insert';
        if (ctx.review && typeof node.suggestionId === 'string') {
          out.push(...inlineChildren(node.children, ctx, { ...state, revision: { kind, suggestionId: node.suggestionId } }));
        } else if (kind === 'delete') {
          // Unsettled in a final export (the export refuses those first): the text as it stood.
          out.push(...inlineChildren(node.children, ctx, state));
        }
        break;
      }
      case 'link':
      case 'autolink': {
        // The one link normaliser decides, and Word gets its canonical address (shared/links).
        const link = normaliseLink(node.url);
        const runs = inlineChildren(node.children, ctx, { ...state, inLink: link.ok });
        if (link.ok && runs.length > 0) out.push(new ExternalHyperlink({ link: link.url, children: runs }));
        else {
          const shown = typeof node.url === 'string' ? node.url.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 80) : '';
          if (!link.ok && shown.trim()) ctx.notice(`the link “${shown}” ${link.reason}, so it was exported as plain text`);
          out.push(...runs);
        }
        break;
      }
      case 'mark':
      case 'suggestion':
        // Review markup (comment anchors, suggested changes) is written as its text here; the
        // Word review export adds comments and revisions around it.
        out.push(...inlineChildren(node.children, ctx, state));
        break;
      case 'image': {
        const picture = imageRun(node, ctx, state);
        if (picture) out.push(picture);
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

export function imageRun(node: SerializedNodeJson, ctx: RenderContext, state?: InlineState): ImageRun | null {
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
    ...(state?.revision && ctx.review ? { [state.revision.kind === 'insert' ? 'insertion' : 'deletion']: ctx.review.markup.revision(state.revision.suggestionId) } : {}),
  });
}

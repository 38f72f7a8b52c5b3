import type { DocxImage, DocxInline, DocxMarks } from '../docx/types.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { schemeOf } from '../../shared/templates/links.js';
import { MAX_IMAGE_BYTES } from '../../shared/richtext/nodeTypes.js';
import { imageSize } from '../export/images.js';
import { imageNode, lineBreakNode, linkNode, tabNode, TEXT_FORMAT, textNode } from './lexicalNodes.js';
import type { ImportTally } from './tally.js';

/**
 * A paragraph's inlines (accepted view: tracked deletions left out) as Lexical inline nodes:
 * text with bold / italic / underline / strikethrough / super- and subscript, links (http,
 * https and mailto only), line breaks, tabs, pictures as embedded data URLs, footnote
 * references as superscript numbers. Fonts, colours and sizes were never read.
 */
const IMPORT_LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 2048;

export interface InlineOptions {
  /** Drop bold (a heading's text, a header cell's text: bold by style, not emphasis). */
  stripBold?: boolean;
}

export interface InlineContext {
  tally: ImportTally;
  /** The number shown for a footnote or endnote reference (numbered in order of first reference). */
  noteNumber(noteType: 'footnote' | 'endnote', id: string): number | null;
}

function formatOf(marks: DocxMarks, inLink: boolean, options: InlineOptions): number {
  let format = 0;
  if (marks.bold && !options.stripBold) format |= TEXT_FORMAT.bold;
  if (marks.italic) format |= TEXT_FORMAT.italic;
  if (marks.strikethrough) format |= TEXT_FORMAT.strikethrough;
  // A link's underline is the link's own look, not emphasis.
  if (marks.underline && !inLink) format |= TEXT_FORMAT.underline;
  if (marks.superscript) format |= TEXT_FORMAT.superscript;
  else if (marks.subscript) format |= TEXT_FORMAT.subscript;
  return format;
}

/** The link address an import keeps, or null (then the text stays, as plain text). */
export function allowedLink(href: string | null): string | null {
  if (!href) return null;
  const url = href.trim();
  if (url.length > MAX_URL_LENGTH || /[\u0000-\u001f\u007f]/.test(url)) return null;
  const scheme = schemeOf(url);
  return scheme && IMPORT_LINK_SCHEMES.has(scheme) ? url : null;
}

export function pictureSource(image: DocxImage, tally: ImportTally): { src: string; width: number | null; height: number | null } | null {
  const name = image.altText || image.part?.split('/').pop() || 'a picture';
  if (image.linkedTarget !== null) {
    tally.add('picture-linked', image.linkedTarget.slice(0, 80));
    return null;
  }
  if (image.tooLarge) {
    tally.add('picture-too-large', name);
    return null;
  }
  if (!image.bytes) {
    tally.add('picture-missing', name);
    return null;
  }
  const size = image.bytes.length >= 24 ? imageSize(Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength)) : null;
  if (!size || image.bytes.length > MAX_IMAGE_BYTES) {
    tally.add(size ? 'picture-too-large' : 'picture-format', size ? name : `${name} (${formatName(image)})`);
    return null;
  }
  const mime = size.type === 'png' ? 'image/png' : 'image/jpeg';
  const src = `data:${mime};base64,${Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64')}`;
  // The picture's own size is kept as "natural" (null), as the editor stores it.
  const natural = image.width === size.width && image.height === size.height;
  return { src, width: natural ? null : image.width, height: natural ? null : image.height };
}

function formatName(image: DocxImage): string {
  const ext = (image.part ?? '').split('.').pop()?.toUpperCase() ?? '';
  return ext ? `${ext} format` : 'an unknown format';
}

export function inlineNodes(inlines: DocxInline[], ctx: InlineContext, options: InlineOptions = {}, inLink = false): SerializedNodeJson[] {
  const out: SerializedNodeJson[] = [];
  const pushText = (text: string, format: number) => {
    const last = out[out.length - 1];
    if (last?.type === 'text' && last.format === format) last.text = `${last.text}${text}`;
    else out.push(textNode(text, format));
  };
  for (const inline of inlines) {
    if ('revision' in inline && inline.revision?.kind === 'deletion') continue;
    switch (inline.kind) {
      case 'text':
        pushText(inline.text, formatOf(inline.marks, inLink, options));
        break;
      case 'break':
        out.push(lineBreakNode());
        break;
      case 'tab':
        out.push(tabNode());
        break;
      case 'link': {
        const children = inlineNodes(inline.children, ctx, options, true);
        const url = allowedLink(inline.href);
        if (url && children.length) out.push(linkNode(url, children));
        else {
          if (inline.href) ctx.tally.add('link-scheme', inline.href.slice(0, 60));
          else if (inline.anchor) ctx.tally.add('link-internal');
          for (const c of children) c.type === 'text' ? pushText(c.text ?? '', c.format as number) : out.push(c);
        }
        break;
      }
      case 'image': {
        const picture = pictureSource(inline, ctx.tally);
        if (!picture) break;
        if (!inline.altText && !inline.decorative) ctx.tally.add('picture-no-alt');
        out.push(imageNode(picture.src, inline.altText, picture.width, picture.height));
        break;
      }
      case 'noteReference': {
        const n = ctx.noteNumber(inline.noteType, inline.id);
        if (n !== null) pushText(String(n), TEXT_FORMAT.superscript);
        break;
      }
      case 'dropped':
        ctx.tally.add(inline.what, inline.label);
        if (inline.text) pushText(inline.text, 0);
        break;
    }
  }
  return out;
}

/** Does this content carry anything a reader would see? */
export function hasContent(nodes: SerializedNodeJson[]): boolean {
  return nodes.some((n) => n.type === 'image' || (n.type === 'text' && (n.text ?? '').trim() !== '') || (n.type === 'link' && hasContent(n.children ?? [])));
}

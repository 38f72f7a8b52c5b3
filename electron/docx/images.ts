import type { DocxPackage, Relationships } from './package.js';
import type { DocxDropped, DocxImage } from './types.js';
import { child, descendants, textContent, type XmlElement } from './xml.js';

/**
 * Pictures and other drawing objects. A DrawingML picture (wp:inline / wp:anchor with
 * pic:pic) or a VML one (v:imagedata) becomes a DocxImage with its alt text, size and,
 * when embedded, its bytes (each part unpacked once, never past the picture limit). A
 * linked picture keeps only its address: the reader never fetches anything. Charts,
 * SmartArt and other shapes are reported as dropped; text boxes are returned to the caller
 * to read as paragraphs.
 */
const EMU_PER_PX = 9525;

export interface DrawingResult {
  inlines: Array<DocxImage | DocxDropped>;
  /** w:txbxContent elements found inside (text boxes), in order. */
  textBoxes: XmlElement[];
}

export class ImageResolver {
  private readonly cache = new Map<string, { bytes: Uint8Array | null; tooLarge: boolean }>();
  readonly missing = new Set<string>();

  constructor(
    private readonly pkg: DocxPackage,
    private readonly maxImageBytes: number,
    private readonly loadImages: boolean,
  ) {}

  private load(part: string): { bytes: Uint8Array | null; tooLarge: boolean } {
    const cached = this.cache.get(part);
    if (cached) return cached;
    let entry: { bytes: Uint8Array | null; tooLarge: boolean };
    if (!this.loadImages) entry = { bytes: null, tooLarge: false };
    else {
      const read = this.pkg.zip.readBinary(part, this.maxImageBytes);
      if (read.kind === 'missing') this.missing.add(part);
      entry = read.kind === 'ok' ? { bytes: read.bytes, tooLarge: false } : { bytes: null, tooLarge: read.kind === 'too-large' };
    }
    this.cache.set(part, entry);
    return entry;
  }

  image(rels: Relationships, relId: string | undefined, linkId: string | undefined, meta: { altText: string; decorative: boolean; width: number | null; height: number | null }, offset: number): DocxImage {
    const embed = rels.get(relId);
    const linked = rels.get(linkId) ?? (embed?.external ? embed : undefined);
    const base = { kind: 'image' as const, offset, ...meta };
    if (embed && !embed.external) {
      const { bytes, tooLarge } = this.load(embed.target);
      return { ...base, part: embed.target, linkedTarget: null, contentType: this.pkg.contentType(embed.target) ?? null, bytes, tooLarge };
    }
    return { ...base, part: null, linkedTarget: linked?.target ?? '', contentType: null, bytes: null, tooLarge: false };
  }

  /** A w:drawing element: its pictures, dropped objects and text boxes. */
  drawing(drawing: XmlElement, rels: Relationships, offset: number): DrawingResult {
    const out: DrawingResult = { inlines: [], textBoxes: [] };
    for (const frame of drawing.children) {
      if (typeof frame === 'string' || (frame.name !== 'wp:inline' && frame.name !== 'wp:anchor')) continue;
      const docPr = child(frame, 'wp:docPr');
      const altText = (docPr?.attrs.descr ?? '').trim() || (docPr?.attrs.title ?? '').trim();
      const decorative = descendants(docPr ?? frame, 'adec:decorative').some((d) => d.attrs.val === '1' || d.attrs.val === 'true');
      const extent = child(frame, 'wp:extent');
      const size = sizeFromEmu(extent?.attrs.cx, extent?.attrs.cy);
      const graphicData = child(child(frame, 'a:graphic'), 'a:graphicData');
      const uri = graphicData?.attrs.uri ?? '';
      const pictures = graphicData ? descendants(graphicData, 'pic:pic') : [];
      const boxes = graphicData ? descendants(graphicData, 'w:txbxContent') : [];
      if (pictures.length) {
        for (const pic of pictures) {
          const blip = descendants(pic, 'a:blip')[0];
          out.inlines.push(this.image(rels, blip?.attrs['r:embed'], blip?.attrs['r:link'], { altText, decorative, ...size }, offset));
        }
      } else if (boxes.length) {
        out.textBoxes.push(...boxes);
      } else if (/\/chart$/.test(uri)) {
        out.inlines.push({ kind: 'dropped', what: 'chart', text: '', offset });
      } else if (/\/diagram$/.test(uri)) {
        out.inlines.push({ kind: 'dropped', what: 'smartart', text: '', offset });
      } else {
        out.inlines.push({ kind: 'dropped', what: 'shape', text: '', offset });
      }
      // A chart's or diagram's alt text names it in the importer's notice.
      const last = out.inlines[out.inlines.length - 1];
      if (last?.kind === 'dropped' && altText) last.label = altText;
    }
    return out;
  }

  /** A VML picture or text box (w:pict, or the fallback of newer drawings). */
  vml(pict: XmlElement, rels: Relationships, offset: number): DrawingResult {
    const out: DrawingResult = { inlines: [], textBoxes: descendants(pict, 'w:txbxContent') };
    for (const data of descendants(pict, 'v:imagedata')) {
      const shape = findShapeOf(pict, data);
      const altText = (shape?.attrs.alt ?? '').trim() || (data.attrs['o:title'] ?? '').trim();
      const size = sizeFromVmlStyle(shape?.attrs.style);
      out.inlines.push(this.image(rels, data.attrs['r:id'] ?? data.attrs['r:embed'], data.attrs['r:link'] ?? data.attrs['r:href'], { altText, decorative: false, ...size }, offset));
    }
    if (!out.inlines.length && !out.textBoxes.length && descendants(pict, 'v:shape').length + descendants(pict, 'v:rect').length > 0) {
      // A drawn shape with nothing to read (lines, arrows): reported, not kept.
      out.inlines.push({ kind: 'dropped', what: 'shape', text: textContent(pict).trim(), offset });
    }
    return out;
  }
}

function findShapeOf(root: XmlElement, target: XmlElement): XmlElement | undefined {
  for (const shape of [...descendants(root, 'v:shape'), ...descendants(root, 'v:rect')]) if (descendants(shape, 'v:imagedata').includes(target)) return shape;
  return undefined;
}

function sizeFromEmu(cx: string | undefined, cy: string | undefined): { width: number | null; height: number | null } {
  const w = Number(cx);
  const h = Number(cy);
  return {
    width: Number.isFinite(w) && w > 0 ? Math.round(w / EMU_PER_PX) : null,
    height: Number.isFinite(h) && h > 0 ? Math.round(h / EMU_PER_PX) : null,
  };
}

/** VML sizes: `width:120pt;height:60pt` (pt, in, px, cm). */
function sizeFromVmlStyle(style: string | undefined): { width: number | null; height: number | null } {
  const read = (key: string): number | null => {
    const match = new RegExp(`(?:^|;)\\s*${key}\\s*:\\s*([\\d.]+)\\s*(pt|px|in|cm|mm)?`, 'i').exec(style ?? '');
    if (!match) return null;
    const value = Number(match[1]);
    const unit = (match[2] ?? 'px').toLowerCase();
    const px = unit === 'pt' ? (value * 96) / 72 : unit === 'in' ? value * 96 : unit === 'cm' ? (value * 96) / 2.54 : unit === 'mm' ? (value * 96) / 25.4 : value;
    return Number.isFinite(px) && px > 0 ? Math.round(px) : null;
  };
  return { width: read('width'), height: read('height') };
}

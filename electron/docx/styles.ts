import type { DocxMarks } from './types.js';
import { child, childrenNamed, childVal, isOn, type XmlElement } from './xml.js';

/**
 * styles.xml: which paragraph styles are headings (by outline level, or Word's built-in
 * "heading N" names, which stay English whatever language Word runs in), which are the
 * title, quotes or contents entries, the numbering a style carries, and the bold / italic /
 * … that character styles such as "Strong" and "Emphasis" give their text. Each look-up
 * follows w:basedOn, with a guard against loops.
 */
interface StyleDef {
  id: string;
  type: string;
  name: string;
  basedOn: string | undefined;
  outlineLevel: number | undefined;
  numId: string | undefined;
  numLevel: number | undefined;
  rPr: XmlElement | undefined;
}

export interface ParagraphStyleInfo {
  name: string | null;
  headingLevel: number | null;
  isTitle: boolean;
  isSubtitle: boolean;
  isQuote: boolean;
  isContents: boolean;
  numbering: { numId: string; level: number } | null;
}

const QUOTE_NAMES = new Set(['quote', 'intense quote', 'block text', 'quotations', 'block quote']);
const EMPTY_INFO: ParagraphStyleInfo = { name: null, headingLevel: null, isTitle: false, isSubtitle: false, isQuote: false, isContents: false, numbering: null };

export class Styles {
  private readonly byId = new Map<string, StyleDef>();
  private readonly paragraphCache = new Map<string, ParagraphStyleInfo>();
  private readonly characterCache = new Map<string, Partial<DocxMarks>>();
  private defaultParagraphStyle: string | undefined;

  constructor(root: XmlElement | null) {
    if (!root) return;
    for (const style of childrenNamed(root, 'w:style')) {
      const id = style.attrs['w:styleId'];
      if (!id) continue;
      const pPr = child(style, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const outline = childVal(pPr, 'w:outlineLvl');
      const type = style.attrs['w:type'] ?? 'paragraph';
      this.byId.set(id, {
        id,
        type,
        name: childVal(style, 'w:name') ?? id,
        basedOn: childVal(style, 'w:basedOn'),
        outlineLevel: outline !== undefined && /^\d$/.test(outline) ? Number(outline) : undefined,
        numId: childVal(numPr, 'w:numId'),
        numLevel: childVal(numPr, 'w:ilvl') !== undefined ? Number(childVal(numPr, 'w:ilvl')) : undefined,
        rPr: child(style, 'w:rPr'),
      });
      const isDefault = style.attrs['w:default'] === '1' || style.attrs['w:default'] === 'true';
      if (type === 'paragraph' && isDefault) this.defaultParagraphStyle = id;
    }
  }

  nameOf(id: string | undefined | null): string | null {
    return id ? (this.byId.get(id)?.name ?? null) : null;
  }

  private chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    for (let current = id; current && !seen.has(current) && out.length < 20; ) {
      seen.add(current);
      const def = this.byId.get(current);
      if (!def) break;
      out.push(def);
      current = def.basedOn;
    }
    return out;
  }

  /** What a paragraph style means for the reader (the document's default style when none is named). */
  paragraph(id: string | undefined): ParagraphStyleInfo {
    const key = id ?? this.defaultParagraphStyle;
    if (!key) return EMPTY_INFO;
    const cached = this.paragraphCache.get(key);
    if (cached) return cached;
    // A style named but not defined (writers do this) is known by its id: "Quote", "Heading1".
    const chain = this.chain(key);
    if (chain.length === 0) chain.push({ id: key, type: 'paragraph', name: key.replace(/^Heading(\d)$/i, 'heading $1'), basedOn: undefined, outlineLevel: undefined, numId: undefined, numLevel: undefined, rPr: undefined });
    const own = chain[0];
    const name = own?.name ?? null;
    let headingLevel: number | null = null;
    let isTitle = false;
    let isSubtitle = false;
    let isQuote = false;
    let isContents = false;
    let numbering: ParagraphStyleInfo['numbering'] = null;
    for (const def of chain) {
      const lower = def.name.toLowerCase();
      if (headingLevel === null && def.outlineLevel !== undefined && def.outlineLevel < 9) headingLevel = def.outlineLevel + 1;
      const named = /^heading ([1-9])$/.exec(lower);
      if (headingLevel === null && named) headingLevel = Number(named[1]);
      if (lower === 'title') isTitle = true;
      if (lower === 'subtitle') isSubtitle = true;
      if (QUOTE_NAMES.has(lower)) isQuote = true;
      if (/^toc( heading| \d)$/.test(lower) || lower === 'contents heading' || /^contents \d$/.test(lower)) isContents = true;
      if (!numbering && def.numId !== undefined) numbering = { numId: def.numId, level: def.numLevel ?? 0 };
    }
    // Word's Title style has outline level 0 in some templates: it is still the title, not Heading 1.
    if (isTitle || isSubtitle) headingLevel = null;
    const info = { name, headingLevel, isTitle, isSubtitle, isQuote, isContents, numbering };
    this.paragraphCache.set(key, info);
    return info;
  }

  /** The marks a character style gives (only those it sets). */
  character(id: string | undefined): Partial<DocxMarks> {
    if (!id) return {};
    const cached = this.characterCache.get(id);
    if (cached) return cached;
    const marks: Partial<DocxMarks> = {};
    // Nearest style first: a property set in the style wins over one it inherits.
    for (const def of this.chain(id)) applyRunProperties(def.rPr, marks, false);
    this.characterCache.set(id, marks);
    return marks;
  }
}

/**
 * Read bold / italic / underline / strikethrough / super- and subscript from a w:rPr into
 * `marks`. With `override` the values replace what is there; without, only unset marks are
 * filled (for walking a style chain from the nearest style outwards).
 */
export function applyRunProperties(rPr: XmlElement | undefined, marks: Partial<DocxMarks>, override: boolean): void {
  if (!rPr) return;
  const set = (key: keyof DocxMarks, value: boolean | undefined) => {
    if (value === undefined) return;
    if (override || marks[key] === undefined) marks[key] = value;
  };
  const onOff = (name: string) => {
    const el = child(rPr, name);
    return el ? isOn(el) : undefined;
  };
  set('bold', onOff('w:b'));
  set('italic', onOff('w:i'));
  const u = child(rPr, 'w:u');
  set('underline', u ? isOn(u) : undefined);
  const strike = onOff('w:strike');
  const dstrike = onOff('w:dstrike');
  set('strikethrough', strike === undefined && dstrike === undefined ? undefined : !!(strike || dstrike));
  const vert = childVal(rPr, 'w:vertAlign');
  if (vert !== undefined) {
    set('superscript', vert === 'superscript');
    set('subscript', vert === 'subscript');
  } else {
    // Raised or lowered text (w:position, in half points), as LibreOffice writes super- and subscript.
    const position = Number(childVal(rPr, 'w:position') ?? '0');
    if (Number.isFinite(position) && position !== 0) {
      set('superscript', position > 0);
      set('subscript', position < 0);
    }
  }
}

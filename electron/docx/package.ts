import { refusal } from './errors.js';
import type { DocxZip } from './zip.js';
import { childrenNamed, parseXml, type XmlElement } from './xml.js';

/**
 * The Open Packaging parts of a .docx: content types, relationships, and the main document
 * part. This is also where a zip that is not a Word document is recognised (an Excel or
 * PowerPoint file, an OpenDocument file) and where macro-enabled documents are refused.
 */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: 'officeDocument',
  styles: 'styles',
  numbering: 'numbering',
  footnotes: 'footnotes',
  endnotes: 'endnotes',
  comments: 'comments',
  commentsExtended: 'commentsExtended',
  commentsIds: 'commentsIds',
  header: 'header',
  footer: 'footer',
  image: 'image',
  hyperlink: 'hyperlink',
  coreProperties: 'core-properties',
  customProperties: 'custom-properties',
  vbaProject: 'vbaProject',
} as const;

/** The last path segment of a relationship type URI (they differ between Transitional, Strict and Microsoft's extensions). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export class Relationships {
  private readonly byId = new Map<string, Relationship>();
  constructor(readonly list: Relationship[]) {
    for (const r of list) this.byId.set(r.id, r);
  }
  get(id: string | undefined): Relationship | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }
  ofKind(kind: string): Relationship[] {
    return this.list.filter((r) => relKind(r.type) === kind);
  }
}

const MAIN_TYPES = {
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  template: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  macroDocument: 'application/vnd.ms-word.document.macroEnabled.main+xml',
  macroTemplate: 'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
};

export class DocxPackage {
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();
  readonly mainPart: string;
  readonly mainRels: Relationships;

  constructor(
    readonly zip: DocxZip,
    private readonly fileName?: string,
  ) {
    if (zip.has('mimetype') && zip.has('content.xml')) throw refusal('odt', fileName);
    const types = zip.readText('[Content_Types].xml');
    if (types === null) throw refusal('not-docx', fileName);
    const root = this.parse(types, '[Content_Types].xml');
    for (const d of childrenNamed(root, 'ct:Default')) if (d.attrs.Extension) this.defaults.set(d.attrs.Extension.toLowerCase(), d.attrs.ContentType ?? '');
    for (const o of childrenNamed(root, 'ct:Override')) if (o.attrs.PartName) this.overrides.set(o.attrs.PartName.replace(/^\//, '').toLowerCase(), o.attrs.ContentType ?? '');

    const packageRels = this.relationships('');
    const main = packageRels.ofKind(REL.officeDocument)[0];
    const mainPart = main ? resolveTarget('', main.target) : 'word/document.xml';
    const mainType = this.contentType(mainPart) ?? '';
    if (mainType === MAIN_TYPES.macroDocument || mainType === MAIN_TYPES.macroTemplate) throw refusal('macros', fileName);
    if (/spreadsheetml|ms-excel/.test(mainType)) throw refusal('other-office', fileName, { what: 'an Excel workbook' });
    if (/presentationml|ms-powerpoint/.test(mainType)) throw refusal('other-office', fileName, { what: 'a PowerPoint presentation' });
    if (!zip.has(mainPart) || (mainType !== MAIN_TYPES.document && mainType !== MAIN_TYPES.template && mainType !== '')) {
      throw refusal(zip.has(mainPart) ? 'not-docx' : 'corrupt', fileName, { what: 'it has no main document part' });
    }
    this.mainPart = mainPart;
    this.mainRels = this.relationships(mainPart);
    // A macro project anywhere (a .docm renamed to .docx still carries it) is refused too.
    if (this.mainRels.ofKind(REL.vbaProject).length > 0 || zip.names().some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) throw refusal('macros', fileName);
  }

  parse(xml: string, partName: string): XmlElement {
    return parseXml(xml, { keepText: 'all', partName, fileName: this.fileName });
  }

  contentType(part: string): string | undefined {
    const key = part.toLowerCase();
    const override = this.overrides.get(key);
    if (override !== undefined) return override;
    const dot = key.lastIndexOf('.');
    return dot >= 0 ? this.defaults.get(key.slice(dot + 1)) : undefined;
  }

  /** The relationships of a part ('' for the package itself). */
  relationships(part: string): Relationships {
    const slash = part.lastIndexOf('/');
    const relsPart = `${slash >= 0 ? part.slice(0, slash + 1) : ''}_rels/${part.slice(slash + 1)}.rels`;
    const xml = this.zip.readText(relsPart);
    if (xml === null) return new Relationships([]);
    const root = this.parse(xml, relsPart);
    const list: Relationship[] = [];
    for (const r of childrenNamed(root, 'rel:Relationship')) {
      const external = (r.attrs.TargetMode ?? '').toLowerCase() === 'external';
      const target = r.attrs.Target ?? '';
      list.push({ id: r.attrs.Id ?? '', type: r.attrs.Type ?? '', external, target: external ? target : resolveTarget(part, target) });
    }
    return new Relationships(list);
  }

  /** A part related to the main document by kind (styles, numbering, comments…), if present. */
  relatedPart(kind: string): string | null {
    const rel = this.mainRels.ofKind(kind).find((r) => !r.external && this.zip.has(r.target));
    return rel ? rel.target : null;
  }

  readPart(part: string | null): XmlElement | null {
    if (!part) return null;
    const xml = this.zip.readText(part);
    return xml === null ? null : this.parse(xml, part);
  }
}

/** A relationship target relative to its source part, as a zip entry name. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return normalise(target.slice(1));
  const slash = sourcePart.lastIndexOf('/');
  return normalise(`${slash >= 0 ? sourcePart.slice(0, slash + 1) : ''}${target}`);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return decodeURIComponentSafe(out.join('/'));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

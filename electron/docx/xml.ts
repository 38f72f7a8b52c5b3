import { SaxesParser } from 'saxes';
import { refusal } from './errors.js';

/**
 * XML for the DOCX reader, on saxes (a strict, streaming, maintained parser). Elements become
 * small plain trees, with names rewritten to the usual prefixes by namespace URI ("w:p" for a
 * WordprocessingML paragraph whatever prefix the writer chose; Strict OOXML's URIs map to the
 * same prefixes). `streamChildren` hands over the children of one element (w:body) one at a
 * time, so a long document is never held as one tree.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'urn:schemas-microsoft-com:office:word': 'w10',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
  'http://schemas.microsoft.com/office/word/2016/wordml/cid': 'w16cid',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'http://schemas.microsoft.com/office/drawing/2017/decorative': 'adec',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'op',
  'http://purl.oclc.org/ooxml/officeDocument/customProperties': 'op',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes': 'vt',
  'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes': 'vt',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

type Scope = Map<string, string>; // prefix ('' for default) → canonical prefix

function canonicalFor(uri: string): string {
  return CANONICAL[uri] ?? `?${uri}`;
}

interface ParseOptions {
  /** Keep text only inside these elements (others' whitespace and text are skipped); 'all' keeps every text node. */
  keepText: ReadonlySet<string> | 'all';
  partName: string;
  fileName?: string;
  /** Bytes parsed so far, called about every 256 KB of input. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Parse `xml`; when `streamUnder` names an element (e.g. "w:body"), each of its child
 * elements is passed to `onChild` as soon as it closes and is not kept. Returns the root
 * (with the streamed element left empty).
 */
export function parseXml(xml: string, options: ParseOptions, streamUnder?: string, onChild?: (child: XmlElement) => void): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const scopes: Scope[] = [new Map([['xml', 'xml']])];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let streamDepth = -1;
  let textDepth = 0; // > 0 while inside an element whose text is kept
  const keepAll = options.keepText === 'all';
  const keepSet = options.keepText === 'all' ? null : options.keepText;

  const resolve = (qname: string, scope: Scope, isAttribute: boolean): string => {
    const colon = qname.indexOf(':');
    if (colon < 0) {
      if (isAttribute) return qname;
      const def = scope.get('');
      return def ? `${def}:${qname}` : qname;
    }
    const prefix = qname.slice(0, colon);
    const canonical = scope.get(prefix);
    return canonical ? `${canonical}:${qname.slice(colon + 1)}` : qname;
  };

  parser.on('opentag', (tag) => {
    let scope = scopes[scopes.length - 1]!;
    const raw = tag.attributes as Record<string, string>;
    let declares = false;
    for (const key in raw) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        if (!declares) {
          scope = new Map(scope);
          declares = true;
        }
        scope.set(key === 'xmlns' ? '' : key.slice(6), canonicalFor(raw[key]!));
      }
    }
    scopes.push(scope);
    const attrs: Record<string, string> = {};
    for (const key in raw) if (key !== 'xmlns' && !key.startsWith('xmlns:')) attrs[resolve(key, scope, true)] = raw[key]!;
    const element: XmlElement = { name: resolve(tag.name, scope, false), attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
    if (element.name === streamUnder && streamDepth < 0) streamDepth = stack.length;
    if (keepAll || keepSet!.has(element.name)) textDepth++;
  });
  parser.on('closetag', () => {
    const element = stack.pop()!;
    scopes.pop();
    if (keepAll || keepSet!.has(element.name)) textDepth--;
    const parent = stack[stack.length - 1];
    const streaming = streamDepth > 0 && stack.length === streamDepth && onChild !== undefined;
    if (element.name === 'mc:AlternateContent' && parent) {
      const chosen = chooseAlternative(element);
      parent.children.pop();
      if (streaming) for (const c of chosen) onChild!(c);
      else parent.children.push(...chosen);
      return;
    }
    if (streaming) {
      parent!.children.pop();
      onChild!(element);
    } else if (streamDepth > 0 && stack.length === streamDepth - 1) {
      streamDepth = -1;
    }
  });
  const onText = (text: string) => {
    if (textDepth > 0 && stack.length) stack[stack.length - 1]!.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    const total = xml.length;
    const step = 256 * 1024;
    for (let at = 0; at < total; at += step) {
      parser.write(xml.slice(at, at + step));
      options.onProgress?.(Math.min(total, at + step), total);
    }
    parser.close();
  } catch (err) {
    if (err instanceof Error && err.name === 'DocxReadError') throw err;
    throw refusal('corrupt', options.fileName, { what: `its part “${options.partName}” is not well-formed XML` });
  }
  if (!root) throw refusal('corrupt', options.fileName, { what: `its part “${options.partName}” is empty` });
  return root;
}

/**
 * Markup compatibility: an mc:AlternateContent offers choices for newer readers and a
 * fallback for older ones. Like Word 2007, take the fallback (VML pictures and text boxes,
 * which carry the same text), or the first choice when there is no fallback. The chosen
 * elements replace the mc:AlternateContent in its parent.
 */
function chooseAlternative(element: XmlElement): XmlElement[] {
  const branches = element.children.filter((c): c is XmlElement => typeof c !== 'string');
  const chosen = branches.find((c) => c.name === 'mc:Fallback') ?? branches.find((c) => c.name === 'mc:Choice');
  return (chosen?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string');
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  const out: XmlElement[] = [];
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

/** Every descendant with this name (depth first, document order). */
export function descendants(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

export function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  let out = '';
  for (const c of element.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

/** The w:val (or another) attribute of a child element: `<w:pStyle w:val="Heading1"/>`. */
export function childVal(element: XmlElement | undefined, name: string, attr = 'w:val'): string | undefined {
  return child(element, name)?.attrs[attr];
}

/** OOXML on/off properties: present means on unless w:val is false, 0 or off. */
export function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const v = element.attrs['w:val'];
  return v === undefined || !(v === 'false' || v === '0' || v === 'off' || v === 'none');
}

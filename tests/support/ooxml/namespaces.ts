/**
 * The namespaces the validator knows, and what each part's root element must be.
 *
 * "Understood" has the meaning of Markup Compatibility (ISO/IEC 29500-3): the namespaces a
 * consumer has a schema for in the vocabulary it validates against. Inside the ISO parts that is
 * ISO/IEC 29500 (transitional) plus the OPC package namespaces; Microsoft's extension
 * namespaces (w14, w15, …) are not, because the ISO content models have no room for their
 * attributes, so Markup Compatibility removes them where they are declared ignorable, exactly
 * as a consumer of plain ISO 29500 would. A part whose root is in an extension namespace
 * (comments extended, comment ids, people) is validated against that extension's own schema.
 */

export const NS = {
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  ep: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  op: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  w16: 'http://schemas.microsoft.com/office/word/2018/wordml',
  w16cex: 'http://schemas.microsoft.com/office/word/2018/wordml/cex',
  w16cid: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  w16sdtdh: 'http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash',
  w16sdtfl: 'http://schemas.microsoft.com/office/word/2015/wordml/symex',
} as const;

/** Namespaces of ISO/IEC 29500 transitional and OPC: understood everywhere. */
export const UNDERSTOOD = new Set<string>([
  NS.mc,
  NS.xml,
  NS.xsi,
  NS.w,
  NS.r,
  NS.a,
  NS.cp,
  NS.ep,
  NS.op,
  NS.rel,
  NS.ct,
  'http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes',
  'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  'http://schemas.openxmlformats.org/officeDocument/2006/customXml',
  'http://schemas.openxmlformats.org/officeDocument/2006/bibliography',
  'http://schemas.openxmlformats.org/schemaLibrary/2006/main',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  'http://schemas.openxmlformats.org/drawingml/2006/picture',
  'http://schemas.openxmlformats.org/drawingml/2006/chart',
  'http://schemas.openxmlformats.org/drawingml/2006/chartDrawing',
  'http://schemas.openxmlformats.org/drawingml/2006/diagram',
  'http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas',
  'urn:schemas-microsoft-com:vml',
  'urn:schemas-microsoft-com:office:office',
  'urn:schemas-microsoft-com:office:word',
  'urn:schemas-microsoft-com:office:excel',
  'urn:schemas-microsoft-com:office:powerpoint',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
  'http://purl.org/dc/dcmitype/',
]);

/** Extension namespaces with a schema of their own (valid as the root of a part). */
export const EXTENSION_ROOTS = new Set<string>([NS.w14, NS.w15, NS.w16, NS.w16cex, NS.w16cid, NS.w16sdtdh, NS.w16sdtfl]);

/** Short prefixes for messages: `{uri}local` reads better as `w:local`. */
export const PREFIX_OF: ReadonlyMap<string, string> = new Map(Object.entries(NS).map(([prefix, uri]) => [uri, prefix]));

const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';

/** Content type → the root element (namespace, local name) its part must have. */
export const ROOT_FOR_CONTENT_TYPE: ReadonlyMap<string, readonly [string, string]> = new Map<string, readonly [string, string]>([
  [`${WML}document.main+xml`, [NS.w, 'document']],
  [`${WML}template.main+xml`, [NS.w, 'document']],
  [`${WML}styles+xml`, [NS.w, 'styles']],
  [`${WML}numbering+xml`, [NS.w, 'numbering']],
  [`${WML}settings+xml`, [NS.w, 'settings']],
  [`${WML}webSettings+xml`, [NS.w, 'webSettings']],
  [`${WML}fontTable+xml`, [NS.w, 'fonts']],
  [`${WML}header+xml`, [NS.w, 'hdr']],
  [`${WML}footer+xml`, [NS.w, 'ftr']],
  [`${WML}footnotes+xml`, [NS.w, 'footnotes']],
  [`${WML}endnotes+xml`, [NS.w, 'endnotes']],
  [`${WML}comments+xml`, [NS.w, 'comments']],
  [`${WML}commentsExtended+xml`, [NS.w15, 'commentsEx']],
  [`${WML}commentsIds+xml`, [NS.w16cid, 'commentsIds']],
  [`${WML}commentsExtensible+xml`, [NS.w16cex, 'commentsExtensible']],
  [`${WML}people+xml`, [NS.w15, 'people']],
  ['application/vnd.openxmlformats-officedocument.theme+xml', [NS.a, 'theme']],
  ['application/vnd.openxmlformats-package.core-properties+xml', [NS.cp, 'coreProperties']],
  ['application/vnd.openxmlformats-officedocument.extended-properties+xml', [NS.ep, 'Properties']],
  ['application/vnd.openxmlformats-officedocument.custom-properties+xml', [NS.op, 'Properties']],
  ['application/vnd.openxmlformats-package.relationships+xml', [NS.rel, 'Relationships']],
]);

/** `{uri}local` → `prefix:local` for a namespace we name; unknown ones stay as they are. */
export function readableName(uri: string | null, local: string): string {
  const prefix = uri ? PREFIX_OF.get(uri) : undefined;
  if (prefix) return `${prefix}:${local}`;
  return uri ? `{${uri}}${local}` : local;
}

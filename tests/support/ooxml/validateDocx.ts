import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { applyMarkupCompatibility } from './markupCompatibility.js';
import { EXTENSION_ROOTS, ROOT_FOR_CONTENT_TYPE, UNDERSTOOD, readableName } from './namespaces.js';
import { missingRelationshipTargets, readContentTypes } from './packageParts.js';
import { serializeWithPaths } from './serializeWithPaths.js';
import { runXmllint } from './xmllint.js';

/**
 * Validates every XML part of a .docx against the OOXML schemas, the way Word reads it:
 *
 *   const reports = validateDocx(buffer);      // [{ part: 'word/document.xml', errors: [] }, …]
 *   expectValidDocx(buffer);                   // throws, listing each problem, unless all valid
 *
 * For each part: well-formed XML (xmllint), the root element its content type calls for, the
 * Markup Compatibility step Word applies first (markupCompatibility.ts), then xmllint against
 * the schemas in ./schemas (ISO/IEC 29500-4:2016 transitional, Microsoft's [MS-DOCX]
 * extensions, and OPC schemas for content types, relationships and core properties). The
 * package is checked too: every part has a content type, every override and internal
 * relationship points at a part that exists. Errors name the element by its path
 * (`/w:document/w:body/w:p[3]/w:pPr`), since Word parts are written on one line.
 */
export interface PartReport {
  /** Name in the zip, e.g. `word/styles.xml`. */
  part: string;
  contentType: string | null;
  /** Root element as `prefix:local`, or null when the part is not well-formed. */
  root: string | null;
  errors: string[];
}

export const OOXML_SCHEMA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas', 'docx-parts.xsd');

const MAX_ERRORS_PER_PART = 40;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function isXmlPart(name: string, contentType: string | null): boolean {
  return /\.(xml|rels)$/i.test(name) || (contentType !== null && /[+/]xml$/.test(contentType));
}

/** `{uri}local` in xmllint's messages → `prefix:local`. */
function readable(message: string): string {
  return message.replace(/\{([^}]+)\}([\w.-]+)/g, (_, uri: string, local: string) => readableName(uri, local));
}

interface Pending {
  report: PartReport;
  text: string;
  pathAtLine?: string[];
  prepared?: string;
}

function prepare(item: Pending): void {
  const parseErrors: string[] = [];
  const document = new DOMParser({
    errorHandler: { warning: () => {}, error: (m: string) => parseErrors.push(m), fatalError: (m: string) => parseErrors.push(m) },
  }).parseFromString(item.text, 'text/xml');
  const root = document.documentElement;
  if (!root || parseErrors.length) {
    item.report.errors.push(...parseErrors.map((m) => `not well-formed: ${m.split('\n')[0]}`));
    return;
  }
  item.report.root = readableName(root.namespaceURI, root.localName);
  const expected = item.report.contentType ? ROOT_FOR_CONTENT_TYPE.get(item.report.contentType) : undefined;
  if (expected && (root.namespaceURI !== expected[0] || root.localName !== expected[1])) {
    item.report.errors.push(`root element is ${item.report.root}, but its content type ${item.report.contentType} calls for ${readableName(expected[0], expected[1])}`);
  }
  const understood = new Set(UNDERSTOOD);
  if (root.namespaceURI && EXTENSION_ROOTS.has(root.namespaceURI)) understood.add(root.namespaceURI);
  item.report.errors.push(...applyMarkupCompatibility(document, understood));
  const serialized = serializeWithPaths(document);
  item.prepared = serialized.xml;
  item.pathAtLine = serialized.pathAtLine;
}

export function validateDocx(input: Uint8Array | string): PartReport[] {
  const bytes = typeof input === 'string' ? readFileSync(input) : input;
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(bytes);
  } catch (err) {
    return [{ part: '(package)', contentType: null, root: null, errors: [`not a zip package: ${(err as Error).message}`] }];
  }
  const names = Object.keys(zip).filter((name) => !name.endsWith('/'));
  const parts = new Set(names);
  const contentTypesXml = zip['[Content_Types].xml'] ? Buffer.from(zip['[Content_Types].xml']).toString('utf8') : undefined;
  const contentTypes = readContentTypes(contentTypesXml, parts);

  const pending: Pending[] = [];
  for (const name of names.sort()) {
    const contentType = name === '[Content_Types].xml' ? null : contentTypes.of(name);
    if (!isXmlPart(name, contentType)) {
      if (contentType === null) pending.push({ report: { part: name, contentType, root: null, errors: ['no content type in [Content_Types].xml'] }, text: '' });
      continue;
    }
    const report: PartReport = { part: name, contentType, root: null, errors: [] };
    if (name !== '[Content_Types].xml' && contentType === null) report.errors.push('no content type in [Content_Types].xml');
    if (name === '[Content_Types].xml') report.errors.push(...contentTypes.problems);
    let text: string;
    try {
      text = utf8.decode(zip[name]!);
    } catch {
      report.errors.push('not UTF-8 text');
      pending.push({ report, text: '' });
      continue;
    }
    if (name.endsWith('.rels')) report.errors.push(...missingRelationshipTargets(name, text, parts));
    pending.push({ report, text });
  }

  const xmlItems = pending.filter((item) => item.text);
  // 1. Well-formedness of each part exactly as written (xmldom alone is more lenient).
  runXmllint(xmlItems.map((item) => item.text)).forEach((messages, i) => {
    for (const m of messages) xmlItems[i]!.report.errors.push(`not well-formed: ${m.message}`);
  });
  // 2. Markup Compatibility, then the schemas.
  const wellFormed = xmlItems.filter((item) => item.report.errors.every((e) => !e.startsWith('not well-formed')));
  wellFormed.forEach(prepare);
  const ready = wellFormed.filter((item) => item.prepared !== undefined);
  runXmllint(
    ready.map((item) => item.prepared!),
    OOXML_SCHEMA,
  ).forEach((messages, i) => {
    const item = ready[i]!;
    for (const m of messages) {
      const where = m.line !== null ? item.pathAtLine?.[m.line] : undefined;
      item.report.errors.push(where ? `${where}: ${readable(m.message)}` : readable(m.message));
    }
  });

  return pending.map(({ report }) => {
    if (report.errors.length <= MAX_ERRORS_PER_PART) return report;
    const more = report.errors.length - MAX_ERRORS_PER_PART;
    return { ...report, errors: [...report.errors.slice(0, MAX_ERRORS_PER_PART), `… and ${more} more`] };
  });
}

/** The reports as text for a failure message: each invalid part and its errors. */
export function describeInvalidParts(reports: readonly PartReport[]): string {
  return reports
    .filter((r) => r.errors.length)
    .map((r) => `${r.part}:\n${r.errors.map((e) => `  - ${e}`).join('\n')}`)
    .join('\n');
}

/**
 * Throws unless every part is valid, naming each invalid part and its errors. Returns the
 * reports, so a caller can also check which parts were there (`reports.map((r) => r.part)`).
 */
export function expectValidDocx(input: Uint8Array | string, label = 'The .docx'): PartReport[] {
  const reports = validateDocx(input);
  const problems = describeInvalidParts(reports);
  if (problems) throw new Error(`${label} is not valid OOXML:\n${problems}`);
  return reports;
}

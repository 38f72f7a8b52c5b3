import { makeAnchor } from './anchors.js';
import { BODY_TEXT_ELEMENTS, BodyReader, type BodyContext, type RevisionRecord } from './body.js';
import { REL, type DocxPackage } from './package.js';
import type { DocxBlock, DocxComment, DocxHeaderFooter, DocxNote, DocxParagraph, DocxProperties, DocxRevision } from './types.js';
import { child, childrenNamed, parseXml, textContent, type XmlElement } from './xml.js';

/**
 * The parts around the body: comments (with replies and resolved state from
 * commentsExtended.xml and durable ids from commentsIds.xml), footnotes and endnotes,
 * headers and footers, and the document properties.
 */
type ReaderFactory = (part: string) => BodyReader;

function parseBodyPart(pkg: DocxPackage, part: string, fileName?: string): XmlElement | null {
  const xml = pkg.zip.readText(part);
  return xml === null ? null : parseXml(xml, { keepText: BODY_TEXT_ELEMENTS, partName: part, fileName });
}

/** A reader for a non-body part, with that part's own relationships (its pictures, links). */
export function readerFactory(base: Omit<BodyContext, 'rels' | 'isBody'>): ReaderFactory {
  return (part) => new BodyReader({ ...base, rels: base.pkg.relationships(part), isBody: false });
}

function plainText(blocks: DocxBlock[]): string {
  const lines: string[] = [];
  const walk = (list: DocxBlock[]) => {
    for (const block of list) {
      if (block.kind === 'paragraph') lines.push(block.accepted);
      else for (const row of block.rows) for (const cell of row.cells) walk(cell.blocks);
    }
  };
  walk(blocks);
  return lines.join('\n').trim();
}

export function readComments(pkg: DocxPackage, makeReader: ReaderFactory, body: BodyReader, paragraphs: DocxParagraph[], fileName?: string): DocxComment[] {
  const part = pkg.relatedPart(REL.comments);
  const root = part ? parseBodyPart(pkg, part, fileName) : null;
  if (!root || !part) return [];
  // Word 2013+ links each comment's last paragraph (w14:paraId) to its reply parent and "done" flag.
  const extended = new Map<string, { parent: string | null; done: boolean }>();
  const extPart = pkg.relatedPart(REL.commentsExtended);
  const ext = extPart ? pkg.readPart(extPart) : null;
  for (const e of ext ? childrenNamed(ext, 'w15:commentEx') : []) {
    const paraId = e.attrs['w15:paraId'];
    if (paraId) extended.set(paraId, { parent: e.attrs['w15:paraIdParent'] ?? null, done: e.attrs['w15:done'] === '1' || e.attrs['w15:done'] === 'true' });
  }
  const durable = new Map<string, string>();
  const idsPart = pkg.relatedPart(REL.commentsIds);
  const ids = idsPart ? pkg.readPart(idsPart) : null;
  for (const e of ids ? childrenNamed(ids, 'w16cid:commentId') : []) if (e.attrs['w16cid:paraId']) durable.set(e.attrs['w16cid:paraId'], e.attrs['w16cid:durableId'] ?? '');

  const reader = makeReader(part);
  const drafts: Array<{ comment: DocxComment; paraId: string | null; parentParaId: string | null }> = [];
  for (const el of childrenNamed(root, 'w:comment')) {
    const id = el.attrs['w:id'] ?? '';
    const paragraphsXml = childrenNamed(el, 'w:p');
    const lastParaId = paragraphsXml.length ? (paragraphsXml[paragraphsXml.length - 1]!.attrs['w14:paraId'] ?? null) : null;
    const info = lastParaId ? extended.get(lastParaId) : undefined;
    const blocks = reader.blockChildren(el.children);
    const start = body.commentStarts.get(id) ?? body.commentRefs.get(id);
    const end = body.commentEnds.get(id) ?? body.commentRefs.get(id) ?? start;
    drafts.push({
      comment: {
        id,
        author: el.attrs['w:author'] ?? '',
        initials: el.attrs['w:initials'] ?? '',
        date: el.attrs['w:date'] ?? '',
        text: plainText(blocks),
        parentId: null,
        resolved: info?.done ?? false,
        durableId: lastParaId ? (durable.get(lastParaId) ?? null) : null,
        anchor: start && end ? makeAnchor(paragraphs, start, end) : null,
      },
      paraId: lastParaId,
      parentParaId: info?.parent ?? null,
    });
  }
  const byParaId = new Map(drafts.filter((d) => d.paraId).map((d) => [d.paraId!, d.comment.id]));
  for (const d of drafts) if (d.parentParaId) d.comment.parentId = byParaId.get(d.parentParaId) ?? null;
  return drafts.map((d) => d.comment);
}

export function readNotes(pkg: DocxPackage, makeReader: ReaderFactory, fileName?: string): DocxNote[] {
  const out: DocxNote[] = [];
  for (const [kind, noteType, element] of [
    [REL.footnotes, 'footnote', 'w:footnote'],
    [REL.endnotes, 'endnote', 'w:endnote'],
  ] as const) {
    const part = pkg.relatedPart(kind);
    const root = part ? parseBodyPart(pkg, part, fileName) : null;
    if (!root || !part) continue;
    const reader = makeReader(part);
    for (const el of childrenNamed(root, element)) {
      const type = el.attrs['w:type'];
      if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
      const blocks = reader.blockChildren(el.children);
      out.push({ noteType, id: el.attrs['w:id'] ?? '', blocks, text: plainText(blocks) });
    }
  }
  return out;
}

export function readHeadersAndFooters(pkg: DocxPackage, makeReader: ReaderFactory, fileName?: string): DocxHeaderFooter[] {
  const out: DocxHeaderFooter[] = [];
  for (const kind of ['header', 'footer'] as const) {
    for (const rel of pkg.mainRels.ofKind(kind === 'header' ? REL.header : REL.footer)) {
      if (rel.external || !pkg.zip.has(rel.target)) continue;
      const root = parseBodyPart(pkg, rel.target, fileName);
      if (!root) continue;
      const blocks = makeReader(rel.target).blockChildren(root.children);
      out.push({ kind, part: rel.target, text: plainText(blocks) });
    }
  }
  return out;
}

export function readProperties(pkg: DocxPackage): DocxProperties {
  const props: DocxProperties = { title: '', subject: '', creator: '', keywords: '', description: '', lastModifiedBy: '', created: '', modified: '', custom: {} };
  const packageRels = pkg.relationships('');
  const corePart = packageRels.ofKind(REL.coreProperties).find((r) => !r.external)?.target ?? 'docProps/core.xml';
  const core = pkg.zip.has(corePart) ? pkg.readPart(corePart) : null;
  if (core) {
    const get = (name: string) => textContent(child(core, name)).trim();
    Object.assign(props, {
      title: get('dc:title'),
      subject: get('dc:subject'),
      creator: get('dc:creator'),
      keywords: get('cp:keywords'),
      description: get('dc:description'),
      lastModifiedBy: get('cp:lastModifiedBy'),
      created: get('dcterms:created'),
      modified: get('dcterms:modified'),
    });
  }
  const customPart = packageRels.ofKind(REL.customProperties).find((r) => !r.external)?.target ?? 'docProps/custom.xml';
  const custom = pkg.zip.has(customPart) ? pkg.readPart(customPart) : null;
  for (const prop of custom ? childrenNamed(custom, 'op:property') : []) {
    const name = prop.attrs.name;
    if (name) props.custom[name] = textContent(prop).trim();
  }
  return props;
}

export function revisionsFrom(records: RevisionRecord[], paragraphs: DocxParagraph[]): DocxRevision[] {
  return records.map((r) => {
    const first = r.pieces[0];
    const last = r.pieces[r.pieces.length - 1];
    const start = first ? { paragraph: first.paragraph, offset: first.start } : r.point;
    const end = last ? { paragraph: last.paragraph, offset: last.end } : r.point;
    const text = r.scope === 'paragraph-mark' ? '\n' : r.pieces.map((p) => paragraphs[p.paragraph]?.text.slice(p.start, p.end) ?? '').join(r.scope === 'table-row' ? '\t' : '');
    return { id: r.id, kind: r.kind, scope: r.scope, author: r.author, date: r.date, text, anchor: makeAnchor(paragraphs, start, end, text) };
  });
}

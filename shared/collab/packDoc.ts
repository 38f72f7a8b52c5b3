import * as Y from 'yjs';
import type { SerializedEditorState } from 'lexical';
import { packSchema, type Pack } from '../pack/schema.js';
import { readableIssues } from '../pack/readableIssues.js';
import { FRONT_SHEET, PACK_FIELDS, RECORD_MAPS, SECTION_FIELDS, SECTION_ORDER, recordMap, sectionRootName, type RecordKind } from './layout.js';
import { flatten, readFields, readRecords, unflatten, writeFields, writeRecords } from './fields.js';
import { bindSection, flushEditor } from './sectionBinding.js';

/**
 * A pack's JSON in its Y.Doc and back (the layout is in layout.ts). Section text goes through
 * @lexical/yjs's binding on a headless editor; everything else is plain fields and records.
 */

const PACK_OWN_FIELDS = ['format', 'formatVersion', 'id', 'createdAt', 'updatedAt', 'template', 'statusHistory'] as const;
const CLEARANCE_REQUIRED = 'clearance.required';

function recordsOf(pack: Pack, kind: RecordKind): Record<string, Record<string, unknown>> {
  const source = kind === 'signOffs' ? pack.clearance.signOffs : pack.review[kind];
  return source as unknown as Record<string, Record<string, unknown>>;
}

/** Make the array hold `target` in order with few operations (a full rewrite would duplicate ids under concurrency). */
function writeOrder(array: Y.Array<string>, target: string[]): void {
  const current = array.toArray();
  if (current.length === target.length && current.every((id, i) => id === target[i])) return;
  const wanted = new Set(target);
  for (let i = current.length - 1; i >= 0; i--) if (!wanted.has(current[i]!)) array.delete(i, 1);
  for (let i = 0; i < target.length; i++) {
    const now = array.toArray();
    if (now[i] === target[i]) continue;
    const later = now.indexOf(target[i]!, i);
    if (later >= 0) array.delete(later, 1);
    array.insert(i, [target[i]!]);
  }
  if (array.length > target.length) array.delete(target.length, array.length - target.length);
}

/**
 * Write everything except section text: front sheet, pack fields, outline, section fields,
 * review and clearance records. Only what differs is written, so calling it after every local
 * change of the form or the review panel sends just that change.
 */
export function writePackFields(doc: Y.Doc, pack: Pack, origin: unknown = null): void {
  doc.transact(() => {
    writeFields(doc.getMap(FRONT_SHEET), flatten(pack.frontSheet as unknown as Record<string, unknown>));
    const own: Record<string, unknown> = {};
    for (const key of PACK_OWN_FIELDS) if (pack[key] !== undefined) own[key] = pack[key];
    own[CLEARANCE_REQUIRED] = pack.clearance.required;
    writeFields(doc.getMap(PACK_FIELDS), own);
    writeOrder(doc.getArray<string>(SECTION_ORDER), pack.sections.map((s) => s.id));
    const sectionFields: Record<string, Record<string, unknown>> = {};
    for (const { content: _content, ...fields } of pack.sections) sectionFields[fields.id] = fields;
    writeRecords(doc.getMap<Y.Map<unknown>>(SECTION_FIELDS), sectionFields);
    for (const kind of Object.keys(RECORD_MAPS) as RecordKind[]) writeRecords(recordMap(doc, kind), recordsOf(pack, kind));
  }, origin);
}

/** Replace one section's text in the doc with `content`, through the binding. */
export function writeSectionContent(doc: Y.Doc, sectionId: string, content: unknown): void {
  const root = doc.get(sectionRootName(sectionId), Y.XmlText) as Y.XmlText;
  if (root.length > 0) doc.transact(() => root.delete(0, root.length));
  const bound = bindSection(doc, sectionId);
  try {
    bound.editor.setEditorState(bound.editor.parseEditorState(content as SerializedEditorState));
    flushEditor(bound.editor);
  } finally {
    bound.dispose();
  }
}

/** A new Y.Doc (or `doc`) holding the whole pack. */
export function packToDoc(pack: Pack, doc: Y.Doc = new Y.Doc()): Y.Doc {
  writePackFields(doc, pack);
  for (const section of pack.sections) writeSectionContent(doc, section.id, section.content);
  return doc;
}

/** The section ids in outline order: each once, and only sections that still have fields. */
export function sectionIdsOf(doc: Y.Doc): string[] {
  const fields = doc.getMap(SECTION_FIELDS);
  const seen = new Set<string>();
  return doc.getArray<string>(SECTION_ORDER).toArray().filter((id) => {
    if (seen.has(id) || !fields.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Each section's Lexical JSON, read through the binding from a copy of the doc. */
export function sectionContents(doc: Y.Doc, ids: string[]): Map<string, unknown> {
  const copy = new Y.Doc();
  const bound = ids.map((id) => ({ id, ...bindSection(copy, id) }));
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const out = new Map<string, unknown>();
    for (const b of bound) {
      flushEditor(b.editor);
      out.set(b.id, b.editor.getEditorState().toJSON());
    }
    return out;
  } finally {
    for (const b of bound) b.dispose();
    copy.destroy();
  }
}

/** The pack fields without section text (for the app's form and review panel). */
export function packFieldsFromDoc(doc: Y.Doc): Omit<Pack, 'sections'> & { sections: Array<Omit<Pack['sections'][number], 'content'>> } {
  const own = readFields(doc.getMap(PACK_FIELDS));
  const { [CLEARANCE_REQUIRED]: required, ...packOwn } = own;
  const sectionFields = readRecords(doc.getMap<Y.Map<unknown>>(SECTION_FIELDS));
  return {
    ...(packOwn as object),
    frontSheet: unflatten(readFields(doc.getMap(FRONT_SHEET))),
    sections: sectionIdsOf(doc).map((id) => ({ ...sectionFields[id], id })),
    review: { threads: readRecords(recordMap(doc, 'threads')), comments: readRecords(recordMap(doc, 'comments')), suggestions: readRecords(recordMap(doc, 'suggestions')) },
    clearance: { required: (required as unknown[] | undefined) ?? [], signOffs: readRecords(recordMap(doc, 'signOffs')) },
  } as never;
}

export class DocPackError extends Error {}

/** The whole pack, checked by the pack schema; a doc that does not make a valid pack is refused in plain words. */
export function packFromDoc(doc: Y.Doc): Pack {
  const fields = packFieldsFromDoc(doc);
  const contents = sectionContents(doc, fields.sections.map((s) => s.id));
  const candidate = { ...fields, sections: fields.sections.map((s) => ({ ...s, content: contents.get(s.id) })) };
  const parsed = packSchema.safeParse(candidate);
  if (!parsed.success) throw new DocPackError(`The shared pack does not make a valid pack: ${readableIssues(parsed.error)}`);
  return parsed.data;
}

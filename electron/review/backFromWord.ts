import { newId } from '../../shared/pack/defaults.js';
import { packSchema, type Pack } from '../../shared/pack/schema.js';
import type { CommentThread, Person, ReviewComment, Suggestion } from '../../shared/review/schema.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import type { DocxComment, DocxDocument, DocxParagraph, DocxRevision } from '../docx/types.js';
import { wordDate } from '../export/review/reviewMarkup.js';
import { locate, type Located } from './locate.js';
import { lineAt, packText, type PackText, type TextLine } from './packText.js';
import { insertAt, wrapRange } from './placeInline.js';

/**
 * "Back from Word" (issue 14, point 7): a reviewed copy of an export, with comments added and
 * changes tracked in Word (or LibreOffice), brought back into the pack. Each new comment
 * becomes a thread (replies and resolved state kept) on the same words of the pack, each
 * tracked insertion or deletion a suggestion, found by the text around it (Word anchors carry
 * 40 characters either side). What the pack already holds (its own comments and suggestions,
 * exported with it) is recognised and not added twice; what cannot be placed is reported.
 * Pure: the pack given is not changed.
 */
export interface NotPlaced {
  what: 'comment' | 'change';
  author: string;
  text: string;
  reason: string;
}

export interface BackFromWordReport {
  threadsAdded: number;
  repliesAdded: number;
  suggestionsAdded: number;
  resolved: number;
  reopened: number;
  /** Comments and changes that were the pack's own (exported with it). */
  alreadyInPack: number;
  notPlaced: NotPlaced[];
}

export interface BackFromWordResult {
  pack: Pack;
  report: BackFromWordReport;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The export puts "On deleted text: “…”" before a thread whose words were deleted. */
const commentBody = (s: string) => norm(s.replace(/^On deleted text: “[^\n]*”\n/, ''));

function isoDate(date: string, fallback: string): string {
  if (!date) return fallback;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(date) ? date : `${date}Z`;
  const d = new Date(zoned);
  return Number.isNaN(d.getTime()) ? fallback : d.toISOString();
}

function person(name: string): Person {
  return { name: name.trim().slice(0, 200) || 'Unknown', role: '' };
}

function excerpt(text: string): string {
  const t = norm(text);
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

function textNodes(text: string, like: SerializedNodeJson | null): SerializedNodeJson[] {
  const base = like ? { ...like } : { type: 'text', version: 1, format: 0, style: '', mode: 'normal', detail: 0 };
  const out: SerializedNodeJson[] = [];
  text.split('\n').forEach((part, i) => {
    if (i > 0) out.push({ type: 'linebreak', version: 1 });
    if (part) out.push({ ...base, type: 'text', text: part });
  });
  return out;
}

class Placer {
  readonly text: PackText;
  readonly report: BackFromWordReport = { threadsAdded: 0, repliesAdded: 0, suggestionsAdded: 0, resolved: 0, reopened: 0, alreadyInPack: 0, notPlaced: [] };

  constructor(
    readonly pack: Pack,
    readonly now: string,
  ) {
    this.text = packText(pack);
  }

  /** The lines a located range covers, with the part of each. */
  parts(range: Located): Array<{ line: TextLine; start: number; end: number }> {
    const out: Array<{ line: TextLine; start: number; end: number }> = [];
    for (const line of this.text.lines) {
      const lineEnd = line.start + line.text.length;
      if (lineEnd < range.start || line.start > range.end) continue;
      const start = Math.max(range.start, line.start) - line.start;
      const end = Math.min(range.end, lineEnd) - line.start;
      if (end > start || (range.start === range.end && line.start <= range.start && range.start <= lineEnd)) out.push({ line, start, end });
    }
    return out;
  }

  sectionId(line: TextLine): string {
    return this.pack.sections[line.sectionIndex]!.id;
  }

  notPlaced(what: NotPlaced['what'], author: string, text: string, reason: string) {
    this.report.notPlaced.push({ what, author, text: excerpt(text), reason });
  }
}

// ---- Comments ----

function placeComments(placer: Placer, comments: DocxComment[]) {
  const { pack } = placer;
  const repliesOf = new Map<string, DocxComment[]>();
  for (const c of comments) if (c.parentId) repliesOf.set(c.parentId, [...(repliesOf.get(c.parentId) ?? []), c]);
  const threadComments = (threadId: string) => Object.values(pack.review.comments).filter((c) => c.threadId === threadId).sort((a, b) => (a.at < b.at ? -1 : 1));
  const matches = (a: { author: { name: string }; text: string }, c: DocxComment) => norm(a.author.name) === norm(c.author) && norm(a.text) === commentBody(c.text);

  for (const c of comments) {
    if (c.parentId && comments.some((p) => p.id === c.parentId)) continue; // a reply, with its thread
    const replies = repliesOf.get(c.id) ?? [];
    const existing = Object.values(pack.review.threads).find((t) => {
      const first = threadComments(t.id)[0];
      return first !== undefined && matches(first, c);
    });
    if (existing) {
      placer.report.alreadyInPack++;
      const known = threadComments(existing.id);
      for (const r of replies) {
        if (known.some((k) => matches(k, r))) {
          placer.report.alreadyInPack++;
          continue;
        }
        addComment(pack, existing.id, r, placer.now);
        placer.report.repliesAdded++;
      }
      const resolvedInWord = c.resolved || replies.some((r) => r.resolved);
      if (resolvedInWord && existing.resolved === null) {
        const last = [c, ...replies].at(-1)!;
        existing.resolved = { by: person(last.author), at: placer.now };
        placer.report.resolved++;
      } else if (!resolvedInWord && existing.resolved !== null) {
        existing.resolved = null;
        placer.report.reopened++;
      }
      continue;
    }
    // A reply the pack already has, come back as a comment of its own: LibreOffice (and Word
    // before 2013) keep no reply links, so each reply returns as a separate comment on the
    // same words. It is the pack's own, not a new thread.
    if (Object.values(pack.review.comments).some((k) => matches(k, c))) {
      placer.report.alreadyInPack++;
      continue;
    }
    if (!c.anchor) {
      placer.notPlaced('comment', c.author, c.text, 'it is not attached to any text in the Word file');
      continue;
    }
    const target = c.anchor.text;
    const range = locate(placer.text.text, target, c.anchor.before, c.anchor.after);
    if (!range) {
      placer.notPlaced('comment', c.author, c.text, target ? `the text it is on (“${excerpt(target)}”) was not found in the pack, or not in one place only` : 'the place it is at was not found in the pack');
      continue;
    }
    const parts = placer.parts(range);
    const threadId = newId();
    let anchor: CommentThread['anchor'] = 'text';
    let placed = false;
    const first = parts[0]!;
    if (parts.length === 1 && first.line.kind === 'title') {
      anchor = 'section'; // on the section's heading: a comment on the whole section
      placed = true;
    } else if (range.start === range.end) {
      // A comment at a point (no text selected in Word): kept on its section.
      anchor = 'section';
      placed = true;
    } else {
      for (const part of parts) {
        if (part.line.kind !== 'block' || !part.line.container || part.end <= part.start) continue;
        placed = wrapRange(part.line.container, part.start, part.end, (children) => ({ type: 'mark', version: 1, ids: [threadId], children })) || placed;
      }
    }
    if (!placed) {
      placer.notPlaced('comment', c.author, c.text, `the text it is on (“${excerpt(target)}”) is not text the pack can mark`);
      continue;
    }
    const createdAt = isoDate(c.date, placer.now);
    pack.review.threads[threadId] = {
      id: threadId,
      sectionId: placer.sectionId(first.line),
      anchor,
      quote: anchor === 'text' ? target.slice(0, 5_000) : '',
      author: person(c.author),
      createdAt,
      resolved: c.resolved || replies.some((r) => r.resolved) ? { by: person([c, ...replies].at(-1)!.author), at: placer.now } : null,
    };
    addComment(pack, threadId, c, placer.now);
    for (const r of replies) addComment(pack, threadId, r, placer.now);
    placer.report.threadsAdded++;
    placer.report.repliesAdded += replies.length;
  }
}

function addComment(pack: Pack, threadId: string, c: DocxComment, now: string) {
  const id = newId();
  const comment: ReviewComment = { id, threadId, author: person(c.author), at: isoDate(c.date, now), text: commentBody(c.text).length ? c.text.replace(/^On deleted text: “[^\n]*”\n/, '').slice(0, 20_000) : '' };
  pack.review.comments[id] = comment;
}

// ---- Tracked changes ----

/** A revision the pack exported itself: same kind, author and time as one of its open suggestions. */
function isOwnSuggestion(pack: Pack, r: DocxRevision): boolean {
  const family = r.kind === 'insertion' ? ['insert', 'block-insert'] : ['delete', 'block-delete'];
  const date = wordDate(isoDate(r.date, ''));
  return Object.values(pack.review.suggestions).some(
    (s) => family.includes(s.kind) && norm(s.author.name) === norm(r.author) && wordDate(s.at) === date && (r.scope === 'paragraph-mark' || norm(s.text).includes(norm(r.text))),
  );
}

function addSuggestion(placer: Placer, line: TextLine, kind: Suggestion['kind'], r: DocxRevision, text: string): string {
  const id = newId();
  placer.pack.review.suggestions[id] = { id, sectionId: placer.sectionId(line), kind, author: person(r.author), at: isoDate(r.date, placer.now), text: text.slice(0, 100_000) };
  placer.report.suggestionsAdded++;
  return id;
}

/** A paragraph typed in Word as a whole (its mark and all its text inserted). */
function wholeInsertedParagraph(doc: DocxDocument, r: DocxRevision): DocxParagraph | null {
  const p = doc.paragraphs[r.anchor.start.paragraph];
  return p && p.markInserted && p.original.trim() === '' && p.accepted.trim() !== '' && r.anchor.start.paragraph === r.anchor.end.paragraph ? p : null;
}

/** A paragraph deleted in Word as a whole (its mark and all its text deleted). */
function wholeDeletedParagraph(doc: DocxDocument, r: DocxRevision): DocxParagraph | null {
  const p = doc.paragraphs[r.anchor.start.paragraph];
  return p && p.markDeleted && p.accepted.trim() === '' && p.original.trim() !== '' && r.anchor.start.paragraph === r.anchor.end.paragraph ? p : null;
}

function placeRevisions(placer: Placer, doc: DocxDocument) {
  const { pack } = placer;
  const wholeDone = new Set<number>();
  for (const r of doc.revisions) {
    if (r.kind !== 'insertion' && r.kind !== 'deletion') {
      if (r.kind === 'formatting') continue; // formatting changes are not suggestions in the pack
      placer.notPlaced('change', r.author, r.text, 'moved text is not brought back; move it in the pack instead');
      continue;
    }
    if (isOwnSuggestion(pack, r)) {
      placer.report.alreadyInPack++;
      continue;
    }
    if (r.scope === 'table-row') {
      placer.notPlaced('change', r.author, r.text, `a table row ${r.kind === 'insertion' ? 'added' : 'deleted'} in Word is not brought back; suggest it in the pack`);
      continue;
    }
    if (r.scope === 'paragraph-mark') {
      // Part of a whole paragraph added or removed (handled with its text), else a split or join.
      const p = doc.paragraphs[r.anchor.start.paragraph];
      if (p && (wholeDone.has(p.index) || (r.kind === 'insertion' ? p.markInserted && p.original.trim() === '' : p.markDeleted && p.accepted.trim() === ''))) continue;
      placer.notPlaced('change', r.author, '¶', `a paragraph ${r.kind === 'insertion' ? 'split' : 'joined to the next'} in Word is not brought back`);
      continue;
    }
    if (r.kind === 'insertion') placeInsertion(placer, doc, r, wholeDone);
    else placeDeletion(placer, doc, r, wholeDone);
  }
}

function placeInsertion(placer: Placer, doc: DocxDocument, r: DocxRevision, wholeDone: Set<number>) {
  const whole = wholeInsertedParagraph(doc, r);
  if (whole) {
    if (wholeDone.has(whole.index)) return;
    wholeDone.add(whole.index);
    // Between two lines of the pack: the end of the one before it.
    const before = r.anchor.before.replace(/\n$/, '');
    const after = r.anchor.after.replace(/^\n/, '');
    const at = locate(placer.text.text, '', before, `\n${after}`) ?? locate(placer.text.text, '', `${before}\n`, after);
    const line = at ? placer.text.lines.find((l) => l.start + l.text.length === at.start || l.start === at.start) : undefined;
    if (!at || !line) {
      placer.notPlaced('change', r.author, whole.accepted, 'the place of the new paragraph was not found in the pack');
      return;
    }
    const section = placer.pack.sections[line.sectionIndex]!;
    const root = section.content.root.children;
    const id = addSuggestion(placer, line, 'block-insert', r, whole.accepted);
    const paragraph: SerializedNodeJson = { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: textNodes(whole.accepted, null), $: { suggestion: { id, kind: 'block-insert' } } };
    const index = line.kind === 'title' ? 0 : root.indexOf(line.topBlock!) + 1;
    root.splice(index, 0, paragraph);
    // The lines of the text stay right: a block insertion is not in the neutral text.
    placer.text.lines.splice(placer.text.lines.indexOf(line) + 1, 0, { start: line.start + line.text.length + 1, text: '', sectionIndex: line.sectionIndex, kind: 'placeholder', container: null, topBlock: paragraph, wholeBlock: false });
    let offset = 0;
    for (const l of placer.text.lines) {
      l.start = offset;
      offset += l.text.length + 1;
    }
    placer.text.text = placer.text.lines.map((l) => l.text).join('\n');
    return;
  }
  const at = locate(placer.text.text, '', r.anchor.before, r.anchor.after);
  const line = at ? lineAt(placer.text, at.start) : null;
  if (!at || !line || line.kind !== 'block' || !line.container) {
    placer.notPlaced('change', r.author, r.text, at && line?.kind === 'title' ? 'it changes a section title; rename the section in the pack' : 'the place it was typed at was not found in the pack');
    return;
  }
  const id = addSuggestion(placer, line, 'insert', r, r.text);
  insertAt(line.container, at.start - line.start, (like) => ({ type: 'suggestion', version: 1, suggestionId: id, kind: 'insert', children: textNodes(r.text, like) }));
}

function placeDeletion(placer: Placer, doc: DocxDocument, r: DocxRevision, wholeDone: Set<number>) {
  const range = locate(placer.text.text, r.text, r.anchor.before, r.anchor.after);
  const parts = range ? placer.parts(range) : [];
  if (!range || parts.length === 0 || parts.some((p) => p.line.kind !== 'block' || !p.line.container)) {
    placer.notPlaced('change', r.author, r.text, parts.some((p) => p.line.kind === 'title') ? 'it changes a section title; rename the section in the pack' : 'the deleted text was not found in the pack, or not in one place only');
    return;
  }
  const whole = wholeDeletedParagraph(doc, r);
  const first = parts[0]!;
  if (whole && parts.length === 1 && first.line.wholeBlock && first.start === 0 && first.end === first.line.text.length) {
    wholeDone.add(whole.index);
    const id = addSuggestion(placer, first.line, 'block-delete', r, r.text);
    const block = first.line.container!;
    block.$ = { ...(block.$ as object | undefined), suggestion: { id, kind: 'block-delete' } };
    return;
  }
  const id = addSuggestion(placer, first.line, 'delete', r, r.text);
  for (const part of parts) wrapRange(part.line.container!, part.start, part.end, (children) => ({ type: 'suggestion', version: 1, suggestionId: id, kind: 'delete', children }));
}

export function bringBackFromWord(pack: Pack, doc: DocxDocument, now: Date = new Date()): BackFromWordResult {
  const copy = structuredClone(pack);
  const placer = new Placer(copy, now.toISOString());
  placeComments(placer, doc.comments);
  placeRevisions(placer, doc);
  copy.updatedAt = now.toISOString();
  // Never hand back a pack that would not open: the same schema as every save.
  return { pack: packSchema.parse(copy), report: placer.report };
}

/** The report in plain English, one line each (for the CLI and the dialog). */
export function describeBackFromWord(report: BackFromWordReport): string[] {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const lines = [`Added ${n(report.threadsAdded, 'comment thread')}, ${n(report.repliesAdded, 'reply', 'replies')} and ${n(report.suggestionsAdded, 'suggested change')}.`];
  if (report.resolved || report.reopened) lines.push(`${n(report.resolved, 'thread')} resolved and ${report.reopened} reopened in Word.`);
  if (report.alreadyInPack) lines.push(`${n(report.alreadyInPack, 'comment or change', 'comments and changes')} already in the pack (exported with it) left as they are.`);
  if (report.notPlaced.length) {
    lines.push(`${n(report.notPlaced.length, 'item')} could not be placed:`);
    for (const p of report.notPlaced) lines.push(`  ${p.what === 'comment' ? 'Comment' : 'Change'} by ${p.author || 'unknown'} “${p.text}”: ${p.reason}.`);
  }
  return lines;
}

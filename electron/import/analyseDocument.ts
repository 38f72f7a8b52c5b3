import type { DocxBlock, DocxDocument, DocxParagraph } from '../docx/types.js';
import type { SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';
import type { FrontSheetFill, ImportAnalysis, ImportPart } from '../../shared/import/types.js';
import { blockNodes, textParagraph } from './blockContent.js';
import { inlineNodes } from './inlineContent.js';
import { listItemNode, listNode, numberListItems, textNode } from './lexicalNodes.js';
import { readFrontMatter } from './frontMatter.js';
import { ImportTally } from './tally.js';
import { importNotes } from './importNotes.js';

/**
 * A read Word document as would-be sections. The document's top heading level (usually
 * Heading 1) starts a part; deeper headings become the section's h2–h4, never skipping a
 * level; the Title (or the document's only top heading, or its title property) names the
 * pack; front matter fills the front sheet; footnotes become numbered notes at the end of
 * the part that refers to them. Everything is in the document's "all changes accepted" view.
 */
export interface PartContent {
  key: string;
  title: string;
  /** The heading's own inline content (formatting kept), for placing the part under a heading. */
  titleNodes: SerializedNodeJson[];
  /** Headings here are h2 for the level just below the part's title. */
  nodes: SerializedNodeJson[];
}

export interface AnalysedDocument {
  analysis: ImportAnalysis;
  contents: PartContent[];
}

/** Accepted view of the body: tracked deletions gone, deleted paragraph marks joined, generated contents and hidden text left out. */
function acceptedBlocks(blocks: DocxBlock[], tally: ImportTally): DocxBlock[] {
  const out: DocxBlock[] = [];
  let carry: DocxParagraph | null = null;
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (carry) out.push(carry);
      carry = null;
      out.push(block);
      continue;
    }
    if (block.inContents) continue;
    if (block.hidden) {
      tally.add('hidden');
      continue;
    }
    let p = block;
    if (carry) {
      // The paragraph before lost its mark: its text runs on into this one.
      p = { ...p, inlines: [...carry.inlines, ...p.inlines], accepted: carry.accepted + p.accepted, text: carry.text + p.text };
      carry = null;
    }
    if (p.markDeleted) carry = p;
    else out.push(p);
  }
  if (carry) out.push(carry);
  return out;
}

function isHeading(block: DocxBlock): block is DocxParagraph & { headingLevel: number } {
  return block.kind === 'paragraph' && block.headingLevel !== null && block.accepted.trim() !== '';
}

function fileTitle(fileName: string): string {
  return fileName.replace(/\.(docx|docm|dotx|doc)$/i, '').trim() || 'Imported document';
}

export function analyseDocument(doc: DocxDocument, fileName: string): AnalysedDocument {
  const tally = new ImportTally();
  let blocks = acceptedBlocks(doc.blocks, tally);
  if (doc.notesOfReader.contents) tally.add('contents', undefined, doc.notesOfReader.contents);
  if (doc.notesOfReader.textBoxes) tally.add('text-box', undefined, doc.notesOfReader.textBoxes);
  const fills: FrontSheetFill[] = [];

  // The title: the Title paragraph, else the only top-level heading at the start, else the document's title property.
  let title = '';
  const titleBlock = blocks.find((b): b is DocxParagraph => b.kind === 'paragraph' && b.isTitle && b.accepted.trim() !== '');
  if (titleBlock) {
    title = titleBlock.accepted.trim();
    fills.push({ field: 'title', value: title, source: title, from: 'title' });
  }
  let headings = blocks.filter(isHeading);
  let top = headings.length ? Math.min(...headings.map((h) => h.headingLevel)) : 1;
  if (!titleBlock) {
    const tops = headings.filter((h) => h.headingLevel === top);
    if (tops.length === 1 && headings[0] === tops[0] && headings.some((h) => h.headingLevel > top)) {
      title = tops[0]!.accepted.trim();
      fills.push({ field: 'title', value: title, source: title, from: 'heading' });
      blocks = blocks.filter((b) => b !== tops[0]);
      headings = headings.filter((h) => h !== tops[0]);
      top = Math.min(...headings.map((h) => h.headingLevel));
    }
  }
  if (!title && doc.properties.title) {
    title = doc.properties.title;
    fills.push({ field: 'title', value: title, source: `Document title: ${title}`, from: 'properties' });
  }
  if (!title) {
    title = fileTitle(fileName);
    fills.push({ field: 'title', value: title, source: fileName, from: 'file-name' });
  }

  // Front matter: what comes before the first heading.
  const firstHeading = blocks.findIndex(isHeading);
  const region = blocks.slice(0, firstHeading < 0 ? blocks.length : firstHeading).filter((b) => b !== titleBlock);
  const front = readFrontMatter(region, doc.headers, doc.properties);
  fills.push(...front.fills.filter((f) => f.field !== 'title' || !fills.some((t) => t.field === 'title')));
  if (front.statusText) tally.add('status', front.statusText);
  const titleIndex = titleBlock ? blocks.indexOf(titleBlock) : -1;
  const body: DocxBlock[] = [];
  blocks.forEach((block, i) => {
    if (block === titleBlock || front.consumed.has(block)) {
      const kept = front.keptLines.get(block);
      if (kept) for (const line of kept) body.push(lineParagraph(line));
      return;
    }
    const inFront = firstHeading < 0 || i < firstHeading;
    if (inFront && block.kind === 'paragraph' && /^council name$/i.test(block.styleName ?? '')) {
      tally.add('council-name');
      return;
    }
    // The DRAFT marking our export prints on the front sheet of a pack that is not approved.
    if (inFront && block.kind === 'paragraph' && (/^front sheet marking$/i.test(block.styleName ?? '') || /^DRAFT(\s*\(version [^)]*\))?$/.test(block.accepted.trim()))) {
      tally.add('draft-marking', block.accepted.trim());
      return;
    }
    // A picture alone before the title is the council's logo on a front sheet.
    if (inFront && i < titleIndex && block.kind === 'paragraph' && !block.accepted.trim() && block.inlines.some((x) => x.kind === 'image')) {
      tally.add('logo');
      return;
    }
    body.push(block);
  });

  // Footnotes and endnotes are numbered in the order they are first referred to.
  const noteNumbers = new Map<string, number>();
  const counters = { footnote: 0, endnote: 0 };
  const visit = (list: DocxBlock[]) => {
    for (const b of list) {
      if (b.kind === 'table') {
        for (const r of b.rows) for (const c of r.cells) visit(c.blocks);
        continue;
      }
      const walk = (inlines: DocxParagraph['inlines']) => {
        for (const x of inlines) {
          if (x.kind === 'link') walk(x.children);
          if (x.kind === 'noteReference' && !noteNumbers.has(`${x.noteType}:${x.id}`) && doc.notes.some((n) => n.noteType === x.noteType && n.id === x.id)) noteNumbers.set(`${x.noteType}:${x.id}`, ++counters[x.noteType]);
        }
      };
      walk(b.inlines);
    }
  };
  visit(body);

  // Parts: split at the top heading level.
  const groups: Array<{ heading: DocxParagraph | null; blocks: DocxBlock[] }> = [{ heading: null, blocks: [] }];
  for (const block of body) {
    if (isHeading(block) && block.headingLevel === top) groups.push({ heading: block, blocks: [] });
    else groups[groups.length - 1]!.blocks.push(block);
  }
  const contents: PartContent[] = [];
  const parts: ImportPart[] = [];
  const hasHeadingParts = groups.length > 1;
  groups.forEach((group, gi) => {
    if (!group.heading && group.blocks.length === 0) return;
    let previous = 0;
    const referenced: string[] = [];
    const ctx = {
      tally,
      noteNumber: (noteType: 'footnote' | 'endnote', id: string) => {
        const key = `${noteType}:${id}`;
        if (!referenced.includes(key) && noteNumbers.has(key)) referenced.push(key);
        return noteNumbers.get(key) ?? null;
      },
      headingTag: (p: DocxParagraph): 'h2' | 'h3' | 'h4' => {
        const wanted = Math.max(1, p.headingLevel! - top);
        const level = Math.max(1, Math.min(wanted, previous + 1));
        if (level < wanted) tally.add('heading-lifted', p.accepted.trim().slice(0, 60));
        if (level > 3) tally.add('heading-deep', p.accepted.trim().slice(0, 60));
        if (p.list) tally.add('numbered-heading');
        previous = level;
        return (['h2', 'h3', 'h4'] as const)[Math.min(level, 3) - 1]!;
      },
    };
    const nodes = blockNodes(group.blocks, ctx);
    const titleNodes = group.heading ? inlineNodes(group.heading.inlines, ctx, { stripBold: true }) : [];
    if (group.heading?.list) tally.add('numbered-heading');
    // Endnotes go at the end of the document, after the last part's footnotes.
    const isLast = gi === groups.length - 1;
    appendNotes(nodes, referenced.filter((k) => k.startsWith('footnote:')), 'Notes', doc, noteNumbers, ctx, tally, 'footnotes');
    if (isLast) {
      const endnotes = [...noteNumbers.keys()].filter((k) => k.startsWith('endnote:'));
      appendNotes(nodes, endnotes, 'Endnotes', doc, noteNumbers, ctx, tally, 'endnotes');
    }
    const key = `part-${contents.length + 1}`;
    const partTitle = group.heading ? group.heading.accepted.trim() : hasHeadingParts ? '' : title;
    if (!group.heading && nodes.length === 0) return;
    const state = { root: { type: 'root' as const, children: nodes } };
    const text = plainTextOf(state).replace(/\s+/g, ' ').trim();
    contents.push({ key, title: partTitle, titleNodes, nodes });
    parts.push({
      key,
      title: partTitle,
      kind: group.heading ? 'heading' : 'preamble',
      words: wordCountOf(state),
      snippet: text.length > 140 ? `${text.slice(0, 139).replace(/\s+\S*$/, '')}…` : text,
      tables: count(nodes, 'table'),
      lists: nodes.filter((n) => n.type === 'list').length,
      pictures: count(nodes, 'image'),
    });
  });

  const words = parts.reduce((sum, p) => sum + p.words, 0);
  const analysis: ImportAnalysis = {
    fileName,
    title: title.slice(0, 300),
    frontSheet: { ...front.patch, title: title.slice(0, 300) },
    fills,
    parts,
    notes: importNotes(tally, doc),
    words,
    picturesWithoutAltText: tally.count('picture-no-alt'),
  };
  return { analysis, contents };
}

function count(nodes: SerializedNodeJson[], type: string): number {
  let n = 0;
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === type) n++;
    if (node.children) stack.push(...node.children);
  }
  return n;
}

function lineParagraph(text: string): DocxParagraph {
  const marks = { bold: false, italic: false, underline: false, strikethrough: false, superscript: false, subscript: false };
  return { kind: 'paragraph', index: -1, styleId: null, styleName: null, headingLevel: null, isTitle: false, isSubtitle: false, isQuote: false, list: null, inlines: [{ kind: 'text', text, marks, offset: 0 }], text, original: text, accepted: text, markDeleted: false, markInserted: false, inContents: false, hidden: false };
}

/** "Notes" and a numbered list of the notes this part referred to, numbered as their references are. */
function appendNotes(
  nodes: SerializedNodeJson[],
  keys: string[],
  label: string,
  doc: DocxDocument,
  numbers: Map<string, number>,
  ctx: Parameters<typeof blockNodes>[1],
  tally: ImportTally,
  tallyKey: 'footnotes' | 'endnotes',
): void {
  const sorted = [...new Set(keys)].sort((a, b) => numbers.get(a)! - numbers.get(b)!);
  if (!sorted.length) return;
  nodes.push(textParagraph('', label));
  const list = listNode('number', numbers.get(sorted[0]!)!, []);
  for (const key of sorted) {
    const [noteType, id] = key.split(':') as ['footnote' | 'endnote', string];
    const note = doc.notes.find((n) => n.noteType === noteType && n.id === id);
    const paragraphs = (note?.blocks ?? []).filter((b): b is DocxParagraph => b.kind === 'paragraph');
    const inline: SerializedNodeJson[] = [];
    paragraphs.forEach((p, i) => {
      const children = inlineNodes(p.inlines, ctx);
      if (!children.length) return;
      if (inline.length && i > 0) inline.push({ type: 'linebreak', version: 1 });
      inline.push(...children);
    });
    // Word's own note mark and the space after it start the note's text.
    if (inline[0]?.type === 'text') inline[0].text = (inline[0].text ?? '').replace(/^\s+/, '');
    list.children!.push(listItemNode(inline.length ? inline : [textNode('')]));
    tally.add(tallyKey);
  }
  numberListItems(list);
  nodes.push(list);
}

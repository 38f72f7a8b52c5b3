import type { DocxDocument } from '../docx/types.js';
import type { ImportNote } from '../../shared/import/types.js';
import type { ImportTally, TallyKey } from './tally.js';

/**
 * The preview's list of what the import leaves out or changes, in plain English: one line
 * per kind, with how many and a few examples.
 */
function plural(n: number, one: string, many = `${one}s`): string {
  return `${n === 1 ? 'One' : String(n)} ${n === 1 ? one : many}`;
}

function examples(tally: ImportTally, key: TallyKey): string {
  const list = tally.examples(key);
  return list.length ? ` (${list.map((e) => `“${e}”`).join(', ')}${tally.count(key) > list.length ? ', …' : ''})` : '';
}

export function importNotes(tally: ImportTally, doc: DocxDocument): ImportNote[] {
  const notes: ImportNote[] = [];
  const dropped = (message: string) => notes.push({ kind: 'dropped', message });
  const changed = (message: string) => notes.push({ kind: 'changed', message });
  const n = (key: TallyKey) => tally.count(key);

  const textRevisions = doc.revisions.filter((r) => r.kind !== 'formatting').length;
  if (textRevisions) changed(`${plural(textRevisions, 'tracked change was', 'tracked changes were')} accepted, as Word’s “Accept All Changes” would: insertions are kept and deletions removed.`);
  if (doc.comments.length) dropped(`${plural(doc.comments.length, 'comment')} ${doc.comments.length === 1 ? 'is' : 'are'} not brought in.`);
  if (n('contents')) dropped('The table of contents is left out: the pack makes its own when it is exported.');
  if (n('footnotes')) changed(`${plural(n('footnotes'), 'footnote')} ${n('footnotes') === 1 ? 'is' : 'are'} put at the end of ${n('footnotes') === 1 ? 'its section' : 'their sections'} as numbered notes, under “Notes”.`);
  if (n('endnotes')) changed(`${plural(n('endnotes'), 'endnote')} ${n('endnotes') === 1 ? 'is' : 'are'} put at the end of the last section, under “Endnotes”.`);
  if (n('picture-too-large')) dropped(`${plural(n('picture-too-large'), 'picture is', 'pictures are')} larger than 5 MB and left out${examples(tally, 'picture-too-large')}. Compress the pictures in Word to keep them.`);
  if (n('picture-format')) dropped(`${plural(n('picture-format'), 'picture is', 'pictures are')} not PNG or JPEG and left out${examples(tally, 'picture-format')}.`);
  if (n('picture-linked')) dropped(`${plural(n('picture-linked'), 'picture is', 'pictures are')} linked to a file outside the document rather than stored in it, and left out${examples(tally, 'picture-linked')}. Nothing outside the document is opened.`);
  if (n('picture-missing')) dropped(`${plural(n('picture-missing'), 'picture is', 'pictures are')} missing from the file and left out.`);
  if (n('chart')) dropped(`${plural(n('chart'), 'chart is', 'charts are')} left out${examples(tally, 'chart')}: paste a picture of ${n('chart') === 1 ? 'it' : 'them'}, with alt text, if it is needed.`);
  if (n('smartart')) dropped(`${plural(n('smartart'), 'SmartArt graphic is', 'SmartArt graphics are')} left out${examples(tally, 'smartart')}.`);
  if (n('shape')) dropped(`${plural(n('shape'), 'drawn shape is', 'drawn shapes are')} left out.`);
  if (n('embedded-object')) dropped(`${plural(n('embedded-object'), 'embedded object (such as a spreadsheet) is', 'embedded objects (such as spreadsheets) are')} left out.`);
  if (n('embedded-content')) dropped(`${plural(n('embedded-content'), 'piece of embedded content is', 'pieces of embedded content are')} left out.`);
  if (n('symbol')) dropped(`${plural(n('symbol'), 'symbol from a symbol font is', 'symbols from symbol fonts are')} left out.`);
  if (n('equation')) changed(`${plural(n('equation'), 'equation is', 'equations are')} brought in as plain text.`);
  if (n('text-box')) changed(`Text from ${plural(n('text-box'), 'text box', 'text boxes').toLowerCase()} is placed as ordinary paragraphs after the paragraph ${n('text-box') === 1 ? 'it was' : 'they were'} anchored to.`);
  if (n('hidden')) dropped(`${plural(n('hidden'), 'paragraph of hidden text is', 'paragraphs of hidden text are')} left out.`);
  if (n('link-scheme')) changed(`${plural(n('link-scheme'), 'link is', 'links are')} not a web or email address and ${n('link-scheme') === 1 ? 'becomes' : 'become'} plain text${examples(tally, 'link-scheme')}.`);
  if (n('link-internal')) changed(`${plural(n('link-internal'), 'link', 'links')} to places inside the document ${n('link-internal') === 1 ? 'becomes' : 'become'} plain text.`);
  if (n('merged-cells')) changed(`${plural(n('merged-cells'), 'table has', 'tables have')} merged cells; they are split so the table reads correctly (the text goes in the first cell).`);
  if (n('nested-table')) changed(`${plural(n('nested-table'), 'table inside a table cell is', 'tables inside table cells are')} turned into lines of text.`);
  if (n('heading-lifted')) changed(`${plural(n('heading-lifted'), 'heading skipped', 'headings skipped')} a level and ${n('heading-lifted') === 1 ? 'is' : 'are'} moved up one, so the outline has no gaps${examples(tally, 'heading-lifted')}.`);
  if (n('heading-deep')) changed(`${plural(n('heading-deep'), 'heading is', 'headings are')} deeper than a section allows and ${n('heading-deep') === 1 ? 'is' : 'are'} kept at the deepest level${examples(tally, 'heading-deep')}.`);
  if (n('numbered-heading')) changed('Word’s heading numbers (1, 1.1, …) are not kept as text.');
  if (n('council-name')) dropped('The council name line on the front sheet is left out: the house style adds it when the pack is exported.');
  if (n('draft-marking')) dropped(`The front sheet’s marking (“${tally.examples('draft-marking')[0] ?? 'DRAFT'}”) is left out: Briefing Studio prints it itself while a pack is not approved.`);
  if (n('logo')) dropped('The picture before the title (a logo) is left out: the house style adds the logo when the pack is exported.');
  if (n('status')) changed(`The document’s status (“${tally.examples('status')[0] ?? ''}”) is not copied: an imported pack starts as a draft.`);
  if (doc.headers.some((h) => h.text.trim())) dropped('Page headers and footers are left out (their classification marking is read into the front sheet).');
  changed('Fonts, colours, sizes and other direct formatting are dropped, as when pasting; bold, italic, underline, strikethrough, superscript and subscript are kept.');
  const noAlt = n('picture-no-alt');
  if (noAlt) notes.push({ kind: 'accessibility', message: `${plural(noAlt, 'picture has', 'pictures have')} no alt text: the accessibility check will ask for it.` });
  return notes;
}

import { describe, expect, it } from 'vitest';
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { readDocx } from '../../electron/docx/readDocx.js';
import { viewOffset } from '../../electron/docx/anchors.js';
import type { DocxParagraph } from '../../electron/docx/types.js';

/**
 * The DOCX reader's report of what a reviewer added (the part "back from Word" builds on):
 * comments with their anchors, replies and resolved state, and tracked changes with author,
 * date and place. The documents are written by the docx library, independently of the reader.
 */
const REVIEWER = { author: 'Pat Reviewer', date: '2026-11-20T10:00:00Z' };

async function reviewedDocument(): Promise<Uint8Array> {
  const doc = new Document({
    comments: {
      children: [
        { id: 0, author: 'Sam Officer', initials: 'SO', date: new Date('2026-11-19T09:00:00Z'), resolved: true, children: [new Paragraph('Say how much.')] },
        { id: 1, author: 'Pat Reviewer', parentId: 0, date: new Date('2026-11-19T11:00:00Z'), children: [new Paragraph('£2m, see the budget report.')] },
        { id: 2, author: 'Sam Officer', children: [new Paragraph('Which wards?')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun('The council will '),
              new CommentRangeStart(0),
              new CommentRangeStart(1),
              new TextRun('invest in retrofit'),
              new CommentRangeEnd(0),
              new CommentRangeEnd(1),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun({ children: [new CommentReference(1)] }),
              new TextRun(' across '),
              new DeletedTextRun({ id: 5, ...REVIEWER, text: 'three' }),
              new InsertedTextRun({ id: 6, ...REVIEWER, text: 'five' }),
              new TextRun(' wards.'),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Ward')] }), new TableCell({ children: [new Paragraph('Homes')] })] }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph({ children: [new CommentRangeStart(2), new TextRun('Bootle')] })] }),
                  new TableCell({ children: [new Paragraph({ children: [new TextRun('1,200'), new CommentRangeEnd(2), new TextRun({ children: [new CommentReference(2)] })] })] }),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun('Next steps follow.')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('DOCX reader: comments and tracked changes', () => {
  it('reports each comment with its author, date, text, reply parent, resolved state and anchor', async () => {
    const doc = readDocx(await reviewedDocument());
    expect(doc.comments.map((c) => [c.id, c.author, c.text])).toEqual([
      ['0', 'Sam Officer', 'Say how much.'],
      ['1', 'Pat Reviewer', '£2m, see the budget report.'],
      ['2', 'Sam Officer', 'Which wards?'],
    ]);
    const [first, reply, cell] = doc.comments;
    expect(first!.initials).toBe('SO');
    expect(first!.date).toMatch(/^2026-11-19T09:00:00/);
    expect(first!.resolved).toBe(true);
    expect(first!.parentId).toBeNull();
    expect(reply!.parentId).toBe('0');
    expect(reply!.resolved).toBe(false);
    // The anchor: the commented words, and the original text either side to find them again.
    expect(first!.anchor).toMatchObject({ start: { paragraph: 0, offset: 17 }, end: { paragraph: 0, offset: 35 }, text: 'invest in retrofit', before: 'The council will ', after: ' across three wards.\nWard\nHomes\nBootle\n1' });
    expect(first!.anchor!.after).toHaveLength(40); // ANCHOR_CONTEXT characters, across paragraph breaks
    expect(reply!.anchor?.text).toBe('invest in retrofit');
    // A comment across two table cells: two paragraphs of the body, joined by a line break.
    expect(cell!.anchor?.text).toBe('Bootle\n1,200');
    expect(doc.paragraphs[cell!.anchor!.start.paragraph]!.text).toBe('Bootle');
  });

  it('reports each tracked change with its author, date, text and place, and both views of the paragraph', async () => {
    const doc = readDocx(await reviewedDocument());
    const p = doc.paragraphs[0] as DocxParagraph;
    expect(p.text).toBe('The council will invest in retrofit across threefive wards.');
    expect(p.original).toBe('The council will invest in retrofit across three wards.');
    expect(p.accepted).toBe('The council will invest in retrofit across five wards.');
    expect(doc.revisions.map((r) => ({ id: r.id, kind: r.kind, author: r.author, date: r.date, text: r.text, scope: r.scope }))).toEqual([
      { id: '5', kind: 'deletion', ...REVIEWER, text: 'three', scope: 'text' },
      { id: '6', kind: 'insertion', ...REVIEWER, text: 'five', scope: 'text' },
    ]);
    const [deletion, insertion] = doc.revisions;
    expect(deletion!.anchor).toMatchObject({ start: { paragraph: 0, offset: 43 }, end: { paragraph: 0, offset: 48 }, before: ' council will invest in retrofit across ' });
    expect(insertion!.anchor).toMatchObject({ start: { paragraph: 0, offset: 48 }, end: { paragraph: 0, offset: 52 }, after: ' wards.\nWard\nHomes\nBootle\n1,200\nNext ste' });
    // Offsets convert between the views: after the insertion, the original text is 4 characters shorter.
    expect(viewOffset(p, 52, 'original')).toBe(48);
    expect(viewOffset(p, 52, 'accepted')).toBe(47);
    expect(p.accepted.slice(viewOffset(p, 48, 'accepted'), viewOffset(p, 52, 'accepted'))).toBe('five');
  });

  it('counts list numbers as Word does: start values, restarts, and lists that carry on after a paragraph', async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: 'recs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 3 }, { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', start: 1 }] }],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Three', numbering: { reference: 'recs', level: 0, instance: 1 } }),
            new Paragraph({ text: 'Three a', numbering: { reference: 'recs', level: 1, instance: 1 } }),
            new Paragraph({ text: 'Three b', numbering: { reference: 'recs', level: 1, instance: 1 } }),
            new Paragraph({ text: 'Four', numbering: { reference: 'recs', level: 0, instance: 1 } }),
            new Paragraph({ text: 'Four a (restarted)', numbering: { reference: 'recs', level: 1, instance: 1 } }),
            new Paragraph('A paragraph between.'),
            new Paragraph({ text: 'Five (carries on)', numbering: { reference: 'recs', level: 0, instance: 1 } }),
            new Paragraph({ text: 'Three again (new instance restarts)', numbering: { reference: 'recs', level: 0, instance: 2 } }),
          ],
        },
      ],
    });
    const read = readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(read.paragraphs.map((p) => (p.list ? `${p.list.level}:${p.list.number}:${p.list.format} ${p.text}` : p.text))).toEqual([
      '0:3:decimal Three',
      '1:1:lowerLetter Three a',
      '1:2:lowerLetter Three b',
      '0:4:decimal Four',
      '1:1:lowerLetter Four a (restarted)',
      'A paragraph between.',
      '0:5:decimal Five (carries on)',
      '0:3:decimal Three again (new instance restarts)',
    ]);
  });
});

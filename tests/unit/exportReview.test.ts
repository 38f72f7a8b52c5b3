import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { expectValidDocx } from '../support/ooxml/validateDocx.js';
import { reviewedPack, settledPack } from '../support/reviewPack.js';
import { recordSignOff } from '../../shared/clearance/recordSignOff.js';

/**
 * "With comments and tracked changes" (issue 14, point 6): the pack's threads as Word comments
 * with replies and resolved state, its suggestions as w:ins / w:del with author and date, whole
 * paragraphs as paragraph-mark revisions. Read back three independent ways: the unzipped XML,
 * python-docx, and LibreOffice (its ODT's tracked changes and annotations, and a PDF with the
 * comments as annotations); every part validated against the OOXML schemas.
 */
const run = promisify(execFile);
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : null;

let dir: string;
let markupFile: string;
let parts: Record<string, string>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'export-review-'));
  const { buffer } = await exportPackToDocx({ pack: reviewedPack(), options: { review: 'markup' } });
  markupFile = path.join(dir, 'review.docx');
  await fs.writeFile(markupFile, buffer);
  const zip = unzipSync(new Uint8Array(buffer));
  parts = Object.fromEntries(Object.entries(zip).filter(([name]) => name.endsWith('.xml')).map(([name, bytes]) => [name, strFromU8(bytes)]));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function xml(part: string) {
  return new DOMParser().parseFromString(parts[part]!, 'text/xml');
}
function all(doc: Document, ns: string, local: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, local));
}
function textOf(el: Element): string {
  return all(el as unknown as Document, W, 't').map((t) => t.textContent).join('') + all(el as unknown as Document, W, 'delText').map((t) => t.textContent).join('');
}

describe('export with comments and tracked changes: the XML', () => {
  it('every part is valid OOXML, comments and commentsExtended included', () => {
    const reports = expectValidDocx(markupFile, 'The review export');
    const names = reports.map((r) => r.part);
    expect(names).toContain('word/comments.xml');
    expect(names).toContain('word/commentsExtended.xml');
  });

  it('writes each comment with author and date, replies threaded to their parent, resolved threads done', () => {
    const comments = all(xml('word/comments.xml'), W, 'comment').map((c) => ({ id: c.getAttributeNS(W, 'id'), author: c.getAttributeNS(W, 'author'), date: c.getAttributeNS(W, 'date'), text: textOf(c), paraId: c.getElementsByTagNameNS(W, 'p')[0]!.getAttribute('w14:paraId') }));
    // In the order they sit in the document: the section comment is on the heading of "Risks".
    expect(comments.map((c) => [c.author, c.text])).toEqual([
      ['Alice Reviewer', 'Which evidence? Please name the survey.'],
      ['Bob Legal', 'The 2025 skills survey.'],
      ['Bob Legal', 'This section needs a legal risk.'],
      ['Bob Legal', 'Say which year.'],
    ]);
    expect(comments[0]!.date).toMatch(/^2026-11-30T09:00:00/);
    const ex = all(xml('word/commentsExtended.xml'), W15, 'commentEx').map((e) => ({ paraId: e.getAttributeNS(W15, 'paraId'), parent: e.getAttributeNS(W15, 'paraIdParent') || null, done: e.getAttributeNS(W15, 'done') }));
    const byPara = new Map(ex.map((e) => [e.paraId, e]));
    expect(byPara.get(comments[1]!.paraId!)!.parent).toBe(comments[0]!.paraId);
    expect(byPara.get(comments[0]!.paraId!)!.parent).toBeNull();
    expect(byPara.get(comments[3]!.paraId!)!.done).toBe('1'); // t2 is resolved
    expect(byPara.get(comments[0]!.paraId!)!.done).not.toBe('1');
    expect(byPara.get(comments[2]!.paraId!)!.done).not.toBe('1');
  });

  it('puts each comment range round the right text; a section comment on the section heading', () => {
    const body = parts['word/document.xml']!;
    // The range of comment 0 (and its reply, 1) holds exactly "local evidence".
    const range = /<w:commentRangeStart w:id="0"\/><w:commentRangeStart w:id="1"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/.exec(body)![1]!;
    expect(range.replace(/<[^>]+>/g, '')).toBe('local evidence');
    const onHeading = /<w:commentRangeStart w:id="2"\/>(.*?)<w:commentRangeEnd w:id="2"\/>/.exec(body)![1]!;
    expect(onHeading.replace(/<[^>]+>/g, '')).toBe('Risks');
    const second = /<w:commentRangeStart w:id="3"\/>(.*?)<w:commentRangeEnd w:id="3"\/>/.exec(body)![1]!;
    expect(second.replace(/<[^>]+>/g, '')).toBe('the second year');
    for (const id of ['0', '1', '2', '3']) expect(body).toContain(`<w:commentReference w:id="${id}"/>`);
  });

  it('writes suggestions as w:ins / w:del with author and date, whole paragraphs with their paragraph mark', () => {
    const doc = xml('word/document.xml');
    const body = doc.getElementsByTagNameNS(W, 'body')[0]!;
    const runs = (local: string) => all(body as unknown as Document, W, local).filter((e) => e.parentNode!.nodeName !== 'w:rPr');
    const ins = runs('ins').map((e) => [e.getAttributeNS(W, 'author'), e.getAttributeNS(W, 'date'), textOf(e)]);
    const del = runs('del').map((e) => [e.getAttributeNS(W, 'author'), e.getAttributeNS(W, 'date'), textOf(e)]);
    expect(ins).toEqual([
      ['Alice Reviewer', '2026-11-30T09:10:00Z', 'and skills '],
      ['Alice Reviewer', '2026-11-30T09:40:00Z', 'A new paragraph proposed by finance.'],
    ]);
    expect(del).toEqual([
      ['Bob Legal', '2026-11-30T09:20:00Z', 'very strongly '],
      ['Bob Legal', '2026-11-30T09:50:00Z', 'An old paragraph legal would remove.'],
    ]);
    // Paragraph marks: pPr/rPr/ins on the new paragraph, pPr/rPr/del on the removed one.
    const markRevisions = all(body as unknown as Document, W, 'rPr')
      .filter((r) => r.parentNode!.nodeName === 'w:pPr')
      .flatMap((r) => Array.from(r.childNodes).filter((n) => n.nodeName === 'w:ins' || n.nodeName === 'w:del').map((n) => [n.nodeName, textOf(r.parentNode!.parentNode as Element)]));
    expect(markRevisions).toEqual([
      ['w:ins', 'A new paragraph proposed by finance.'],
      ['w:del', 'An old paragraph legal would remove.'],
    ]);
    // Revision ids are unique.
    const ids = [...runs('ins'), ...runs('del')].map((e) => e.getAttributeNS(W, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    // The copy opens with Track Changes on, so reviewers' edits come back tracked.
    expect(parts['word/settings.xml']).toContain('<w:trackRevisions/>');
  });
});

describe('export modes', () => {
  it('Final refuses open suggestions and says where; once settled it has no comments and no revisions', async () => {
    await expect(exportPackToDocx({ pack: reviewedPack(), options: { review: 'final' } })).rejects.toThrow(/4 suggested changes are still open[\s\S]*Section 1 “Summary”, paragraph 1: Suggested insertion “and skills” is still open/);
    await expect(exportPackToDocx({ pack: reviewedPack() })).rejects.toThrow(/still open/);
    const { buffer } = await exportPackToDocx({ pack: settledPack(), options: { review: 'final' } });
    expectValidDocx(buffer, 'The final export');
    const zip = unzipSync(new Uint8Array(buffer));
    expect(zip['word/comments.xml']).toBeUndefined();
    const body = strFromU8(zip['word/document.xml']!);
    expect(body).not.toMatch(/<w:(ins|del|commentRangeStart)\b/);
    expect(body.replace(/<[^>]+>/g, '')).toContain('The borough will gather local evidence on jobs and skills before the meeting.');
  });

  it('markup is refused for the public version of a report with exempt parts', async () => {
    const pack = reviewedPack();
    pack.sections[1]!.exempt = { paragraph: 3 };
    await expect(exportPackToDocx({ pack, options: { review: 'markup', version: 'public' } })).rejects.toThrow(/never published/);
  });

  it('the front matter ends with the consultation paragraph from the sign-offs', async () => {
    for (const version of ['full', 'public'] as const) {
      let pack = settledPack();
      // In the public version the exempt part is withheld; the paragraph still stands, judged on the whole report.
      if (version === 'public') pack.sections[1]!.exempt = { paragraph: 3 };
      pack = recordSignOff(pack, { requirementId: 's151', by: { name: 'S', role: 'Executive Director of Corporate Resources and Customer Services' }, decision: 'cleared', reference: 'FD 1234/26', comment: '' });
      pack = recordSignOff(pack, { requirementId: 'monitoring-officer', by: { name: 'D', role: 'Chief Legal and Democratic Officer' }, decision: 'cleared', reference: 'LD 5678/26', comment: '' });
      const { buffer } = await exportPackToDocx({ pack, options: { review: 'final', version } });
      const text = strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml']!).replace(/<[^>]+>/g, '');
      expect(text).toContain('Consultation: The Executive Director of Corporate Resources and Customer Services (FD 1234/26) and the Chief Legal and Democratic Officer (LD 5678/26) have been consulted and any comments have been incorporated in the report.');
    }
  });
});

describe.skipIf(!python)('read back by python-docx', () => {
  it('python-docx opens it and finds the comments, replies and revisions', async () => {
    const script = `
import sys, json, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = d.element.body
out = {
  'paragraphs': [p.text for p in d.paragraphs],
  'ins': [''.join(t.text for t in e.iter(qn('w:t'))) for e in body.iter(qn('w:ins')) if e.getparent().tag != qn('w:rPr')],
  'del': [''.join(t.text for t in e.iter(qn('w:delText'))) for e in body.iter(qn('w:del')) if e.getparent().tag != qn('w:rPr')],
  'authors': sorted({e.get(qn('w:author')) for e in body.iter(qn('w:ins'))}),
}
part = [p for p in d.part.package.parts if str(p.partname) == '/word/comments.xml'][0]
from lxml import etree
root = etree.fromstring(part.blob)
out['comments'] = [''.join(c.itertext()) for c in root.iter(qn('w:comment'))]
print(json.dumps(out))
`;
    const { stdout } = await run(python!, ['-c', script, markupFile]);
    const got = JSON.parse(stdout);
    expect(got.ins).toEqual(['and skills ', 'A new paragraph proposed by finance.']);
    expect(got.del).toEqual(['very strongly ', 'An old paragraph legal would remove.']);
    expect(got.authors).toEqual(['Alice Reviewer']);
    expect(got.comments).toEqual(['Which evidence? Please name the survey.', 'The 2025 skills survey.', 'This section needs a legal risk.', 'Say which year.']);
    expect(got.paragraphs).toContain('Risks');
  });
});

describe.skipIf(!soffice)('LibreOffice opens it and shows the comments and changes', () => {
  it('its ODT has the tracked changes and annotations; its PDF has the comments as annotations', { timeout: 240_000 }, async () => {
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    await run(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'odt', '--outdir', dir, markupFile], { timeout: 180_000 });
    const odt = unzipSync(new Uint8Array(await fs.readFile(path.join(dir, 'review.odt'))));
    const content = strFromU8(odt['content.xml']!);
    const regions = [...content.matchAll(/<text:changed-region[^>]*>([\s\S]*?)<\/text:changed-region>/g)].map((m) => m[1]!);
    expect(regions.filter((r) => r.includes('<text:insertion>')).length).toBeGreaterThanOrEqual(2);
    const deletions = regions.filter((r) => r.includes('<text:deletion>')).map((r) => r.replace(/<text:changed-info>[\s\S]*?<\/text:changed-info>/, '').replace(/<[^>]+>/g, ''));
    expect(deletions.join('|')).toContain('very strongly');
    expect(regions.join('')).toContain('<dc:creator>Alice Reviewer</dc:creator>');
    const annotations = [...content.matchAll(/<office:annotation\b[\s\S]*?<\/office:annotation>/g)].map((m) => m[0]);
    expect(annotations.length).toBe(4);
    expect(annotations.join('')).toContain('Which evidence? Please name the survey.');
    expect(annotations.some((a) => a.includes('<dc:creator>Bob Legal</dc:creator>') && a.includes('The 2025 skills survey.'))).toBe(true);

    const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';
    await run(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', dir, markupFile], { timeout: 180_000 });
    const pdf = path.join(dir, 'review.pdf');
    const { stdout } = await run('qpdf', ['--json=2', '--json-key=qpdf', pdf], { maxBuffer: 64 * 1024 * 1024 });
    const objects = Object.values(JSON.parse(stdout).qpdf[1] as Record<string, { value?: Record<string, unknown> }>);
    const notes = objects.map((o) => o.value).filter((v): v is Record<string, string> => !!v && v['/Subtype'] === '/Text');
    const plain = (s: string | undefined) => (s ?? '').replace(/^u:/, '');
    expect(notes.map((n) => plain(n['/Contents']))).toEqual(expect.arrayContaining(['Which evidence? Please name the survey.', 'The 2025 skills survey.', 'This section needs a legal risk.', 'Say which year.']));
    // LibreOffice shows the resolved thread as resolved.
    expect(notes.find((n) => plain(n['/Contents']) === 'Say which year.')!['/T']).toMatch(/^u:Bob Legal, .*RESOLVED$/);
  });
});

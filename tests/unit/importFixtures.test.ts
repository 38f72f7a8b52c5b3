import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDocx } from '../../electron/import/importDocx.js';
import { importedPack } from '../../electron/import/buildPack.js';
import { BUILT_IN_TEMPLATES } from '../../electron/templates/builtInDefinitions.js';
import { packStructure, type Canon } from '../support/packStructure.js';

/**
 * Word documents made by independent writers (tests/fixtures/import/makeFixtures.ts: the docx
 * library, LibreOffice from HTML and from OpenDocument, pandoc from Markdown), each imported
 * and compared with its expected pack JSON beside it (`UPDATE_GOLDEN=1` rewrites those after a
 * deliberate change). The checks after each comparison name the points of the issue the
 * document covers, so they hold whatever the expected file says.
 */
const DIR = path.resolve('tests/fixtures/import');

function importFixture(name: string, template = null as (typeof BUILT_IN_TEMPLATES)[number] | null, restInto: number | null = null) {
  const doc = analyseDocx(readFileSync(path.join(DIR, name)), name);
  const pack = importedPack(doc, { template, restInto }, undefined, new Date('2026-11-01T09:00:00Z'));
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = pack;
  const result = {
    frontSheet: rest.frontSheet,
    template: rest.template ?? null,
    sections: packStructure(pack).map((s, i) => ({ ...s, gamechangerId: pack.sections[i]!.gamechangerId ?? null })),
    fills: doc.analysis.fills,
    notes: doc.analysis.notes.map((n) => `${n.kind}: ${n.message}`),
  };
  return { doc, pack, result };
}

function expectGolden(name: string, result: unknown) {
  const file = path.join(DIR, `${name}.expected.json`);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every node of a type, depth first. */
function nodes(content: Canon[], t: string, out: Canon[] = []): Canon[] {
  for (const node of content) {
    if (node.t === t) out.push(node);
    if (Array.isArray(node.children)) nodes(node.children as Canon[], t, out);
  }
  return out;
}
const textOf = (node: Canon): string => (node.t === 'text' ? (node.text as string) : ((node.children as Canon[] | undefined) ?? []).map(textOf).join(''));
const formatOf = (content: Canon[], text: string) => nodes(content, 'text').find((n) => n.text === text)?.format;

describe('fixtures from independent writers', () => {
  it('docx library: front-sheet table, marking in the header, headings, marks, lists, merged cells, links, pictures, footnote, tracked changes', () => {
    const { result, pack } = importFixture('docx-library-report.docx');
    expectGolden('docx-library-report', result);
    const sheet = pack.frontSheet;
    expect(sheet).toMatchObject({
      title: 'Retrofit of council homes',
      meeting: { name: 'Cabinet', date: '2026-12-03' },
      reportOf: 'Director of Housing',
      leadCabinetMember: 'Cabinet Member for Housing',
      wardsAffected: ['Bootle', 'Linacre', 'Netherton & Orrell'],
      keyDecision: { isKeyDecision: true, forwardPlanRef: 'FP/2026/077' },
      access: { exempt: true, schedule12aParagraph: 3 },
      contactOfficer: { name: 'Alex Officer', phone: '0151 934 2000', email: 'alex.officer@example.gov.uk' },
      classification: 'OFFICIAL-SENSITIVE',
      status: 'draft',
    });
    const [intro, summary, recs, delivery] = result.sections;
    expect(result.sections.map((s) => s.title)).toEqual(['Introduction', 'Summary', 'Recommendations', 'Delivery']);
    // The front-sheet row that names no field is kept as text, not lost.
    expect(textOf(intro!.content[0]!)).toBe('Report author: Housing Policy Team');
    expect([formatOf(summary!.content, '2,000'), formatOf(summary!.content, 'starting now'), formatOf(summary!.content, 'with care'), formatOf(summary!.content, 'not later'), formatOf(summary!.content, '2'), formatOf(summary!.content, '4')]).toEqual([1, 2, 8, 4, 32, 64]);
    // Tracked changes accepted; the footnote as a numbered note at the end of its section.
    expect(nodes(summary!.content, 'paragraph').map(textOf)).toContain('The budget is £12m over five years.');
    expect(nodes(summary!.content, 'quote').map(textOf)).toEqual(['Warm homes are healthy homes.']);
    expect(textOf(summary!.content.at(-2)!)).toBe('Notes');
    expect(summary!.content.at(-1)).toMatchObject({ t: 'list', listType: 'number', start: 1 });
    expect(textOf(summary!.content.at(-1)!)).toBe('Stock condition survey, 2025.');
    // Lists: Word's second instance restarts at 1; a start value of 3; a nested bullet list.
    expect(nodes(recs!.content, 'list').map((l) => [l.listType, l.start, nodes([l], 'listitem').length])).toEqual([['number', 1, 2], ['number', 1, 1]]);
    const steps = nodes(delivery!.content, 'list')[0]!;
    expect([steps.listType, steps.start]).toEqual(['number', 3]);
    expect(nodes([steps], 'list')[1]).toMatchObject({ listType: 'bullet' });
    // Heading 3 straight after Heading 1 is lifted to h2; the outline-level paragraph is a heading too.
    expect(nodes(delivery!.content, 'heading').map((h) => `${h.tag} ${textOf(h)}`)).toEqual(['h2 Phasing (a skipped level)', 'h2 Costs', 'h3 Outline level, not a heading style', 'h4 Contractors']);
    // Merged cells split: every row has three cells; the header row is marked.
    const table = nodes(delivery!.content, 'table')[0]!;
    expect((table.children as Canon[]).map((r) => (r.children as Canon[]).map((c) => `${c.header ? 'H:' : ''}${textOf(c)}`))).toEqual([
      ['H:Measure', 'H:Cost per home', 'H:'],
      ['Insulation', 'Loft', '£1,200'],
      ['', 'Wall', '£8,000'],
    ]);
    expect(nodes(delivery!.content, 'link').map((l) => l.url)).toEqual(['https://www.example.gov.uk/retrofit', 'mailto:housing@example.gov.uk']);
    expect(nodes(delivery!.content, 'paragraph').map(textOf)).toContain('See the retrofit page, email housing or open the contractor list.');
    expect(nodes(delivery!.content, 'image').map((i) => [i.altText, i.width, i.height])).toEqual([['Homes retrofitted each year', 80, 40], ['', null, null]]);
    expect(result.notes.some((n) => n.includes('no alt text'))).toBe(true);
  });

  it('LibreOffice from HTML: labelled front-matter paragraphs, marks, a list starting at 4 with a nested list, a header row, links, a picture', () => {
    const { result, pack } = importFixture('libreoffice-from-html.docx');
    expectGolden('libreoffice-from-html', result);
    expect(pack.frontSheet).toMatchObject({
      title: 'Town centre regeneration: Bootle',
      meeting: { name: 'Cabinet', date: '2026-12-03' },
      reportOf: 'Executive Director of Place',
      leadCabinetMember: 'Cabinet Member for Regeneration and Skills',
      wardsAffected: ['Linacre', 'Derby', 'Netherton & Orrell'],
      keyDecision: { isKeyDecision: true, forwardPlanRef: 'FP/2026/118' },
      access: { exempt: false, schedule12aParagraph: null },
      contactOfficer: { name: 'Jo Planner', phone: '0151 934 4000', email: 'jo.planner@example.gov.uk' },
    });
    const [summary, recs] = result.sections;
    expect([formatOf(summary!.content, 'bold'), formatOf(summary!.content, 'careful'), formatOf(summary!.content, 'underlined'), formatOf(summary!.content, 'not struck'), formatOf(summary!.content, '2'), formatOf(summary!.content, '3')]).toEqual([1, 2, 8, 4, 32, 64]);
    expect(nodes(summary!.content, 'link').map((l) => l.url)).toEqual(['https://www.example.gov.uk/bootle', 'mailto:regeneration@example.gov.uk']);
    const list = nodes(recs!.content, 'list');
    expect(list.map((l) => [l.listType, l.start])).toEqual([['number', 4], ['bullet', 1]]);
    expect(nodes(recs!.content, 'heading').map((h) => `${h.tag} ${textOf(h)}`)).toEqual(['h2 Evidence', 'h3 Footfall']);
    expect(nodes(nodes(recs!.content, 'table'), 'tablecell').filter((c) => c.header).map(textOf)).toEqual(['Ward', 'Empty shops']);
    expect(nodes(recs!.content, 'image')).toHaveLength(1);
  });

  it('LibreOffice from OpenDocument: headings by outline level, tracked changes, a comment, a footnote, merged header cells, OFFICIAL in the header', () => {
    const { result, pack, doc } = importFixture('libreoffice-from-odt.docx');
    expectGolden('libreoffice-from-odt', result);
    expect(pack.frontSheet.classification).toBe('OFFICIAL');
    expect(result.sections.map((s) => s.title)).toEqual(['The local angle', 'What we ask of Government']);
    const texts = nodes(result.sections[0]!.content, 'paragraph').map(textOf);
    expect(texts[0]).toBe('People in the borough live about twelve fewer years in good health.1');
    expect(doc.analysis.notes.map((n) => n.message).join(' ')).toMatch(/2 tracked changes were accepted.*One comment is not brought in/);
    expect(nodes(result.sections[0]!.content, 'heading').map(textOf)).toEqual(['Local evidence']);
  });

  it('pandoc: title block, labelled front matter, a list starting at 3, a pipe table, super/subscript, a quote, a footnote and a picture with alt text', () => {
    const { result, pack } = importFixture('pandoc-report.docx');
    expectGolden('pandoc-report', result);
    expect(pack.frontSheet).toMatchObject({
      title: 'Digital connectivity in Sefton',
      meeting: { name: 'Cabinet', date: '2027-01-14' },
      leadCabinetMember: 'Cabinet Member for Communities',
      wardsAffected: ['All'],
      keyDecision: { isKeyDecision: false },
      access: { exempt: true, schedule12aParagraph: 3 },
      contactOfficer: { name: 'Lee Analyst', phone: '0151 934 5000', email: 'lee.analyst@example.gov.uk' },
    });
    const [intro, proposals] = result.sections;
    expect([formatOf(intro!.content, 'uneven'), formatOf(intro!.content, 'improving'), formatOf(intro!.content, '+'), formatOf(intro!.content, '2')]).toEqual([2, 4, 64, 32]);
    expect(nodes(intro!.content, 'quote').map(textOf)).toEqual(['Connectivity is the fourth utility.']);
    expect(textOf(intro!.content.at(-1)!)).toBe('Ofcom Connected Nations, 2026.');
    expect(nodes(proposals!.content, 'list').map((l) => [l.listType, l.start])).toEqual([['number', 3], ['bullet', 1]]);
    expect(nodes(proposals!.content, 'link').map((l) => l.url)).toEqual(['https://www.gov.uk/guidance/digital-connectivity']);
    expect(nodes(proposals!.content, 'image').map((i) => i.altText)).toEqual(['Coverage map of the borough']);
    expect(nodes(nodes(proposals!.content, 'table'), 'tablecell').filter((c) => c.header).map(textOf)).toEqual(['Ward', 'Homes passed']);
  });

  it('into the gamechangers template: headings go to the sections with the same title, the rest to the chosen section', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'builtin-gamechangers')!;
    const recommendations = template.sections.findIndex((s) => s.title === 'Recommendations');
    const { pack, result } = importFixture('docx-library-report.docx', template, recommendations);
    expectGolden('docx-library-report.gamechangers', result);
    expect(pack.template?.id).toBe('builtin-gamechangers');
    expect(pack.sections.map((s) => s.title)).toEqual(template.sections.map((s) => s.title));
    // "Summary" matches "Introduction and summary": its content goes there, without a heading of its own.
    expect(textOf(result.sections[0]!.content[0]!)).toMatch(/^We will retrofit 2,000 homes/);
    // "Recommendations" matches its section; the parts that match nothing follow it there, "Delivery" under its own heading.
    const recs = result.sections[recommendations]!;
    expect(recs.content.map((n) => n.t).slice(0, 2)).toEqual(['paragraph', 'list']); // in document order: the front-sheet row, then the recommendations
    expect(nodes(recs.content, 'heading').map((h) => `${h.tag} ${textOf(h)}`)).toEqual(['h2 Delivery', 'h3 Phasing (a skipped level)', 'h3 Costs', 'h4 Outline level, not a heading style', 'h4 Contractors']);
    expect(textOf(recs.content[0]!)).toBe('Report author: Housing Policy Team');
    // Template sections keep their guidance and gamechanger; those given nothing stay as the template made them.
    expect(pack.sections[1]!.gamechangerId).toBe('green-industrial-revolution');
    expect(pack.sections[1]!.guidance).toContain('What this gamechanger is about');
    expect(pack.frontSheet.meeting.name).toBe('Cabinet');
  });
});

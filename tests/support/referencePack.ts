import { wordCountOf } from '../../shared/richtext/wordCount.js';
import { GAMECHANGERS } from '../../shared/gamechangers/index.js';
import { newPack } from '../../shared/pack/defaults.js';
import type { Pack, Section } from '../../shared/pack/schema.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../shared/richtext/serialized.js';

/**
 * The one deterministic reference pack for the editor and export benchmarks and the golden test:
 * about 55,000 words in 5 gamechanger sections (plus summary and recommendations), 50 tables,
 * 50 lists (some nested, bullet and numbered), sub-headings, links and inline formatting.
 */
export const REFERENCE_TARGET_WORDS = 55_000;
export const REFERENCE_TABLES = 50;
export const REFERENCE_LISTS = 50;

/** Mulberry32: a tiny seeded PRNG so every run builds the same pack. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'borough residents council investment skills apprenticeships coast retrofit homes energy jobs health prevention care ' +
  'transport rail bus broadband towns centres regeneration research universities innovation business growth partners ' +
  'evidence outcomes communities wards children adults employers colleges schools attainment gap productivity funding ' +
  'government offer ask deliver programme pilot capacity network services local regional northern sustainable resilient ' +
  'confident connected natural environment climate carbon heat insulation hydrogen offshore wind port logistics digital'
).split(' ');

const ELEMENT = { direction: 'ltr', format: '', indent: 0, version: 1 };

export function text(value: string, format = 0): SerializedNodeJson {
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}
export function paragraph(children: SerializedNodeJson[]): SerializedNodeJson {
  return { type: 'paragraph', ...ELEMENT, textFormat: 0, textStyle: '', children };
}
export function heading(tag: 'h2' | 'h3' | 'h4', value: string): SerializedNodeJson {
  return { type: 'heading', ...ELEMENT, tag, children: [text(value)] };
}
export function link(url: string, value: string): SerializedNodeJson {
  return { type: 'link', ...ELEMENT, url, rel: 'noreferrer', target: null, title: null, children: [text(value)] };
}
export function listNode(listType: 'bullet' | 'number', items: Array<string | SerializedNodeJson>): SerializedNodeJson {
  let value = 1;
  const children = items.map((item) =>
    typeof item === 'string'
      ? { type: 'listitem', ...ELEMENT, value: value++, children: [text(item)] }
      : { type: 'listitem', ...ELEMENT, value, children: [item] },
  );
  return { type: 'list', ...ELEMENT, listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul', children };
}
export function table(rows: string[][], headerRow = true): SerializedNodeJson {
  return {
    type: 'table',
    ...ELEMENT,
    children: rows.map((row, r) => ({
      type: 'tablerow',
      ...ELEMENT,
      children: row.map((cell) => ({
        type: 'tablecell',
        ...ELEMENT,
        headerState: headerRow && r === 0 ? 1 : 0,
        colSpan: 1,
        rowSpan: 1,
        backgroundColor: null,
        children: [paragraph([text(cell)])],
      })),
    })),
  };
}
export function stateOf(children: SerializedNodeJson[]): SerializedEditorStateJson {
  return { root: { type: 'root', ...ELEMENT, children } };
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const first = out[0]!;
  out[0] = first[0]!.toUpperCase() + first.slice(1);
  return out.join(' ') + '.';
}

/** A paragraph of about `words` words with some bold, italic and a link now and then. */
function richParagraph(rand: () => number, words: number, n: number): SerializedNodeJson {
  const sentences: string[] = [];
  let left = words;
  while (left > 0) {
    const len = Math.min(left, 8 + Math.floor(rand() * 10));
    sentences.push(sentence(rand, len));
    left -= len;
  }
  // As Lexical stores it: adjacent text with the same format is one text node.
  const parts: SerializedNodeJson[] = [];
  if (n % 4 === 0) parts.push(text('Key point: ', 1));
  const cut = Math.ceil(sentences.length / 2);
  parts.push(text(sentences.slice(0, cut).join(' ') + ' '));
  if (n % 6 === 0) parts.push(text('in the local plan', 2), text(' '));
  parts.push(text(sentences.slice(cut).join(' ') + (n % 9 === 0 ? ' See ' : '')));
  if (n % 9 === 0) parts.push(link(`https://www.example.gov.uk/evidence/${n}`, `local evidence note ${n}`), text('.'));
  return paragraph(parts.filter((p) => p.type !== 'text' || p.text));
}

export function makeReferencePack(): Pack {
  const rand = rng(20211025);
  const sections: Section[] = [];
  let counter = 0;
  const summary: SerializedNodeJson[] = [richParagraph(rand, 130, counter++)];
  sections.push({ id: 'summary', title: 'Summary', guidance: 'GUIDANCE: summarise in 120 to 150 words.', content: stateOf(summary) });
  sections.push({
    id: 'recommendations',
    title: 'Recommendations',
    guidance: 'GUIDANCE: number each recommendation so it can stand alone.',
    content: stateOf([
      paragraph([text('Cabinet is recommended to:')]),
      listNode('number', ['Note the local angle on each gamechanger.', 'Approve the asks of Government set out below.', 'Delegate final wording to the Chief Executive.']),
    ]),
  });
  // The remaining words, tables and lists are spread over the five gamechanger sections.
  const perSection = Math.round((REFERENCE_TARGET_WORDS - 200) / GAMECHANGERS.length);
  let tables = 0;
  let lists = 1; // the recommendations list
  GAMECHANGERS.forEach((g, gi) => {
    const body: SerializedNodeJson[] = [];
    let words = 0;
    const tableQuota = Math.round((REFERENCE_TABLES * (gi + 1)) / GAMECHANGERS.length);
    const listQuota = Math.round(((REFERENCE_LISTS - 1) * (gi + 1)) / GAMECHANGERS.length) + 1;
    const blocks = 10;
    for (let b = 0; b < blocks; b++) {
      body.push(heading('h2', `${['Local angle', 'Local evidence', 'What we ask of Government', 'What we offer', 'Risks'][b % 5]} ${Math.floor(b / 5) + 1}`));
      body.push(heading('h3', `Detail ${b + 1}`));
      const target = Math.round((perSection * (b + 1)) / blocks);
      let first = true;
      while (words < target - 60) {
        const w = 80 + Math.floor(rand() * 60);
        body.push(richParagraph(rand, w, counter++));
        words += w;
        if (first && tables < tableQuota) {
          first = false;
          const rows = [['Measure', 'Borough', 'North', 'England']];
          for (let r = 0; r < 5; r++) rows.push([`${sentence(rand, 3).slice(0, -1)}`, `${(rand() * 100).toFixed(1)}%`, `${(rand() * 100).toFixed(1)}%`, `${(rand() * 100).toFixed(1)}%`]);
          body.push(table(rows));
          words += 4 + 5 * 6;
          tables++;
        }
        if (lists < listQuota && rand() < 0.4) {
          const type = lists % 2 === 0 ? 'bullet' : 'number';
          const nested = lists % 3 === 0 ? listNode(type === 'bullet' ? 'number' : 'bullet', [sentence(rand, 6), sentence(rand, 7)]) : null;
          const items: Array<string | SerializedNodeJson> = [sentence(rand, 8), sentence(rand, 9)];
          if (nested) items.push(nested);
          items.push(sentence(rand, 10));
          body.push(listNode(type, items));
          words += 27 + (nested ? 13 : 0);
          lists++;
        }
      }
    }
    while (tables < tableQuota) {
      body.push(table([['Ward', 'Residents'], ['Bootle', String(1000 + tables)]]));
      tables++;
    }
    while (lists < listQuota) {
      body.push(listNode('bullet', [sentence(rand, 6), sentence(rand, 6)]));
      lists++;
    }
    sections.push({ id: g.id, title: g.title, gamechangerId: g.id, guidance: `GUIDANCE: ${g.covers}`, content: stateOf(body) });
  });
  const pack = newPack(
    {
      title: 'The North’s gamechangers: our local angle',
      meeting: { name: 'Cabinet', date: '2026-12-03' },
      reportOf: 'Executive Director of Place',
      leadCabinetMember: 'Cabinet Member for Regeneration and Skills',
      contactOfficer: { name: 'Alex Officer', phone: '0151 934 0000', email: 'alex.officer@example.gov.uk' },
      wardsAffected: ['All'],
      keyDecision: { isKeyDecision: true, forwardPlanRef: 'FP/2026/042' },
      access: { exempt: false, schedule12aParagraph: null },
      classification: 'OFFICIAL',
      status: 'for-review',
      version: '1.2',
    },
    sections,
    new Date('2026-11-01T09:00:00Z'),
  );
  pack.id = 'reference-pack';
  return pack;
}

/** Index of the longest section (the editor benchmark types into the middle of it). */
export function longestSectionIndex(pack: Pack): number {
  let best = 0;
  pack.sections.forEach((s, i) => {
    if (wordCountOf(s.content) > wordCountOf(pack.sections[best]!.content)) best = i;
  });
  return best;
}

import { GAMECHANGERS } from '../../shared/gamechangers/index.js';
import { newPack } from '../../shared/pack/defaults.js';
import type { Pack, Section } from '../../shared/pack/schema.js';
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../shared/richtext/serialized.js';
import { wordCountOf } from '../../shared/richtext/plainText.js';

/**
 * The reference pack for benchmarks (editor and export): five gamechanger sections, about
 * 55,000 words in all, with headings, bulleted and numbered (nested) lists and tables.
 * Deterministic: a fixed-seed generator, fixed ids and dates, so every run measures the
 * same document.
 */
export const REFERENCE_PACK_WORDS = 55_000;
/** Share of the words per section; the third (education and skills) is the longest. */
const SHARES = [0.17, 0.19, 0.26, 0.2, 0.18];

export function makeReferencePack(targetWords = REFERENCE_PACK_WORDS): Pack {
  const random = mulberry32(20261129);
  const sections: Section[] = GAMECHANGERS.map((gamechanger, i) => ({
    id: `ref-section-${i + 1}`,
    title: gamechanger.title,
    gamechangerId: gamechanger.id,
    guidance: 'Set out the local angle, the evidence, what we ask of Government and what we offer.',
    wordLimit: 20_000,
    content: sectionContent(random, Math.round(targetWords * SHARES[i]!), gamechanger.shortName),
  }));
  const pack = newPack(
    {
      title: 'Reference briefing: the five gamechangers, local angles',
      meeting: { name: 'Cabinet', date: '2026-12-03' },
      reportOf: 'Chief Executive',
      leadCabinetMember: 'Leader of the Council',
      contactOfficer: { name: 'Alex Morgan', phone: '0151 934 2000', email: 'alex.morgan@example.gov.uk' },
      wardsAffected: ['All'],
    },
    sections,
    new Date('2026-11-01T09:00:00.000Z'),
  );
  return { ...pack, id: 'reference-pack' };
}

/** Index of the longest section of the reference pack. */
export function longestSectionIndex(pack: Pack): number {
  let best = 0;
  pack.sections.forEach((s, i) => {
    if (wordCountOf(s.content) > wordCountOf(pack.sections[best]!.content)) best = i;
  });
  return best;
}

const WORDS = (
  'council borough residents investment skills transport housing health employers college apprenticeships ' +
  'retrofit energy coastal offshore wind hydrogen jobs training schools attainment children families wards ' +
  'town centre regeneration broadband rail bus connectivity innovation research universities business growth ' +
  'productivity prevention care services partners government funding devolution powers evidence outcomes ' +
  'pilot programme delivery risk capacity local regional national northern communities neighbourhoods ' +
  'employment wages inequality life expectancy wellbeing carbon emissions net zero supply chain port freight ' +
  'digital inclusion libraries adult learning careers guidance employers pathway strategy plan board ' +
  'partnership combined authority investment zone levelling up fund capital revenue years target measure'
).split(' ');
const CONNECTORS = ['and', 'with', 'for', 'in', 'across', 'through', 'to', 'by', 'from', 'alongside'];

function sentence(random: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    const pool = i % 4 === 2 ? CONNECTORS : WORDS;
    parts.push(pool[Math.floor(random() * pool.length)]!);
  }
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function paragraphText(random: () => number, words: number): string {
  const sentences: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 10 + Math.floor(random() * 12));
    sentences.push(sentence(random, n));
    left -= n;
  }
  return sentences.join(' ');
}

const text = (value: string, format = 0): SerializedNodeJson => ({ type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 });
const element = (type: string, children: SerializedNodeJson[], extra: Record<string, unknown> = {}): SerializedNodeJson => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
  children,
});
const paragraph = (children: SerializedNodeJson[]) => element('paragraph', children, { textFormat: 0, textStyle: '' });
const heading = (tag: 'h2' | 'h3', value: string) => element('heading', [text(value)], { tag });

function list(random: () => number, ordered: boolean, items: number, nestedAt: number): { node: SerializedNodeJson; words: number } {
  let words = 0;
  const children: SerializedNodeJson[] = [];
  for (let i = 0; i < items; i++) {
    const value = sentence(random, 8 + Math.floor(random() * 8));
    words += value.split(' ').length;
    children.push(element('listitem', [text(value)], { value: children.length + 1 }));
    if (i === nestedAt) {
      // A nested list lives in its own list item, as Lexical stores it.
      const inner: SerializedNodeJson[] = [];
      for (let j = 0; j < 2; j++) {
        const innerValue = sentence(random, 6 + Math.floor(random() * 6));
        words += innerValue.split(' ').length;
        inner.push(element('listitem', [text(innerValue)], { value: j + 1 }));
      }
      children.push(element('listitem', [element('list', inner, { listType: 'bullet', start: 1, tag: 'ul' })], { value: children.length + 1 }));
    }
  }
  return { node: element('list', children, { listType: ordered ? 'number' : 'bullet', start: 1, tag: ordered ? 'ol' : 'ul' }), words };
}

function table(random: () => number, rows: number, columns: number): { node: SerializedNodeJson; words: number } {
  let words = 0;
  const headers = ['Measure', 'Borough', 'North', 'England', 'Source'].slice(0, columns);
  const rowNodes: SerializedNodeJson[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: SerializedNodeJson[] = [];
    for (let c = 0; c < columns; c++) {
      let value: string;
      if (r === 0) value = headers[c]!;
      else if (c === 0) value = sentence(random, 3).replace(/\.$/, '');
      else value = `${(random() * 100).toFixed(1)}%`;
      words += value.split(' ').length;
      cells.push({ type: 'tablecell', version: 1, colSpan: 1, rowSpan: 1, headerState: r === 0 ? 1 : 0, backgroundColor: null, width: null, children: [paragraph([text(value)])] } as SerializedNodeJson);
    }
    rowNodes.push({ type: 'tablerow', version: 1, children: cells } as SerializedNodeJson);
  }
  return { node: { type: 'table', version: 1, direction: null, format: '', indent: 0, children: rowNodes } as SerializedNodeJson, words };
}

function sectionContent(random: () => number, targetWords: number, topic: string): SerializedEditorStateJson {
  const children: SerializedNodeJson[] = [];
  let words = 0;
  let block = 0;
  const headings = ['The local angle', 'Local evidence', 'What we ask of Government', 'What we offer in return', 'Risks', 'Wards affected'];
  while (words < targetWords) {
    if (block % 12 === 0) {
      const title = `${headings[(block / 12) % headings.length]!}: ${topic} (${Math.floor(block / 12) + 1})`;
      children.push(heading('h2', title));
      words += title.split(' ').length;
    } else if (block % 12 === 5) {
      const made = list(random, block % 24 === 5, 5, 2);
      children.push(made.node);
      words += made.words;
    } else if (block % 12 === 9) {
      const made = table(random, 6, 4);
      children.push(made.node);
      words += made.words;
    } else {
      const n = Math.min(targetWords - words, 60 + Math.floor(random() * 80));
      const value = paragraphText(random, Math.max(n, 5));
      // Some bold lead-ins so inline formatting is part of the load too.
      const lead = block % 3 === 0 ? [text('Key point: ', 1)] : [];
      children.push(paragraph([...lead, text(value)]));
      words += value.split(' ').length + (lead.length ? 2 : 0);
    }
    block++;
  }
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } as SerializedEditorStateJson['root'] };
}

/** Small fast seeded PRNG (mulberry32): same sequence on every run and machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { countWords, wordCountOf } from '../../shared/richtext/wordCount.js';
import { SECTION_NODES } from '../../shared/richtext/nodes.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { $wordCountOfEditor } from '../../renderer/editor/liveWordCount.js';
import { savedWordCount, sectionWordCounts } from '../../renderer/pack/outline/wordCounts.js';
import { packWordCount } from '../../electron/workspace/history.js';
import { isAllCaps } from '../../electron/export/accessibility/checkPack.js';
import { makeReferencePack } from '../support/referencePack.js';

/** Word's status bar: a word is a run of characters between spaces. */
const CASES: ReadonlyArray<[string, string, number]> = [
  ['empty', '', 0],
  ['spaces only', '  \t \n ', 0],
  ['plain words', 'Sefton needs investment', 3],
  ['number with thousands separator', '10,000 homes', 2],
  ['decimal number', '3.75 per cent', 3],
  ['currency', '£1.5m for Bootle', 3],
  ['currency with space is two', '£ 1.5m', 2],
  ['euro and dollar', '€20 $30bn', 2],
  ['percentage', '12% of 2,000', 3],
  ['date with slashes', 'on 14/10/2021 we met', 4],
  ['ISO date', '2021-10-14', 1],
  ['written date', '14 October 2021', 3],
  ['year range in brackets', '(2021–22)', 1],
  ['range with en dash', 'pages 10–12', 2],
  ['range with spaced dash', '10 – 12', 2],
  ['abbreviation with stops', 'e.g. i.e. etc.', 3],
  ['abbreviation in capitals', 'NP11 and the DfT', 4],
  ['hyphenated', 'well-being and long-term', 3],
  ['em dash without spaces joins', 'growth—jobs', 1],
  ['spaced en dash is not a word', 'costs – and risks', 3],
  ['spaced em dash is not a word', 'costs — and risks', 3],
  ['spaced hyphen is not a word', 'costs - and risks', 3],
  ['ellipsis alone is not a word', 'and so … on', 3],
  ['apostrophes', "council's members’ don't", 3],
  ['quotes stick to words', '“levelling up” said', 3],
  ['ampersand alone is punctuation', 'Sefton & Knowsley', 2],
  ['plus sign is a symbol', '5 + 3', 3],
  ['emoji', 'great 👍 news 🎉', 4],
  ['emoji with joiner', '👩‍💻 works', 2],
  ['flag emoji', '🇬🇧 funding', 2],
  ['Welsh circumflexes', 'Mae’r ŵyr yn y tŷ ŷd', 6],
  ['Welsh digraphs', 'Llywodraeth Cymru', 2],
  ['Polish letters', 'Łódź żółć gęślą jaźń', 4],
  ['no-break space splits', '10\u00a0000', 2],
  ['thin space splits', 'a\u2009b', 2],
  ['tabs and new lines split', 'one\ttwo\nthree', 3],
  ['URL', 'https://www.sefton.gov.uk/plan see', 2],
  ['email', 'alex@sefton.gov.uk', 1],
  ['bullet character alone', '• item', 1],
  ['mixed', 'In 2021/22, £1.5m (c. 10%) went to well-being – see p. 4.', 11],
];

describe('countWords: Word’s rule', () => {
  it.each(CASES)('%s: %j is %i', (_name, text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' });
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });
const stateOf = (...children: unknown[]) => ({ root: block('root', children) }) as unknown as SerializedEditorStateJson;

/** Headings, list items and table cells count; words in neighbouring blocks never run together. */
const SECTION = stateOf(
  block('heading', [text('Local angle')], { tag: 'h2' }),
  block('paragraph', [text('Sefton '), { ...text('needs'), format: 1 }, text(' £1.5m.')]),
  block('paragraph', [text('half'), { ...text('word'), format: 2 }]),
  block('list', [block('listitem', [text('first')], { value: 1 }), block('listitem', [text('second item')], { value: 2 })], { listType: 'bullet', start: 1, tag: 'ul' }),
  block('table', [
    block('tablerow', [block('tablecell', [block('paragraph', [text('Ward')])], { headerState: 1 }), block('tablecell', [block('paragraph', [text('Homes')])], { headerState: 1 })]),
    block('tablerow', [block('tablecell', [block('paragraph', [text('Bootle')])], { headerState: 0 }), block('tablecell', [block('paragraph', [text('10,000')])], { headerState: 0 })]),
  ]),
  block('quote', [text('line one'), { type: 'linebreak', version: 1 }, text('line two')]),
  { type: 'image', version: 1, src: 'data:image/png;base64,iVBORw0KGgo=', altText: 'alt text is not counted', width: 10, height: 10 },
);
const SECTION_WORDS = 2 + 3 + 1 + 3 + 4 + 4;

describe('one counter everywhere', () => {
  it('counts headings, list items and table cells, and never joins neighbouring blocks', () => {
    expect(wordCountOf(SECTION)).toBe(SECTION_WORDS);
  });

  it('the editor’s live count equals the saved count (Lexical headless with the app’s nodes)', () => {
    const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
    editor.setEditorState(editor.parseEditorState(SECTION as never));
    expect(editor.getEditorState().read($wordCountOfEditor)).toBe(SECTION_WORDS);
    expect(wordCountOf(editor.getEditorState().toJSON() as never)).toBe(SECTION_WORDS);
  });

  it('the outline, the pack total and the history count with it', () => {
    const pack = makeReferencePack();
    const section = { ...pack.sections[0]!, content: SECTION };
    expect(savedWordCount(section)).toBe(SECTION_WORDS);
    expect(sectionWordCounts([section], {}).get(section.id)).toBe(SECTION_WORDS);
    expect(packWordCount({ ...pack, sections: [section, section] })).toBe(2 * SECTION_WORDS);
  });

  it('the accessibility check’s “three words” in capitals is the same count', () => {
    expect(isAllCaps('BUDGET 2021/22 UPDATE')).toBe(true); // three words, twelve letters
    expect(isAllCaps('BUDGET – UPDATES')).toBe(false); // a dash is not a word
  });

  it('counts a 14,000-word section quickly', () => {
    const long = 'In 2021/22, £1.5m (c. 10%) went to well-being – see p. 4. '.repeat(1200);
    const started = performance.now();
    expect(countWords(long)).toBe(11 * 1200);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

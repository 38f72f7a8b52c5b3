import { describe, expect, it } from 'vitest';
import { countMatchesInJson, findInRuns, findInText, replaceAllInJson, replaceInRuns } from '../../shared/richtext/findText.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import type { SerializedEditorStateJson } from '../../shared/richtext/serialized.js';
import { FindController, type FindHost } from '../../renderer/find/findController.js';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import type { Section } from '../../shared/pack/schema.js';

const plain = { matchCase: false, wholeWord: false };

describe('findInText', () => {
  it.each([
    ['The council and the Council', 'council', plain, 2],
    ['The council and the Council', 'council', { matchCase: true, wholeWord: false }, 1],
    ['borough, boroughs, Borough-wide', 'borough', { matchCase: false, wholeWord: true }, 2],
    ['£1.5m and £1.5m.', '£1.5m', { matchCase: false, wholeWord: true }, 2],
    ['a.b a+b (a+b)', 'a+b', plain, 2],
    ['Ŵyr ŵyrion', 'ŵyr', { matchCase: false, wholeWord: true }, 1],
    ['żółć ŻÓŁĆ', 'żółć', plain, 2],
    ['aaaa', 'aa', plain, 2],
    ['anything', '', plain, 0],
  ])('%j / %j', (text, query, options, expected) => {
    expect(findInText(text, query, options)).toHaveLength(expected);
  });
});

describe('runs', () => {
  it('finds across differently formatted pieces, never across a line break', () => {
    const runs = ['the local ', 'ang', 'le', null, 'angle'];
    const matches = findInRuns(runs, 'local angle', plain);
    expect(matches).toEqual([{ startRun: 0, startOffset: 4, endRun: 2, endOffset: 2 }]);
    expect(findInRuns(['le', null, 'angle'], 'leangle', plain)).toEqual([]);
    expect(replaceInRuns(runs, matches, 'Sefton view')).toEqual(['the Sefton view', '', '', null, 'angle']);
  });
});

describe('saved sections', () => {
  const content = (): SerializedEditorStateJson => {
    const state = editorStateFromParagraphs(['Skills for the borough.', 'The borough’s boroughs.']);
    // A bold piece in the middle of a word, and a link: matches run across both.
    const first = state.root.children[0]!;
    first.children = [
      { type: 'text', text: 'Skills for the bor', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
      { type: 'text', text: 'ough', format: 1, detail: 0, mode: 'normal', style: '', version: 1 },
      { type: 'link', url: 'https://example.org', children: [{ type: 'text', text: '.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }], direction: null, format: '', indent: 0, version: 1 },
    ];
    return state;
  };

  it('counts and replaces every match, leaving the input unchanged and removing emptied pieces', () => {
    const before = content();
    const copy = structuredClone(before);
    expect(countMatchesInJson(before, 'borough', plain)).toBe(3);
    expect(countMatchesInJson(before, 'borough', { matchCase: false, wholeWord: true })).toBe(2);
    const { content: after, count } = replaceAllInJson(before, 'borough', 'district', plain);
    expect(count).toBe(3);
    expect(before).toEqual(copy);
    expect(plainTextOf(after)).toBe('Skills for the district.\nThe district’s districts.');
    // The replacement takes the formatting of the piece it starts in; the emptied bold piece is gone.
    expect(after.root.children[0]!.children!.map((n) => n.type)).toEqual(['text', 'link']);
  });

  it('nothing to replace gives back the same object', () => {
    const before = content();
    expect(replaceAllInJson(before, 'nowhere', 'x', plain).content).toBe(before);
  });
});

describe('FindController', () => {
  function setUp(texts: string[][], blocked: string | null = null) {
    let sections: Section[] = texts.map((paragraphs, i) => ({ ...newSection(`Section ${i + 1}`), content: editorStateFromParagraphs(paragraphs) }));
    const opened: string[] = [];
    let active: string | null = sections[0]!.id;
    const host: FindHost = {
      sections: () => sections,
      activeSectionId: () => active,
      openSection: (id) => {
        opened.push(id);
        active = id;
      },
      replaceBlocked: () => blocked,
      updateSections: (change) => {
        sections = change(sections);
      },
    };
    const find = new FindController();
    find.connect(host);
    return { find, opened, sections: () => sections, ids: sections.map((s) => s.id) };
  }

  it('steps through every section in order, wrapping round, opening the section of each match', () => {
    const { find, opened, ids } = setUp([['a cat'], ['no'], ['cat and cat']]);
    find.show(false);
    find.setQuery('cat');
    expect(find.position()).toEqual({ ordinal: 1, total: 3 });
    find.next();
    expect(find.state.current).toEqual({ sectionId: ids[2], index: 0 });
    expect(opened).toEqual([ids[2]]);
    find.next();
    find.next();
    expect(find.position()).toEqual({ ordinal: 1, total: 3 });
    find.previous();
    expect(find.position()).toEqual({ ordinal: 3, total: 3 });
  });

  it('replace all changes closed sections once, and hands each its undo step only while it still holds the replacement', () => {
    const { find, sections, ids } = setUp([['cat'], ['cat cat']]);
    const original = sections()[1]!.content;
    find.show(true);
    find.setQuery('cat');
    find.setReplacement('dog');
    find.replaceAll();
    expect(sections().map((s) => plainTextOf(s.content))).toEqual(['dog', 'dog dog']);
    expect(find.state.message).toMatch(/^Replaced 3 in 2 sections/);
    expect(find.takeUndoSeed(ids[1]!, sections()[1]!.content)).toBe(original);
    expect(find.takeUndoSeed(ids[1]!, sections()[1]!.content)).toBeNull();
  });

  it('a read-only pack or suggesting mode replaces nothing and says why', () => {
    const { find, sections } = setUp([['cat']], 'This pack cannot be changed here, so nothing can be replaced.');
    find.setQuery('cat');
    find.setReplacement('dog');
    find.replaceAll();
    find.replaceOne();
    expect(plainTextOf(sections()[0]!.content)).toBe('cat');
    expect(find.replaceBlocked()).toMatch(/cannot be changed/);
  });

  it('a new pack has nothing to find', () => {
    const find = new FindController();
    find.connect({ sections: () => newPack({ title: 'x' }, []).sections, activeSectionId: () => null, openSection: () => undefined, replaceBlocked: () => null, updateSections: () => undefined });
    find.setQuery('x');
    expect(find.position()).toEqual({ ordinal: 0, total: 0 });
  });
});

import { mkdtemp, rm, writeFile, unlink, readFile, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import type { FrontSheet, Pack } from '../../shared/pack/schema.js';
import { PackSearchIndex } from '../../electron/search/searchIndex.js';
import { indexedPackOf } from '../../electron/search/packDocument.js';
import { snippetOf, matchesIn } from '../../electron/search/snippet.js';
import { WorkspaceIndex, searchCacheFile } from '../../electron/search/workspaceIndex.js';
import { createServices } from '../../electron/services.js';

function pack(title: string, sections: Array<[string, string[]]>, sheet: Partial<FrontSheet> = {}): Pack {
  return newPack({ title, ...sheet }, sections.map(([t, paras]) => newSection(t, { content: editorStateFromParagraphs(paras) })));
}

describe('search index (MiniSearch) over titles, front sheets and section text', () => {
  const index = new PackSearchIndex();
  const bus = pack('Bus network review', [
    ['Summary', ['This report reviews the supported bus network.']],
    ['Options', ['Option B funds demand responsive transport in rural wards.']],
  ], { meeting: { name: 'Cabinet', date: '2026-12-08' }, reportOf: 'Director of Place' });
  const transport = pack('Transport strategy', [['Summary', ['A ten-year plan for roads, rail and buses across the borough and beyond.']]]);
  const retrofit = pack('Housing retrofit', [
    ['Background', ['Heat pumps for 400 homes.']],
    ['Risks', ['Transport of materials to the coast is a small risk.', 'Installers are scarce. Transport again.']],
  ]);
  index.put(indexedPackOf('bus.briefing', bus));
  index.put(indexedPackOf('transport.briefing', transport));
  index.put(indexedPackOf('retrofit.briefing', retrofit));

  it('finds a word in section text and says which section it is in, with the word highlighted', () => {
    const [hit, ...rest] = index.search('responsive');
    expect(rest).toEqual([]);
    expect(hit!.file).toBe('bus.briefing');
    const match = hit!.matches[0]!;
    expect(match.sectionId).toBe(bus.sections[1]!.id);
    expect(match.where).toBe('Options');
    const [s, e] = match.snippet.highlights[0]!;
    expect(match.snippet.text.slice(s, e)).toBe('responsive');
  });

  it('ranks a title match above a body match', () => {
    const hits = index.search('transport');
    expect(hits.map((h) => h.file)).toEqual(['transport.briefing', 'retrofit.briefing', 'bus.briefing']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('lists the section with most matches first', () => {
    const hit = index.search('transport').find((h) => h.file === 'retrofit.briefing')!;
    expect(hit.matches.map((m) => m.where)).toEqual(['Risks']);
    expect(hit.matches[0]!.snippet.highlights).toHaveLength(2);
  });

  it('finds front-sheet fields, and requires every word (AND)', () => {
    expect(index.search('director place').map((h) => h.file)).toEqual(['bus.briefing']);
    expect(index.search('director place').at(0)!.matches[0]).toMatchObject({ sectionId: null, where: 'Front sheet' });
    expect(index.search('transport heat').map((h) => h.file)).toEqual(['retrofit.briefing']);
    expect(index.search('transport zebra')).toEqual([]);
  });

  it('matches prefixes while typing, one typo in long words, and ignores case and accents', () => {
    expect(index.search('respon').map((h) => h.file)).toEqual(['bus.briefing']);
    expect(index.search('installrs').map((h) => h.file)).toEqual(['retrofit.briefing']);
    expect(index.search('HEAT').map((h) => h.file)).toEqual(['retrofit.briefing']);
    const cafe = new PackSearchIndex();
    cafe.put(indexedPackOf('c.briefing', pack('Café culture', [['Summary', ['The café quarter.']]])));
    const hit = cafe.search('cafe')[0]!;
    expect(hit.file).toBe('c.briefing');
    const [s, e] = hit.matches[0]!.snippet.highlights[0]!;
    expect(hit.matches[0]!.snippet.text.slice(s, e)).toBe('café');
  });

  it('replaces and removes packs', () => {
    const local = new PackSearchIndex();
    local.put(indexedPackOf('a.briefing', pack('Alpha', [['S', ['old words']]])));
    local.put(indexedPackOf('a.briefing', pack('Alpha', [['S', ['new words']]])));
    expect(local.search('old')).toEqual([]);
    expect(local.search('new')).toHaveLength(1);
    local.remove('a.briefing');
    expect(local.search('new')).toEqual([]);
    expect(local.size).toBe(0);
  });

  it('returns nothing for a query with no words', () => {
    expect(index.search('  ...  ')).toEqual([]);
  });
});

describe('snippets', () => {
  it('cuts long text around the first match on word boundaries and marks the cut', () => {
    const text = `${'lorem ipsum '.repeat(30)}the needle is here ${'dolor sit '.repeat(40)}`;
    const at = text.indexOf('needle');
    const snippet = snippetOf(text, [[at, at + 6]]);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThan(220);
    const [s, e] = snippet.highlights[0]!;
    expect(snippet.text.slice(s, e)).toBe('needle');
  });

  it('starts at the sentence holding the match when it is near', () => {
    const text = 'Option A keeps every route.\nOption B withdraws the evening service on route 47 and funds demand responsive transport.';
    const at = text.indexOf('demand');
    const snippet = snippetOf(text, [[at, at + 6]]);
    expect(snippet.text).toMatch(/^…Option B withdraws/);
  });

  it('explains a title-only match', () => {
    const doc = indexedPackOf('x.briefing', pack('Budget 2027', [['Summary', ['Nothing here.']]]));
    expect(matchesIn(doc, ['budget'])).toEqual([{ sectionId: null, where: 'Title', snippet: { text: 'Budget 2027', highlights: [[0, 6]] } }]);
  });
});

describe('workspace index: follows the folder and is cached on disk', () => {
  let root: string;
  let workspaceDir: string;
  let cacheDir: string;
  const write = (file: string, p: Pack) => writeFile(path.join(workspaceDir, file), serialisePack(p));

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'briefing-search-'));
    workspaceDir = path.join(root, 'ws');
    cacheDir = path.join(root, 'data');
    await import('node:fs/promises').then((fs) => fs.mkdir(workspaceDir));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('without a folder watch, checks the files before every search: added, changed in place, deleted', async () => {
    const index = new WorkspaceIndex({ workspaceDir, cacheDir, watch: false });
    expect((await index.search('ferry')).hits).toEqual([]);
    await write('a.briefing', pack('A', [['S', ['The ferry timetable.']]]));
    expect((await index.search('ferry')).hits.map((h) => h.file)).toEqual(['a.briefing']);
    // Same size, new content: the modification time tells.
    const changed = pack('A', [['S', ['The barge timetable.']]]);
    await write('a.briefing', changed);
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(workspaceDir, 'a.briefing'), later, later);
    expect((await index.search('ferry')).hits).toEqual([]);
    expect((await index.search('barge')).hits).toHaveLength(1);
    await unlink(path.join(workspaceDir, 'a.briefing'));
    expect((await index.search('barge')).hits).toEqual([]);
  });

  it('with a folder watch, sees a save (temp file + rename) at once and an in-place edit by its change event', async () => {
    const index = new WorkspaceIndex({ workspaceDir, watchedFreshForMs: 60_000 });
    await write('a.briefing', pack('A', [['S', ['ferry']]]));
    expect((await index.search('ferry')).hits).toHaveLength(1);
    // Atomic save as the app does it: the folder's modification time changes.
    const temp = path.join(workspaceDir, '.a.tmp');
    await writeFile(temp, serialisePack(pack('A', [['S', ['barge']]])));
    await import('node:fs/promises').then((fs) => fs.rename(temp, path.join(workspaceDir, 'a.briefing')));
    expect((await index.search('barge')).hits).toHaveLength(1);
    // In-place rewrite (no folder change): found once the watch reports it.
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path.join(workspaceDir, 'a.briefing'), serialisePack(pack('A', [['S', ['canoe trips']]])));
    await expect.poll(async () => (await index.search('canoe')).hits.length, { timeout: 10_000 }).toBe(1);
    await index.close();
  });

  it('skips unreadable files without failing the search', async () => {
    await writeFile(path.join(workspaceDir, 'broken.briefing'), '{ not json');
    await write('ok.briefing', pack('Fine', [['S', ['harbour']]]));
    const index = new WorkspaceIndex({ workspaceDir });
    const result = await index.search('harbour');
    expect(result.hits.map((h) => h.file)).toEqual(['ok.briefing']);
    expect(result.indexedPacks).toBe(1);
  });

  it('loads from its cache on the next start, re-reading only files that changed since', async () => {
    await write('a.briefing', pack('A', [['S', ['lighthouse']]]));
    await write('b.briefing', pack('B', [['S', ['pier']]]));
    const first = new WorkspaceIndex({ workspaceDir, cacheDir });
    await first.ensureFresh();
    expect(first.loadedFrom).toBe('files');
    await first.flush();
    const cacheFile = searchCacheFile(cacheDir, workspaceDir);
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).docs).toHaveLength(2);

    // Changed while the app was closed.
    await write('b.briefing', pack('B', [['S', ['promenade and more words']]]));
    const second = new WorkspaceIndex({ workspaceDir, cacheDir });
    expect((await second.search('lighthouse')).hits).toHaveLength(1);
    expect(second.loadedFrom).toBe('cache');
    expect((await second.search('pier')).hits).toEqual([]);
    expect((await second.search('promenade')).hits).toHaveLength(1);
  });

  it('rebuilds from the files when the cache is damaged', async () => {
    await write('a.briefing', pack('A', [['S', ['lighthouse']]]));
    const cacheFile = searchCacheFile(cacheDir, workspaceDir);
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(cacheFile), { recursive: true }));
    await writeFile(cacheFile, '{"cacheVersion":1,"garbage":');
    const index = new WorkspaceIndex({ workspaceDir, cacheDir });
    expect((await index.search('lighthouse')).hits).toHaveLength(1);
    expect(index.loadedFrom).toBe('files');
  });

  it('is reachable through the host contract (searchPacks) and sees saves made through it', async () => {
    const services = createServices({
      platform: { host: 'browser', appVersion: 'test', dataDir: cacheDir, trash: async () => {} },
      workspaceOverride: workspaceDir,
    });
    const created = await services.createPack({ title: 'Seafront' });
    expect((await services.searchPacks({ query: 'seafront' })).hits.map((h) => h.file)).toEqual([created.file]);
    const withText = { ...created.pack, sections: [newSection('Plan', { content: editorStateFromParagraphs(['New beach huts.']) })] };
    await services.savePack({ file: created.file, pack: withText, baseRevision: created.revision });
    const found = await services.searchPacks({ query: 'beach huts' });
    expect(found.hits[0]!.matches[0]!.where).toBe('Plan');
  });
});

/**
 * Library benchmark: a workspace of 1,000 realistic packs. Measures listing it cold (new
 * store, nothing cached) and warm (cached by mtime+size), building the search index from the
 * files and from its disk cache, and single search queries (each including the check of the
 * folder for changed files). Figures are medians; a plain readdir + JSON.parse of every file
 * is printed beside them as the baseline.
 *
 *   npm run bench:library [-- --packs 1000 --runs 5 --keep]
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { GAMECHANGER_IDS } from '../../shared/gamechangers/index.js';
import { STATUSES } from '../../shared/pack/vocabulary.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { WorkspaceIndex } from '../../electron/search/workspaceIndex.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const PACKS = arg('packs', 1000);
const RUNS = arg('runs', 5);

/** Deterministic pseudo-random numbers so every run generates the same workspace. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}
const random = rng(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const VOCABULARY = (
  'council cabinet budget transport housing retrofit skills apprenticeship college school health prevention care ' +
  'inequality economy investment regeneration town centre broadband rail bus route coastal flood resilience energy ' +
  'heat network carbon net zero employer ward resident consultation procurement contract risk mitigation officer ' +
  'recommendation decision report member portfolio strategy delivery programme funding grant government devolution ' +
  'northern productivity research innovation university partnership evidence outcome measure target performance ' +
  'library leisure park highway maintenance planning development affordable tenancy homelessness adult social ' +
  'children education attainment early years digital inclusion library service equality impact assessment legal ' +
  'financial implication capital revenue reserve saving efficiency workforce recruitment retention climate emergency'
).split(' ');
const SECTION_TITLES = ['Summary', 'Recommendations', 'Background', 'Options considered', 'Financial implications', 'Legal implications', 'Risks', 'Equality impact', 'Climate impact', 'Consultation'];
const MEETINGS = ['Cabinet', 'Council', 'Overview and Scrutiny', 'Planning Committee', 'Health and Wellbeing Board'];

function sentence(): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(VOCABULARY));
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

/** A pack of realistic size: 6 to 10 sections of 150 to 500 words each. */
function makePack(i: number) {
  const sections = Array.from({ length: 6 + Math.floor(random() * 5) }, (_, s) => {
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 6) }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' '));
    return newSection(SECTION_TITLES[s % SECTION_TITLES.length]!, {
      content: editorStateFromParagraphs(paragraphs),
      ...(random() < 0.3 ? { gamechangerId: pick(GAMECHANGER_IDS) } : {}),
    });
  });
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return newPack(
    {
      title: `${pick(VOCABULARY)} ${pick(VOCABULARY)} report ${i + 1}`,
      meeting: { name: pick(MEETINGS), date: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` },
      reportOf: 'Executive Director of Place',
      status: pick(STATUSES),
      keyDecision: { isKeyDecision: random() < 0.4, forwardPlanRef: `FP-2026-${i}` },
    },
    sections,
    new Date(Date.UTC(2026, 0, 1) + i * 3600_000),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function main() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'briefing-bench-library-'));
  const workspaceDir = path.join(root, 'workspace');
  const dataDir = path.join(root, 'data');
  try {
    await import('node:fs/promises').then((fs) => fs.mkdir(workspaceDir, { recursive: true }));
    let bytes = 0;
    for (let i = 0; i < PACKS; i++) {
      const text = serialisePack(makePack(i));
      bytes += text.length;
      await writeFile(path.join(workspaceDir, `pack-${String(i).padStart(4, '0')}.briefing`), text);
    }
    console.log(`workspace: ${PACKS} packs, ${(bytes / 1024 / 1024).toFixed(1)} MB, mean ${(bytes / PACKS / 1024).toFixed(1)} KB per pack; ${RUNS} runs each`);
    const trash = async () => {};

    const baseline: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const build: number[] = [];
    const fromCache: number[] = [];
    let entries = 0;
    let cacheBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      baseline.push(
        (
          await time(async () => {
            const names = (await readdir(workspaceDir)).filter((n) => n.endsWith('.briefing'));
            return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(workspaceDir, n), 'utf8'))));
          })
        )[0],
      );
      const store = new PackStore({ workspaceDir, trash });
      const [coldMs, list] = await time(() => store.list());
      cold.push(coldMs);
      entries = list.entries.length;
      warm.push((await time(() => store.list()))[0]);

      const cacheDir = path.join(dataDir, `run-${run}`);
      const fresh = new WorkspaceIndex({ workspaceDir, cacheDir });
      build.push((await time(() => fresh.ensureFresh()))[0]);
      await fresh.flush();
      if (run === 0) cacheBytes = (await stat(fresh.cacheFile!)).size;
      const cached = new WorkspaceIndex({ workspaceDir, cacheDir });
      fromCache.push((await time(() => cached.ensureFresh()))[0]);
      if (cached.loadedFrom !== 'cache') throw new Error('the search cache was not used');
    }
    if (entries !== PACKS) throw new Error(`listed ${entries} packs, expected ${PACKS}`);

    const index = new WorkspaceIndex({ workspaceDir });
    await index.ensureFresh();
    const QUERIES = ['transport', 'retrofit housing', 'net zero carbon', 'apprent', 'council budget saving', 'homelessness', 'broadband digital inclusion', 'report 512', 'flood resilience coastal', 'equality impact assessment', 'recruitmnet', 'Cabinet'];
    const queryTimes: number[] = [];
    let totalHits = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const q of QUERIES) {
        const [ms, result] = await time(() => index.search(q, 50));
        queryTimes.push(ms);
        totalHits += result.hits.length;
      }
    }
    if (totalHits === 0) throw new Error('no query found anything');
    // The folder check each query makes, on its own (readdir + one stat per pack).
    const checks: number[] = [];
    for (let run = 0; run < RUNS * 4; run++) checks.push((await time(() => index.ensureFresh(true)))[0]);

    const figures = {
      baseline_readdir_parse_ms: round(median(baseline)),
      list_cold_ms: round(median(cold)),
      list_warm_ms: round(median(warm)),
      index_ms: round(median(build)),
      index_from_cache_ms: round(median(fromCache)),
      query_median_ms: round(median(queryTimes)),
      query_max_ms: round(Math.max(...queryTimes)),
      folder_check_ms: round(median(checks)),
    };
    const baselineMs = figures.baseline_readdir_parse_ms;
    console.log('');
    console.log('measure                         median ms   vs baseline (readdir+JSON.parse of every file)');
    for (const [key, value] of Object.entries(figures)) {
      console.log(`${key.padEnd(32)}${String(value).padStart(9)}   ${(value / baselineMs).toFixed(2)}x`);
    }
    console.log(`search cache file: ${(cacheBytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`targets: list warm <= 200 ms: ${figures.list_warm_ms <= 200 ? 'met' : 'MISSED'}; query <= 50 ms: ${figures.query_median_ms <= 50 ? 'met' : 'MISSED'}`);
    console.log(
      JSON.stringify({
        bench: 'library',
        packs: PACKS,
        list_cold_ms: figures.list_cold_ms,
        list_warm_ms: figures.list_warm_ms,
        index_ms: figures.index_ms,
        query_median_ms: figures.query_median_ms,
        index_from_cache_ms: figures.index_from_cache_ms,
        baseline_readdir_parse_ms: baselineMs,
      }),
    );
  } finally {
    if (process.argv.includes('--keep')) console.error(`kept ${workspaceDir}`);
    else await rm(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

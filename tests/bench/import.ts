/**
 * `npm run bench:import`: the whole `briefing import` process on the reference pack exported to
 * Word (~55,000 words, 50 tables, 50 lists), against pandoc reading the same .docx into its
 * JSON AST (`pandoc -t json`), alternating runs in the same session. Median wall times, the
 * ratio (target ≤ 1), CPU medians (less disturbed on a shared machine) and the CLI's peak
 * memory (GNU time). The last line printed is one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { makeReferencePack } from '../support/referencePack.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'electron', 'bin', 'briefing.cjs');
const GNU_TIME = '/usr/bin/time';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function run(command: string, args: string[], rssFile: string): { seconds: number; cpu: number | null; rssMb: number | null } {
  const withTime = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const result = withTime ? spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  if (!withTime) return { seconds, cpu: null, rssMb: null };
  const [rssKb, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, cpu: user! + system!, rssMb: rssKb! / 1024 };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
try {
  const pack = makeReferencePack();
  const words = pack.sections.reduce((sum, s) => sum + wordCountOf(s.content), 0);
  const docx = path.join(dir, 'reference.docx');
  writeFileSync(docx, (await exportPackToDocx({ pack })).buffer);
  const outDir = path.join(dir, 'packs');
  const rssFile = path.join(dir, 'rss.txt');
  const importArgs = [cli, 'import', docx, '--out-dir', outDir, '--quiet'];
  const pandocArgs = ['-f', 'docx', '-t', 'json', docx, '-o', path.join(dir, 'pandoc.json')];
  const clearOut = () => rmSync(outDir, { recursive: true, force: true });

  // One warm-up each (disk cache, build check), then alternate so load changes hit both alike.
  run(process.execPath, importArgs, rssFile);
  const imported = JSON.parse(readFileSync(path.join(outDir, readdirSync(outDir)[0]!), 'utf8')) as typeof pack;
  const importedWords = imported.sections.reduce((sum, s) => sum + wordCountOf(s.content), 0);
  clearOut();
  run('pandoc', pandocArgs, rssFile);
  const ours: number[] = [];
  const theirs: number[] = [];
  const oursCpu: number[] = [];
  const theirsCpu: number[] = [];
  let peakRss = 0;
  for (let i = 0; i < RUNS; i++) {
    const a = run(process.execPath, importArgs, rssFile);
    clearOut();
    ours.push(a.seconds);
    if (a.cpu !== null) oursCpu.push(a.cpu);
    if (a.rssMb !== null) peakRss = Math.max(peakRss, a.rssMb);
    const b = run('pandoc', pandocArgs, rssFile);
    theirs.push(b.seconds);
    if (b.cpu !== null) theirsCpu.push(b.cpu);
  }
  const importMedian = median(ours);
  const pandocMedian = median(theirs);
  const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
  console.log(`reference pack exported to Word: ${words} words, ${pack.sections.length} sections, ${Math.round(readFileSync(docx).length / 1024)} KB; ${RUNS} runs each`);
  console.log(`imported back: ${imported.sections.length} sections, ${importedWords} words`);
  console.log(`briefing import: median ${importMedian.toFixed(3)} s (runs ${ours.map((s) => s.toFixed(2)).join(', ')})`);
  console.log(`pandoc -t json:  median ${pandocMedian.toFixed(3)} s (runs ${theirs.map((s) => s.toFixed(2)).join(', ')})`);
  if (oursCpu.length && theirsCpu.length) console.log(`CPU time (user+system) medians: briefing ${median(oursCpu).toFixed(3)} s, pandoc ${median(theirsCpu).toFixed(3)} s, ratio ${round(median(oursCpu) / median(theirsCpu), 2)}`);
  console.log(`machine load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  console.log(`ratio ${round(importMedian / pandocMedian, 2)} (target ≤ 1); peak RSS ${round(peakRss, 1)} MB`);
  console.log(JSON.stringify({ bench: 'import', words, import_median_s: round(importMedian), pandoc_median_s: round(pandocMedian), ratio: round(importMedian / pandocMedian), peak_rss_mb: round(peakRss, 1) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm run bench:export`: the whole `briefing export` process on the reference pack
 * (~55,000 words, 50 tables, 50 lists) against pandoc converting the same content as
 * Markdown to .docx. Median wall time of several runs each, the ratio, and the CLI's peak
 * memory (GNU time's maximum resident set size). The last line printed is one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeReferencePack } from '../support/referencePack.js';
import { packToMarkdown } from '../support/packMarkdown.js';
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

/**
 * Run a command once: wall seconds, and with GNU time the CPU seconds (user + system, less
 * disturbed than wall time on a shared machine) and peak RSS in MB.
 */
function run(command: string, args: string[], rssFile: string): { seconds: number; cpu: number | null; rssMb: number | null } {
  const withTime = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const result = withTime
    ? spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  if (!withTime) return { seconds, cpu: null, rssMb: null };
  const [rssKb, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, cpu: user! + system!, rssMb: rssKb! / 1024 };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-export-'));
try {
  const pack = makeReferencePack();
  const words = pack.sections.reduce((sum, s) => sum + wordCountOf(s.content), 0);
  const packFile = path.join(dir, 'reference.briefing');
  const mdFile = path.join(dir, 'reference.md');
  writeFileSync(packFile, JSON.stringify(pack, null, 2));
  writeFileSync(mdFile, packToMarkdown(pack));
  const rssFile = path.join(dir, 'rss.txt');
  const exportArgs = [cli, 'export', packFile, '-o', path.join(dir, 'briefing.docx'), '--quiet'];
  const pandocArgs = [mdFile, '-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx')];

  // One warm-up each (disk cache, build check), then alternate so load changes hit both alike.
  run(process.execPath, exportArgs, rssFile);
  run('pandoc', pandocArgs, rssFile);
  const ours: number[] = [];
  const theirs: number[] = [];
  const oursCpu: number[] = [];
  const theirsCpu: number[] = [];
  let peakRss = 0;
  for (let i = 0; i < RUNS; i++) {
    const a = run(process.execPath, exportArgs, rssFile);
    ours.push(a.seconds);
    if (a.cpu !== null) oursCpu.push(a.cpu);
    if (a.rssMb !== null) peakRss = Math.max(peakRss, a.rssMb);
    const b = run('pandoc', pandocArgs, rssFile);
    theirs.push(b.seconds);
    if (b.cpu !== null) theirsCpu.push(b.cpu);
  }
  const exportMedian = median(ours);
  const pandocMedian = median(theirs);
  const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
  console.log(`reference pack: ${words} words, ${pack.sections.length} sections; ${RUNS} runs each`);
  console.log(`briefing export: median ${exportMedian.toFixed(3)} s (runs ${ours.map((s) => s.toFixed(2)).join(', ')}), ${Math.round(statSync(path.join(dir, 'briefing.docx')).size / 1024)} KB`);
  console.log(`pandoc md→docx:  median ${pandocMedian.toFixed(3)} s (runs ${theirs.map((s) => s.toFixed(2)).join(', ')}), ${Math.round(statSync(path.join(dir, 'pandoc.docx')).size / 1024)} KB`);
  if (oursCpu.length && theirsCpu.length) {
    console.log(`CPU time (user+system) medians: briefing ${median(oursCpu).toFixed(3)} s, pandoc ${median(theirsCpu).toFixed(3)} s, ratio ${round(median(oursCpu) / median(theirsCpu), 2)}`);
  }
  console.log(`machine load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  console.log(`ratio ${round(exportMedian / pandocMedian, 2)} (target ≤ 0.5); peak RSS ${round(peakRss, 1)} MB`);
  console.log(
    JSON.stringify({
      bench: 'export',
      words,
      export_median_s: round(exportMedian),
      pandoc_median_s: round(pandocMedian),
      ratio: round(exportMedian / pandocMedian),
      peak_rss_mb: round(peakRss, 1),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

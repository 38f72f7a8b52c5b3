/**
 * `npm run bench:pdf`: the whole `briefing export --pdf` process on the reference pack
 * (~55,000 words) against LibreOffice converting the app's own Word file of the same pack to
 * PDF, alternated in the same run. Median wall time of several runs each, the ratio (target
 * ≤ 0.5), the PDF's pages and the CLI's peak memory (GNU time: the largest single process of
 * the run, which is the browser's renderer or Node). The last line printed is one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportPackToDocx } from '../../electron/export/exportPack.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';
import { makeReferencePack } from '../support/referencePack.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'electron', 'bin', 'briefing.cjs');
const GNU_TIME = '/usr/bin/time';
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!soffice) throw new Error('bench:pdf needs LibreOffice (apt-get install -y libreoffice-writer-nogui) to compare with.');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function run(command: string, args: string[], rssFile: string, env?: NodeJS.ProcessEnv): { seconds: number; rssMb: number | null } {
  const withTime = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const result = withTime ? spawnSync(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args], { encoding: 'utf8', env }) : spawnSync(command, args, { encoding: 'utf8', env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { seconds, rssMb: withTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pdf-'));
try {
  const pack = makeReferencePack();
  const words = pack.sections.reduce((sum, s) => sum + wordCountOf(s.content), 0);
  const packFile = path.join(dir, 'reference.briefing');
  writeFileSync(packFile, JSON.stringify(pack, null, 2));
  const docxFile = path.join(dir, 'reference.docx');
  writeFileSync(docxFile, (await exportPackToDocx({ pack })).buffer);
  const rssFile = path.join(dir, 'rss.txt');
  const pdfFile = path.join(dir, 'briefing.pdf');
  const exportArgs = [cli, 'export', packFile, '--pdf', '-o', pdfFile, '--quiet'];
  const env = { ...process.env, BRIEFING_PDF_ENGINE: 'chromium' };
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  const loArgs = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), docxFile];

  // One warm-up each (LibreOffice makes its profile, the CLI checks its build), then alternate.
  run(process.execPath, exportArgs, rssFile, env);
  run(soffice, loArgs, rssFile);
  const ours: number[] = [];
  const theirs: number[] = [];
  let peakRss = 0;
  for (let i = 0; i < RUNS; i++) {
    const a = run(process.execPath, exportArgs, rssFile, env);
    ours.push(a.seconds);
    if (a.rssMb !== null) peakRss = Math.max(peakRss, a.rssMb);
    theirs.push(run(soffice, loArgs, rssFile).seconds);
  }
  const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
  const pages = pagesOf(pdfFile);
  const loPages = pagesOf(path.join(dir, 'lo', 'reference.pdf'));
  const ourMedian = median(ours);
  const loMedian = median(theirs);
  const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
  console.log(`reference pack: ${words} words; ${RUNS} runs each, alternated`);
  console.log(`briefing export --pdf (Chromium): median ${ourMedian.toFixed(3)} s (runs ${ours.map((s) => s.toFixed(2)).join(', ')}), ${pages} pages`);
  console.log(`LibreOffice docx→pdf:            median ${loMedian.toFixed(3)} s (runs ${theirs.map((s) => s.toFixed(2)).join(', ')}), ${loPages} pages`);
  console.log(`machine load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  console.log(`ratio ${round(ourMedian / loMedian, 2)} (target ≤ 0.5); peak RSS ${round(peakRss, 1)} MB`);
  console.log(JSON.stringify({ bench: 'pdf', words, pages, pdf_median_s: round(ourMedian), libreoffice_median_s: round(loMedian), ratio: round(ourMedian / loMedian), peak_rss_mb: round(peakRss, 1) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

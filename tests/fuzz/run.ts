import { runFuzz } from './harness.js';

/**
 * `npm run test:fuzz`: 10,000 generated and mutated pack and template files through the
 * loaders (and, for packs, the library list, openPack through dispatch, the CLI and every tenth
 * export). Last line: {"test":"fuzz","inputs":…,"crashes":…,"files_changed":…,"peak_rss_mb":…}.
 * Options: --inputs N, --seed N. `npm run test:fuzz` runs it with the heap capped at 192 MB, so a
 * loader that held a whole huge file in memory would fail the run rather than pass slowly.
 */
function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const started = Date.now();
const report = await runFuzz({ inputs: flag('inputs', 10_000), seed: flag('seed', 20261129), log: (line) => console.log(line) });
console.log(`seed: ${report.seed}; template loader: ${report.templateLoader}; built-in template seeds: ${report.templateSeeds}`);
console.log(`by kind: ${JSON.stringify(report.byKind)}`);
console.log(`loaded without error: ${report.loaded}; exported to Word: ${report.exported}; ${Math.round((Date.now() - started) / 1000)} s`);
for (const failure of report.failures) console.log(`FAILURE ${failure}`);
console.log(JSON.stringify({ test: 'fuzz', inputs: report.inputs, crashes: report.crashes, files_changed: report.files_changed, peak_rss_mb: report.peak_rss_mb }));
if (report.crashes > 0 || report.files_changed > 0) process.exitCode = 1;

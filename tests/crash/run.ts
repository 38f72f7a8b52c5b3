import { runCrashTest } from './harness.js';

/**
 * `npm run test:crash`: 1,000 confirmed saves of a ~1 MB pack, the saving process killed
 * with SIGKILL at random moments. Last line: {"test":"crash","saves":…,"kills":…,"corrupt":…,"lost":…}.
 * Options: --saves N, --size-kb N.
 */
function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const started = Date.now();
const report = await runCrashTest({ saves: flag('saves', 1000), sizeKb: flag('size-kb', 1024), log: (line) => console.log(line) });
console.log(
  `runs ${report.runs}, newer version on disk after ${report.newerVersionOnDisk} kills, corrupt backups ${report.corruptBackups}, leftover temp files ${report.leftoverTempFiles}, pack ${Math.round(report.packBytes / 1024)} KB, ${Math.round((Date.now() - started) / 1000)} s`,
);
console.log(JSON.stringify({ test: 'crash', saves: report.saves, kills: report.kills, corrupt: report.corrupt, lost: report.lost }));
if (report.corrupt > 0 || report.lost > 0) process.exitCode = 1;

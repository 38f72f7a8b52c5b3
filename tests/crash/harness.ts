import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parsePackText } from '../../shared/pack/parse.js';
import { BACKUP_FOLDER } from '../../electron/workspace/packStore.js';
import { crashTestPack, versionKey } from './packFactory.js';

export interface CrashOptions {
  /** Confirmed saves to reach in total. */
  saves: number;
  /** Size of the pack in KB. */
  sizeKb?: number;
  /** Kill after a random delay in this range once the child is saving. */
  minKillMs?: number;
  maxKillMs?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  test: 'crash';
  saves: number;
  kills: number;
  runs: number;
  corrupt: number;
  lost: number;
  /** Kills that landed while a save was in flight and the file held the newer version. */
  newerVersionOnDisk: number;
  /** Backup copies that did not parse after a kill. */
  corruptBackups: number;
  leftoverTempFiles: number;
  packBytes: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundle the child once so each restart is a plain, fast `node child.cjs`. */
async function bundleChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'crash-child.cjs');
  await build({ entryPoints: [path.join(here, 'child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  return outfile;
}

/**
 * The crash test: a child process saves a large pack over and over (a new version each
 * time) and is killed with SIGKILL at a random moment; after every kill the file must parse
 * and be the last confirmed version or the one being saved. Repeats until `saves` saves
 * were confirmed in total.
 */
export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const sizeKb = options.sizeKb ?? 1024;
  const minKill = options.minKillMs ?? 20;
  const maxKill = options.maxKillMs ?? 400;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-crash-'));
  const file = path.join(dir, 'Crash test pack.briefing');
  const report: CrashReport = { test: 'crash', saves: 0, kills: 0, runs: 0, corrupt: 0, lost: 0, newerVersionOnDisk: 0, corruptBackups: 0, leftoverTempFiles: 0, packBytes: 0 };
  try {
    const child = await bundleChild(dir);
    let next = 1;
    let lastConfirmed = 0;
    while (report.saves < options.saves) {
      const last = next + (options.saves - report.saves) - 1;
      const run = await runOnce(child, file, next, last, sizeKb, minKill + Math.random() * (maxKill - minKill));
      report.runs++;
      const acks = run.acks;
      if (acks.length && acks[0] !== lastConfirmed + 1) throw new Error(`child started at ${acks[0]} after ${lastConfirmed}`);
      report.saves += acks.length;
      if (acks.length) lastConfirmed = acks[acks.length - 1]!;
      if (run.killed) report.kills++;
      else if (run.code !== 0) throw new Error(`child exited with ${run.code}: ${run.stderr}`);

      // Check the file: it must parse and be version lastConfirmed or lastConfirmed + 1.
      let onDiskVersion = lastConfirmed;
      if (lastConfirmed > 0 || (await exists(file))) {
        const verdict = await checkFile(file, lastConfirmed, sizeKb);
        if (verdict.kind === 'corrupt') {
          report.corrupt++;
          log(`corrupt after run ${report.runs}: ${verdict.detail}`);
          // Continue from the backup so the rest of the run still tests something.
          await fs.copyFile(path.join(dir, BACKUP_FOLDER, path.basename(file)), file).catch(() => fs.unlink(file).catch(() => undefined));
        } else if (verdict.kind === 'lost') {
          report.lost++;
          log(`lost after run ${report.runs}: file has version ${verdict.version}, ${lastConfirmed} was confirmed`);
          onDiskVersion = verdict.version;
        } else {
          onDiskVersion = verdict.version;
          if (verdict.version === lastConfirmed + 1) report.newerVersionOnDisk++;
        }
        report.packBytes = Math.max(report.packBytes, (await fs.stat(file).catch(() => ({ size: 0 }))).size);
      }
      const backup = path.join(dir, BACKUP_FOLDER, path.basename(file));
      if (await exists(backup)) {
        try {
          parsePackText(await fs.readFile(backup, 'utf8'));
        } catch {
          report.corruptBackups++;
        }
      }
      // Temp files from a killed save are garbage, never the pack: count and clear them.
      for (const folder of [dir, path.join(dir, BACKUP_FOLDER)]) {
        const temps = (await fs.readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.tmp'));
        report.leftoverTempFiles += temps.length;
        for (const t of temps) await fs.unlink(path.join(folder, t));
      }
      if (onDiskVersion > lastConfirmed) {
        // The in-flight save landed: count it as confirmed so versions stay unique.
        report.saves++;
        lastConfirmed = onDiskVersion;
      }
      next = lastConfirmed + 1;
      if (report.runs % 10 === 0) log(`runs ${report.runs}, saves ${report.saves}, kills ${report.kills}, corrupt ${report.corrupt}, lost ${report.lost}`);
    }
    return report;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

type Verdict = { kind: 'ok'; version: number } | { kind: 'lost'; version: number } | { kind: 'corrupt'; detail: string };

async function checkFile(file: string, lastConfirmed: number, sizeKb: number): Promise<Verdict> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    return lastConfirmed === 0 ? { kind: 'ok', version: 0 } : { kind: 'corrupt', detail: `unreadable: ${(err as Error).message}` };
  }
  let version: number;
  try {
    const pack = parsePackText(text);
    version = Number(pack.frontSheet.version);
    if (!Number.isInteger(version) || versionKey(pack) !== versionKey(crashTestPack(version, sizeKb))) return { kind: 'corrupt', detail: `content does not match version ${pack.frontSheet.version}` };
  } catch (err) {
    return { kind: 'corrupt', detail: (err as Error).message.slice(0, 200) };
  }
  if (version === lastConfirmed || version === lastConfirmed + 1) return { kind: 'ok', version };
  if (version < lastConfirmed) return { kind: 'lost', version };
  return { kind: 'corrupt', detail: `version ${version} is newer than anything being saved (${lastConfirmed} confirmed)` };
}

interface RunResult {
  acks: number[];
  killed: boolean;
  code: number | null;
  stderr: string;
}

function runOnce(childScript: string, file: string, first: number, last: number, sizeKb: number, killAfterMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, file, String(first), String(last), String(sizeKb)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('ready\n')) {
        timer = setTimeout(() => {
          killed = child.exitCode === null;
          child.kill('SIGKILL');
        }, killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    // 'close' fires after stdout is drained, so every "ack" the child wrote is counted.
    child.on('close', (code) => {
      clearTimeout(timer);
      const acks = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ acks, killed, code, stderr: err });
    });
  });
}

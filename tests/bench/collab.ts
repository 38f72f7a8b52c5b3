import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { sectionRootName } from '../../shared/collab/layout.js';
import { connect, signIn, until, type TeamClient } from '../support/teamClient.js';
import { PASSWORD, addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';

/**
 * `npm run bench:collab`: N simulated clients (Node, y-websocket's provider over real
 * WebSockets to the team server on 127.0.0.1, the server in its own process) type for a fixed
 * time, all into one pack and then each into its own pack. Each edit is a word appended to the
 * section's first paragraph in the Yjs text the Lexical binding reads (a headless Lexical per
 * simulated client would measure this process, not the server). Measured: remote-update
 * latency (an edit made by one client until another has it; one clock, one process), server
 * CPU and RSS (from /proc), convergence at the end (every client the same state, every edit
 * saved, the .briefing file holding every word).
 * Options: --seconds N (default 10), --rate EDITS_PER_SECOND_PER_CLIENT (default 5), --clients 2,10,50.
 */
function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}
const SECONDS = Number(flag('seconds', '10'));
const RATE = Number(flag('rate', '5'));
const COUNTS = flag('clients', '2,10,50').split(',').map(Number);
process.setMaxListeners(500); // each y-websocket provider listens for the process's exit
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TICKS = 100; // clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux)

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function startServer(workspace: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests', 'crash', 'teamServerChild.ts'), workspace, String(port), 'defaults'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}
function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return kb / 1024;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The first paragraph's XmlText inside a section root, as @lexical/yjs lays it out. */
function firstParagraph(doc: Y.Doc): Y.XmlText | null {
  const root = doc.get(sectionRootName('summary'), Y.XmlText) as Y.XmlText;
  for (const op of root.toDelta() as Array<{ insert: unknown }>) if (op.insert instanceof Y.XmlText) return op.insert;
  return null;
}

interface Sent {
  clock: number;
  at: number;
}

async function scenario(n: number, shared: boolean) {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'briefing-bench-collab-'));
  const files = shared ? ['shared.briefing'] : Array.from({ length: n }, (_, i) => `pack-${i}.briefing`);
  for (const f of files) await writeTeamPack(workspace, f, teamPack(f, [['summary', 'Start.']]));
  await addUsers(workspace, [['Bench', ['edit']]]);
  const port = await freePort();
  const server = await startServer(workspace, port);
  const base = `http://127.0.0.1:${port}`;
  const pid = server.pid!;
  try {
    const rssBefore = rssMb(pid);
    const token = (await signIn(base, 'Bench', PASSWORD)).body.token;
    const clients: TeamClient[] = [];
    for (let i = 0; i < n; i++) clients.push(connect(base, shared ? files[0]! : files[i]!, token));
    await Promise.all(clients.map((c) => c.synced()));
    await until(() => clients.every((c) => firstParagraph(c.doc) !== null), 'every client to have the pack');

    // Latency: each sender notes (clock after the edit, time); a receiver, on each remote
    // update, takes every edit of each sender its state now covers.
    const sent = new Map<number, Sent[]>();
    const latencies: number[] = [];
    for (const c of clients) sent.set(c.doc.clientID, []);
    if (shared) {
      for (const receiver of clients) {
        const seenUpTo = new Map<number, number>();
        receiver.doc.on('update', (_u: Uint8Array, origin: unknown) => {
          if (origin !== receiver.provider) return;
          const now = performance.now();
          for (const [sender, list] of sent) {
            if (sender === receiver.doc.clientID) continue;
            const state = Y.getState(receiver.doc.store, sender);
            let i = seenUpTo.get(sender) ?? 0;
            while (i < list.length && list[i]!.clock <= state) latencies.push(now - list[i++]!.at);
            seenUpTo.set(sender, i);
          }
        });
      }
    }
    // Saved latency (every scenario): an edit until the server's "saved" covers it (fsynced).
    const saveLatencies: number[] = [];
    for (const c of clients) {
      let i = 0;
      c.onSaved(() => {
        const now = performance.now();
        const list = sent.get(c.doc.clientID)!;
        const saved = c.saved.get(c.doc.clientID) ?? 0;
        while (i < list.length && list[i]!.clock <= saved) saveLatencies.push(now - list[i++]!.at);
      });
    }
    const words: string[] = [];
    const cpuBefore = cpuSeconds(pid);
    const started = performance.now();
    const end = started + SECONDS * 1000;
    await Promise.all(
      clients.map(async (c, i) => {
        let k = 0;
        // Start spread over one interval so the clients do not type in lockstep.
        await new Promise((r) => setTimeout(r, Math.random() * (1000 / RATE)));
        while (performance.now() < end) {
          const word = ` c${i}k${k++}`;
          words.push(word);
          const p = firstParagraph(c.doc)!;
          p.insert(p.length, word);
          sent.get(c.doc.clientID)!.push({ clock: Y.getState(c.doc.store, c.doc.clientID), at: performance.now() });
          await new Promise((r) => setTimeout(r, (1000 / RATE) * (0.5 + Math.random())));
        }
      }),
    );
    const typingSeconds = (performance.now() - started) / 1000;
    const cpuTyping = cpuSeconds(pid) - cpuBefore;
    const rssDuring = rssMb(pid);

    // Convergence: every edit saved on the server, then every client in one pack alike.
    let converged = true;
    try {
      await Promise.all(clients.map((c) => c.allSaved(60_000)));
      if (shared) {
        const target = () => clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'));
        await until(() => new Set(target()).size === 1, 'clients to converge', 60_000);
        const texts = new Set(clients.map((c) => firstParagraph(c.doc)!.toString()));
        if (texts.size !== 1) converged = false;
      }
    } catch (err) {
      console.log(`  not converged: ${(err as Error).message}`);
      converged = false;
    }
    for (const c of clients) c.destroy();
    // The plain file follows once changes settle: every word must be in it.
    const allInFiles = async () => {
      const text = (await Promise.all(files.map((f) => readFile(path.join(workspace, f), 'utf8')))).join('\n');
      return words.every((w) => text.includes(w.trim()));
    };
    const fileStart = Date.now();
    let filesComplete = false;
    while (!(filesComplete = await allInFiles()) && Date.now() - fileStart < 30_000) await new Promise((r) => setTimeout(r, 200));
    if (!filesComplete) converged = false;

    latencies.sort((a, b) => a - b);
    saveLatencies.sort((a, b) => a - b);
    const result = {
      scenario: shared ? 'one pack' : 'separate packs',
      clients: n,
      packs: files.length,
      edits: words.length,
      edits_per_s: round1(words.length / typingSeconds),
      converged,
      latency_samples: latencies.length,
      latency_p50_ms: shared ? round1(percentile(latencies, 50)) : null,
      latency_p95_ms: shared ? round1(percentile(latencies, 95)) : null,
      saved_p50_ms: round1(percentile(saveLatencies, 50)),
      saved_p95_ms: round1(percentile(saveLatencies, 95)),
      server_cpu_percent: round1((cpuTyping / typingSeconds) * 100),
      server_cpu_ms_per_client_s: round1(((cpuTyping * 1000) / typingSeconds) / n),
      server_rss_mb: round1(rssDuring),
      server_rss_mb_per_client: round1((rssDuring - rssBefore) / n),
      server_rss_mb_per_pack: round1((rssDuring - rssBefore) / files.length),
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(workspace, { recursive: true, force: true });
  }
}

const results = [];
for (const n of COUNTS) {
  results.push(await scenario(n, true));
  results.push(await scenario(n, false));
}
const headline = results.find((r) => r.clients === 10 && r.scenario === 'one pack') ?? results[0]!;
const summary = {
  bench: 'collab',
  clients: headline.clients,
  converged: results.every((r) => r.converged),
  latency_p50_ms: headline.latency_p50_ms,
  latency_p95_ms: headline.latency_p95_ms,
  server_rss_mb: headline.server_rss_mb,
  target_p95_ms: 50,
  target_met: results.every((r) => r.converged) && (headline.latency_p95_ms ?? Infinity) <= 50,
  seconds: SECONDS,
  rate_per_client: RATE,
  by_clients: results.map((r) => ({ scenario: r.scenario, clients: r.clients, converged: r.converged, latency_p95_ms: r.latency_p95_ms, saved_p95_ms: r.saved_p95_ms, server_rss_mb: r.server_rss_mb, server_cpu_percent: r.server_cpu_percent })),
};
console.log(JSON.stringify(summary));
if (!summary.converged) process.exitCode = 1;

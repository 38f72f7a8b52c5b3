import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { $getRoot, $isTextNode } from 'lexical';
import { getState } from 'yjs';
import { parsePackText } from '../../shared/pack/parse.js';
import { connect, signIn, until, type TeamClient } from '../support/teamClient.js';
import { PASSWORD, addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';

/**
 * `npm run test:crash:team`: the team server is killed with SIGKILL at random moments while a
 * client types numbered words into a pack. A word counts as acknowledged when the server's
 * "saved" covers it. After each kill the server is started again and a fresh client (the
 * writer is gone too, so nothing is re-sent) reads the pack: every acknowledged word must be
 * there, and the `.briefing` file must always parse. Last line:
 * {"test":"crash-team","kills":…,"typed":…,"acknowledged":…,"lost":…,"badFiles":…}
 * Options: --kills N (default 25).
 */
function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const KILLS = flag('kills', 25);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

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
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests', 'crash', 'teamServerChild.ts'), workspace, String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
}

function textOf(client: TeamClient): string {
  return client.section('summary').editor.getEditorState().read(() => $getRoot().getTextContent());
}

const workspace = await mkdtemp(path.join(os.tmpdir(), 'briefing-crash-team-'));
const started = Date.now();
let typed = 0;
let acknowledged = 0;
let lost = 0;
let badFiles = 0;
const acked = new Set<string>();
try {
  await writeTeamPack(workspace, 'crash.briefing', teamPack('Crash test', [['summary', 'Start.']]));
  await addUsers(workspace, [['Writer', ['edit']]]);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  for (let round = 0; round < KILLS; round++) {
    let server = await startServer(workspace, port);
    const token = (await signIn(base, 'Writer', PASSWORD)).body.token;
    // Check: everything acknowledged so far is on the restarted server.
    const reader = connect(base, 'crash.briefing', token, { sections: ['summary'] });
    await reader.synced();
    await until(() => textOf(reader).startsWith('Start.'), 'the reader to see the pack');
    const text = textOf(reader);
    const missing = [...acked].filter((w) => !text.includes(` ${w} `) && !text.endsWith(` ${w}`));
    lost += missing.length;
    if (missing.length) console.log(`round ${round}: lost ${missing.join(', ')}`);
    reader.destroy();

    // Type for a random time, then kill the server mid-stream.
    const writer = connect(base, 'crash.briefing', token, { sections: ['summary'] });
    await writer.synced();
    await until(() => textOf(writer).startsWith('Start.'), 'the writer to see the pack');
    const killAt = Date.now() + 100 + Math.random() * 900;
    let n = 0;
    while (Date.now() < killAt) {
      const word = `r${round}w${n++}`;
      const { editor } = writer.section('summary');
      editor.update(() => {
        const last = $getRoot().getAllTextNodes().at(-1)!;
        if ($isTextNode(last)) last.spliceText(last.getTextContentSize(), 0, ` ${word}`);
      }, { discrete: true });
      typed++;
      const clock = getState(writer.doc.store, writer.doc.clientID);
      const check = () => {
        if ((writer.saved.get(writer.doc.clientID) ?? 0) >= clock && !acked.has(word)) {
          acked.add(word);
          acknowledged++;
        }
      };
      void writer.allSaved(60_000).then(check, () => {});
      await new Promise((r) => setTimeout(r, Math.random() * 15));
    }
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    writer.destroy();
    try {
      parsePackText(await readFile(path.join(workspace, 'crash.briefing'), 'utf8'));
    } catch (err) {
      badFiles++;
      console.log(`round ${round}: the .briefing file does not parse: ${(err as Error).message}`);
    }
    console.log(`round ${round + 1}/${KILLS}: typed ${n}, acknowledged so far ${acknowledged}, lost so far ${lost}`);
    if (round === KILLS - 1) {
      // Final check after the last kill.
      server = await startServer(workspace, port);
      const t = (await signIn(base, 'Writer', PASSWORD)).body.token;
      const last = connect(base, 'crash.briefing', t, { sections: ['summary'] });
      await last.synced();
      await until(() => textOf(last).startsWith('Start.'), 'the last reader');
      const final = textOf(last);
      const missing = [...acked].filter((w) => !final.includes(` ${w} `) && !final.endsWith(` ${w}`));
      lost += missing.length;
      last.destroy();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  }
} finally {
  await rm(workspace, { recursive: true, force: true });
}
console.log(`${KILLS} kills in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(JSON.stringify({ test: 'crash-team', kills: KILLS, typed, acknowledged, lost, badFiles }));
if (lost > 0 || badFiles > 0 || acknowledged === 0) process.exitCode = 1;

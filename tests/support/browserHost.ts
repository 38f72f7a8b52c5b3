import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A real browser host process (`dist/electron/serve.cjs`) on its own temp folders. */
export interface BrowserHost {
  url: string;
  origin: string;
  token: string;
  workspaceDir: string;
  dataDir: string;
  process: ChildProcess;
  /** Stop the host; pass 'SIGKILL' to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `briefing-${prefix}-`));
}

/**
 * `allowFolders`: the host's --allow-folder roots; by default the OS temp folder, where the
 * tests keep their folders (the host offers the home folder as well, as it always does).
 * `home`: the home folder the host sees.
 */
export async function startBrowserHost(
  options: { workspaceDir?: string; dataDir?: string; port?: number; allowFolders?: string[]; home?: string; author?: string | null } = {},
): Promise<BrowserHost> {
  const workspaceDir = options.workspaceDir ?? (await makeTempDir('ws'));
  const dataDir = options.dataDir ?? (await makeTempDir('data'));
  // `author`: the name in a fresh data folder's settings (default "Test Member"), so the
  // first-launch "who are you" question does not stand in front of every test; null leaves
  // the folder without settings, as on a real first launch. An existing settings file is kept.
  const author = options.author === undefined ? 'Test Member' : options.author;
  if (author !== null) await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ authorName: author }), { flag: 'wx' }).catch(() => undefined);
  const serveScript = path.resolve('dist/electron/serve.cjs');
  const args = [serveScript, '--workspace', workspaceDir, '--data-dir', dataDir];
  for (const folder of options.allowFolders ?? [os.tmpdir()]) args.push('--allow-folder', folder);
  if (options.port) args.push('--port', String(options.port));
  // `home`: the home folder the host sees (its folder chooser starts there).
  const env = options.home ? { ...process.env, HOME: options.home, USERPROFILE: options.home } : process.env;
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    workspaceDir,
    dataDir,
    process: child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    },
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTempFiles } from '../../electron/workspace/tempFiles.js';
import { pruneOrphanBackups } from '../../electron/workspace/startupTidy.js';
import { makeServices } from './safetySupport.js';

/**
 * Issue 17, point 5: tidy after crashes. A save killed part-way leaves a temp file; at the next
 * start it is removed at once when no process holds it (not an hour later), while a save still
 * in progress in another process, or on another computer, is left alone. Version history and
 * backups keep at most what the settings say.
 */
/** A process with half-written saves of `targets` open (tests/support/holdTempFile.ts). */
async function holdTemps(targets: string[]): Promise<{ temps: string[]; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/holdTempFile.ts', ...targets], { stdio: ['ignore', 'pipe', 'inherit'] });
  const temps = await new Promise<string[]>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as string[]));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return {
    temps,
    kill: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 50))) if (await check()) return true;
  return check();
}

describe('temp files of killed saves', () => {
  it('are removed at the next start once no process holds them; a save in progress elsewhere is left alone', { timeout: 30_000 }, async () => {
    const { workspaceDir, dataDir } = await makeServices();
    const historyFolder = path.join(workspaceDir, '.history', 'abc123');
    for (const dir of [path.join(workspaceDir, '.backups'), historyFolder, path.join(dataDir, 'recovery')]) await fs.mkdir(dir, { recursive: true });
    // Saves killed part-way, in every folder the app writes to…
    const [killed, running] = await Promise.all([
      holdTemps([path.join(workspaceDir, 'Budget.briefing'), path.join(workspaceDir, '.backups', 'Budget.briefing'), path.join(historyFolder, 'v1.briefing'), path.join(dataDir, 'recovery', 'x.json'), path.join(dataDir, 'settings.json')]),
      // …one still running in another process…
      holdTemps([path.join(workspaceDir, 'Skills.briefing')]),
    ]);
    // …one from another computer on a shared drive, made a minute ago…
    const otherHost = createHash('sha256').update(`not-${os.hostname()}`).digest('hex').slice(0, 6);
    const foreign = path.join(workspaceDir, `.Shared.briefing.${otherHost}-4242-0a1b2c3d.tmp`);
    await fs.writeFile(foreign, 'a save on another computer');
    // …and one from another computer that never finished, two hours ago.
    const abandoned = path.join(workspaceDir, `.Old.briefing.${otherHost}-4242-deadbeef.tmp`);
    await fs.writeFile(abandoned, 'half a save long ago');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await fs.utimes(abandoned, twoHoursAgo, twoHoursAgo);

    // While the writers live, their temp files are theirs.
    expect(await sweepTempFiles([workspaceDir])).toBe(1); // only the abandoned one
    for (const temp of killed.temps) expect(await exists(temp), temp).toBe(true);

    await killed.kill();
    // The next start: the host's services are created and the library listed.
    const next = await makeServices({ workspaceDir, dataDir });
    await next.services.listPacks({});
    expect(await until(async () => (await Promise.all(killed.temps.map(exists))).every((e) => !e))).toBe(true);
    expect(await exists(running.temps[0]!)).toBe(true);
    expect(await exists(foreign)).toBe(true);
    await running.kill();
    expect(await sweepTempFiles([workspaceDir])).toBe(1);
    expect(await exists(running.temps[0]!)).toBe(false);
    expect((await fs.readdir(workspaceDir)).filter((n) => n.endsWith('.tmp'))).toEqual([path.basename(foreign)]);
  });
});

describe('history and backups keep at most what the settings say', () => {
  it('version history keeps the newest “retain at most” versions of a pack, and every named one', { timeout: 30_000 }, async () => {
    const { services } = await makeServices();
    await services.updateSettings({ retainAtMostVersions: 5 });
    let { file, pack, revision } = await services.createPack({ title: 'Many saves' });
    const named = await services.snapshotPack({ file, pack, reason: 'manual', name: 'Before the meeting' });
    for (let i = 1; i <= 12; i++) {
      pack = { ...pack, frontSheet: { ...pack.frontSheet, version: `0.${i}` } };
      revision = (await services.savePack({ file, pack, baseRevision: revision, snapshot: 'explicit' })).revision;
    }
    const history = await services.listHistory({ packId: pack.id });
    expect(history.filter((h) => !h.name)).toHaveLength(5);
    expect(history.find((h) => h.name === 'Before the meeting')?.id).toBe(named!.id);
    const newest = await services.readSnapshot({ packId: pack.id, id: history.find((h) => !h.name)!.id });
    expect(newest.frontSheet.version).toBe('0.12');
  });

  it('backups stay one per pack: a rename takes its backup along, and a deleted pack’s backup goes after the daily retention', async () => {
    const { services, workspaceDir } = await makeServices();
    const { file, pack, revision } = await services.createPack({ title: 'Old name' });
    await services.savePack({ file, pack: { ...pack, frontSheet: { ...pack.frontSheet, version: '2' } }, baseRevision: revision });
    const renamed = await services.renamePack({ file, title: 'New name' });
    expect((await fs.readdir(path.join(workspaceDir, '.backups'))).sort()).toEqual(['New name.briefing']);
    expect((await services.damagedPackSources({ file: renamed.file })).map((s) => s.kind)).toContain('backup');
    // A backup whose pack has gone: kept while recent, removed once older than the daily retention.
    const orphan = path.join(workspaceDir, '.backups', 'Deleted long ago.briefing');
    const recent = path.join(workspaceDir, '.backups', 'Deleted today.briefing');
    await fs.writeFile(orphan, '{}');
    await fs.writeFile(recent, '{}');
    const old = new Date(Date.now() - 40 * 86_400_000);
    await fs.utimes(orphan, old, old);
    expect(await pruneOrphanBackups(workspaceDir, 30)).toBe(1);
    expect((await fs.readdir(path.join(workspaceDir, '.backups'))).sort()).toEqual(['Deleted today.briefing', 'New name.briefing']);
  });
});

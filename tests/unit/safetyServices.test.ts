import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../shared/api/errors.js';
import type { Pack } from '../../shared/pack/schema.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { newSection } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { snapshotsToDrop, PackHistory, HISTORY_FOLDER } from '../../electron/workspace/history.js';
import { PackLocks } from '../../electron/workspace/packLock.js';
import { makeServices, tempDir } from './safetySupport.js';

function withText(pack: Pack, text: string): Pack {
  return { ...pack, sections: [{ ...newSection('Summary', { content: editorStateFromParagraphs([text]) }), id: 'summary' }] };
}

describe('recovery journal', () => {
  it('keeps the latest unsaved state, lists it with words, restores and discards it', async () => {
    const { services } = await makeServices();
    const opened = await services.createPack({ title: 'Budget' });
    await services.journalPack({ file: opened.file, pack: withText(opened.pack, 'one two'), baseRevision: opened.revision, session: 'ed1', seq: 1 });
    await services.journalPack({ file: opened.file, pack: withText(opened.pack, 'one two three'), baseRevision: opened.revision, session: 'ed1', seq: 2 });
    // A late, older write never replaces a newer one.
    await services.journalPack({ file: opened.file, pack: withText(opened.pack, 'stale'), baseRevision: opened.revision, session: 'ed1', seq: 1 });
    const list = await services.listRecoverable({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ file: opened.file, title: 'Budget', words: 3, fileExists: true, changedOnDiskSince: false });
    const recovered = await services.getRecovered({ file: opened.file });
    expect(recovered?.baseRevision).toBe(opened.revision);
    expect(JSON.stringify(recovered?.pack.sections)).toContain('one two three');
    await services.discardRecovered({ file: opened.file });
    expect(await services.listRecoverable({})).toEqual([]);
    expect(await services.getRecovered({ file: opened.file })).toBeNull();
  });

  it('a clean save clears the entry, unless it holds later edits; late writes after the clear are ignored', async () => {
    const { services } = await makeServices();
    const opened = await services.createPack({ title: 'Budget' });
    const j = (seq: number) => services.journalPack({ file: opened.file, pack: withText(opened.pack, `v${seq}`), baseRevision: opened.revision, session: 'ed', seq });
    await j(3);
    await services.clearJournal({ file: opened.file, session: 'ed', seq: 2 });
    expect(await services.listRecoverable({})).toHaveLength(1); // edits 3 are not saved yet
    await services.clearJournal({ file: opened.file, session: 'ed', seq: 3 });
    expect(await services.listRecoverable({})).toEqual([]);
    expect((await j(3)).written).toBe(false);
    expect(await services.listRecoverable({})).toEqual([]);
    await j(4);
    expect(await services.listRecoverable({})).toHaveLength(1);
  });

  it('lives in the data folder, survives a new host on the same folders, and flags a file changed or deleted since', async () => {
    const first = await makeServices();
    const opened = await first.services.createPack({ title: 'Budget' });
    await first.services.journalPack({ file: opened.file, pack: withText(opened.pack, 'unsaved words'), baseRevision: opened.revision, session: 'ed', seq: 1 });
    expect((await fs.readdir(path.join(first.dataDir, 'recovery'))).length).toBe(1);
    const second = await makeServices({ workspaceDir: first.workspaceDir, dataDir: first.dataDir });
    await fs.writeFile(path.join(first.workspaceDir, opened.file), serialisePack({ ...opened.pack, frontSheet: { ...opened.pack.frontSheet, reportOf: 'someone else' } }));
    expect((await second.services.listRecoverable({}))[0]).toMatchObject({ changedOnDiskSince: true, fileExists: true });
    await fs.unlink(path.join(first.workspaceDir, opened.file));
    expect((await second.services.listRecoverable({}))[0]).toMatchObject({ fileExists: false });
    // Another workspace does not see it.
    const other = await makeServices({ dataDir: first.dataDir });
    expect(await other.services.listRecoverable({})).toEqual([]);
  });
});

describe('version history', () => {
  it('explicit saves always snapshot; autosaves at most every 10 minutes; kept in <workspace>/.history, not in the pack', async () => {
    const { services, workspaceDir } = await makeServices();
    const opened = await services.createPack({ title: 'Budget' });
    let revision = opened.revision;
    const save = async (text: string, snapshot: 'explicit' | 'auto') => {
      revision = (await services.savePack({ file: opened.file, pack: withText(opened.pack, text), baseRevision: revision, snapshot })).revision;
    };
    await save('first autosave', 'auto');
    await save('second autosave', 'auto');
    await save('explicit save here', 'explicit');
    const history = await services.listHistory({ packId: opened.pack.id });
    expect(history.map((h) => h.reason)).toEqual(['explicit', 'auto']);
    expect(history[0]!.words).toBe(3);
    expect(await fs.readdir(path.join(workspaceDir, HISTORY_FOLDER))).toHaveLength(1);
    const onDisk = await fs.readFile(path.join(workspaceDir, opened.file), 'utf8');
    expect(onDisk).not.toContain('first autosave');
    const older = await services.readSnapshot({ packId: opened.pack.id, id: history[1]!.id });
    expect(JSON.stringify(older.sections)).toContain('first autosave');
    const named = await services.nameSnapshot({ packId: opened.pack.id, id: history[1]!.id, name: 'Before cabinet' });
    expect(named.name).toBe('Before cabinet');
    const manual = await services.snapshotPack({ file: opened.file, pack: withText(opened.pack, 'a b'), reason: 'manual', name: 'Draft for Jo' });
    expect(manual?.name).toBe('Draft for Jo');
    await expect(services.readSnapshot({ packId: opened.pack.id, id: '../../etc/passwd' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('saving again without changes keeps no duplicate version', async () => {
    const { services } = await makeServices();
    const opened = await services.createPack({ title: 'Budget' });
    const pack = withText(opened.pack, 'same words');
    const first = await services.snapshotPack({ file: opened.file, pack, reason: 'explicit' });
    const again = await services.snapshotPack({ file: opened.file, pack: { ...pack, updatedAt: new Date().toISOString() }, reason: 'explicit' });
    expect(again?.id).toBe(first?.id);
    const changed = await services.snapshotPack({ file: opened.file, pack: withText(opened.pack, 'other words'), reason: 'explicit' });
    expect(changed?.id).not.toBe(first?.id);
    expect(await services.listHistory({ packId: opened.pack.id })).toHaveLength(2);
  });

  it('an autosave ten minutes after the last snapshot takes a new one', async () => {
    const dir = await tempDir('hist');
    let now = new Date('2026-11-29T10:00:00Z');
    const history = new PackHistory(dir, () => now);
    const { services } = await makeServices();
    const pack = (await services.createPack({ title: 'x' })).pack;
    const first = await history.snapshot('x.briefing', withText(pack, 'one'), 'auto');
    expect(first).not.toBeNull();
    now = new Date('2026-11-29T10:09:59Z');
    expect(await history.snapshot('x.briefing', withText(pack, 'one two'), 'auto')).toBeNull();
    now = new Date('2026-11-29T10:10:01Z');
    const later = await history.snapshot('x.briefing', withText(pack, 'one two three'), 'auto');
    expect(later?.id).not.toBe(first?.id);
    expect(later?.words).toBe(3);
  });

  it('retention: all of the last day, then the newest of each day for 30 days, named ones always', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const metas = [
      { id: 'recent-1', at: '2026-11-29T11:00:00.000Z' },
      { id: 'recent-2', at: '2026-11-29T01:00:00.000Z' },
      { id: 'recent-3', at: '2026-11-28T13:00:00.000Z' },
      { id: 'day-27-late', at: '2026-11-27T18:00:00.000Z' },
      { id: 'day-27-early', at: '2026-11-27T09:00:00.000Z' },
      { id: 'old-daily', at: '2026-11-01T09:00:00.000Z' },
      { id: 'too-old', at: '2026-10-01T09:00:00.000Z' },
      { id: 'too-old-named', at: '2026-09-01T09:00:00.000Z', name: 'Signed off' },
    ];
    expect(snapshotsToDrop(metas, now, { keepAllHours: 24, keepDailyDays: 30 }).sort()).toEqual(['day-27-early', 'too-old']);
    expect(snapshotsToDrop(metas, now, { keepAllHours: 1, keepDailyDays: 0 }).sort()).toEqual(['day-27-early', 'day-27-late', 'old-daily', 'recent-2', 'recent-3', 'too-old']);
  });

  it('retention settings are read from the settings and applied', async () => {
    const { services } = await makeServices();
    const settings = await services.updateSettings({ retainEveryVersionForHours: 48, retainDailyVersionsForDays: 7 });
    expect(settings).toMatchObject({ retainEveryVersionForHours: 48, retainDailyVersionsForDays: 7 });
  });
});

describe('locks', () => {
  it('a second session is told who holds the pack; the lock is removed on release', async () => {
    const dir = await tempDir('lock');
    const a = new PackLocks({ workspaceDir: dir, session: 'A', user: async () => 'Alex Morgan', machine: 'PC-1' });
    const b = new PackLocks({ workspaceDir: dir, session: 'B', user: async () => 'Sam Lee', machine: 'PC-2' });
    expect(await a.acquire('p.briefing')).toEqual({ status: 'acquired' });
    const lockFile = JSON.parse(await fs.readFile(path.join(dir, 'p.briefing.lock'), 'utf8'));
    expect(lockFile).toMatchObject({ user: 'Alex Morgan', machine: 'PC-1', pid: process.pid });
    expect(await a.acquire('p.briefing')).toEqual({ status: 'acquired' }); // refresh
    const held = await b.acquire('p.briefing');
    expect(held).toMatchObject({ status: 'held', holder: { user: 'Alex Morgan', machine: 'PC-1', stale: false } });
    await expect(b.acquire('p.briefing', true)).rejects.toMatchObject({ code: 'CONFLICT' });
    await b.release('p.briefing'); // never removes someone else's lock
    expect(await b.inspect('p.briefing')).toMatchObject({ user: 'Alex Morgan' });
    await a.release('p.briefing');
    await expect(fs.access(path.join(dir, 'p.briefing.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await b.acquire('p.briefing')).toEqual({ status: 'acquired' });
  });

  it('stale locks: same machine with the process gone is taken over at once; an old lock from elsewhere on request', async () => {
    const dir = await tempDir('lock');
    let now = new Date('2026-11-29T10:00:00Z');
    const crashed = new PackLocks({ workspaceDir: dir, session: 'dead', user: async () => 'Alex', machine: 'PC-1', pid: 999_999_999, now: () => now });
    await crashed.acquire('p.briefing');
    const restarted = new PackLocks({ workspaceDir: dir, session: 'new', user: async () => 'Alex', machine: 'PC-1', now: () => now, isProcessAlive: () => false });
    expect(await restarted.acquire('p.briefing')).toEqual({ status: 'acquired' }); // our own crashed session: no notice
    const colleague = new PackLocks({ workspaceDir: dir, session: 'colleague', user: async () => 'Jo', machine: 'PC-1', now: () => now, isProcessAlive: () => false });
    expect(await colleague.acquire('p.briefing')).toMatchObject({ status: 'acquired', tookOverFrom: { user: 'Alex', stale: true } });

    const remote = new PackLocks({ workspaceDir: dir, session: 'remote', user: async () => 'Sam', machine: 'PC-9', now: () => now });
    await remote.acquire('q.briefing');
    const local = new PackLocks({ workspaceDir: dir, session: 'local', user: async () => 'Alex', machine: 'PC-1', now: () => now, staleAfterMs: 15 * 60_000 });
    expect(await local.acquire('q.briefing')).toMatchObject({ status: 'held', holder: { stale: false } });
    now = new Date('2026-11-29T10:16:00Z');
    expect(await local.acquire('q.briefing')).toMatchObject({ status: 'held', holder: { user: 'Sam', stale: true } });
    expect(await local.acquire('q.briefing', true)).toMatchObject({ status: 'acquired', tookOverFrom: { user: 'Sam' } });
  });

  it('a damaged lock file counts as stale', async () => {
    const dir = await tempDir('lock');
    await fs.writeFile(path.join(dir, 'p.briefing.lock'), 'garbage');
    const l = new PackLocks({ workspaceDir: dir, session: 'x', user: async () => 'Alex', machine: 'PC-1' });
    expect(await l.acquire('p.briefing')).toMatchObject({ status: 'held', holder: { stale: true } });
    expect(await l.acquire('p.briefing', true)).toMatchObject({ status: 'acquired' });
  });

  it('through the services: user name from the settings; lock files are not listed as packs', async () => {
    const first = await makeServices();
    await first.services.updateSettings({ authorName: 'Alex Morgan' });
    const opened = await first.services.createPack({ title: 'Budget' });
    expect(await first.services.lockPack({ file: opened.file })).toEqual({ status: 'acquired' });
    const second = await makeServices({ workspaceDir: first.workspaceDir });
    expect(await second.services.lockPack({ file: opened.file })).toMatchObject({ status: 'held', holder: { user: 'Alex Morgan' } });
    expect((await second.services.listPacks({})).entries.map((e) => e.file)).toEqual([opened.file]);
    await first.services.unlockPack({ file: opened.file });
    expect(await second.services.lockPack({ file: opened.file })).toEqual({ status: 'acquired' });
  });
});

describe('conflicts', () => {
  async function conflictSetup() {
    const ctx = await makeServices();
    const opened = await ctx.services.createPack({ title: 'Budget' });
    const theirs = withText(opened.pack, 'their words');
    await fs.writeFile(path.join(ctx.workspaceDir, opened.file), serialisePack(theirs));
    const mine = withText(opened.pack, 'my words');
    const error = await ctx.services.savePack({ file: opened.file, pack: mine, baseRevision: opened.revision }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('CONFLICT');
    expect(await fs.readFile(path.join(ctx.workspaceDir, opened.file), 'utf8')).toContain('their words');
    return { ...ctx, opened, mine };
  }

  it('Reload theirs: their file is loaded, mine kept in the history', async () => {
    const { services, opened, mine } = await conflictSetup();
    const result = await services.resolveConflict({ file: opened.file, pack: mine, choice: 'reload' });
    expect(JSON.stringify(result.pack.sections)).toContain('their words');
    const history = await services.listHistory({ packId: opened.pack.id });
    expect(history[0]!.reason).toBe('before-reload');
    expect(JSON.stringify((await services.readSnapshot({ packId: opened.pack.id, id: history[0]!.id })).sections)).toContain('my words');
  });

  it('Keep mine as a copy: a new file with mine, theirs untouched', async () => {
    const { services, opened, mine, workspaceDir } = await conflictSetup();
    const result = await services.resolveConflict({ file: opened.file, pack: mine, choice: 'copy' });
    expect(result.file).toBe('Budget (my copy).briefing');
    expect(await fs.readFile(path.join(workspaceDir, result.file), 'utf8')).toContain('my words');
    expect(await fs.readFile(path.join(workspaceDir, opened.file), 'utf8')).toContain('their words');
  });

  it('Overwrite: mine on disk, theirs kept in the history and in .backups', async () => {
    const { services, opened, mine, workspaceDir } = await conflictSetup();
    const result = await services.resolveConflict({ file: opened.file, pack: mine, choice: 'overwrite' });
    expect(await fs.readFile(path.join(workspaceDir, opened.file), 'utf8')).toContain('my words');
    expect((await services.packRevision({ file: opened.file })).revision).toBe(result.revision);
    const history = await services.listHistory({ packId: opened.pack.id });
    expect(history.find((h) => h.reason === 'before-overwrite')).toBeDefined();
    expect(await fs.readFile(path.join(workspaceDir, '.backups', opened.file), 'utf8')).toContain('their words');
  });
});

describe('damaged files', () => {
  it('offers the backup and snapshots; opening one as a copy leaves the damaged file byte-for-byte untouched', async () => {
    const { services, workspaceDir } = await makeServices();
    const opened = await services.createPack({ title: 'Budget' });
    const saved = await services.savePack({ file: opened.file, pack: withText(opened.pack, 'good words'), baseRevision: opened.revision, snapshot: 'explicit' });
    await services.savePack({ file: opened.file, pack: withText(opened.pack, 'good words and more'), baseRevision: saved.revision, snapshot: 'explicit' });
    const full = path.join(workspaceDir, opened.file);
    const text = await fs.readFile(full, 'utf8');
    const damaged = Buffer.from(text.slice(0, Math.floor(text.length / 2)));
    await fs.writeFile(full, damaged);
    await expect(services.openPack({ file: opened.file })).rejects.toMatchObject({ code: 'INVALID_FILE' });

    const sources = await services.damagedPackSources({ file: opened.file });
    expect(sources.map((s) => s.kind).sort()).toEqual(['backup', 'snapshot', 'snapshot']);
    const newestSnapshot = sources.find((s) => s.kind === 'snapshot')!;
    expect(newestSnapshot.words).toBe(4);
    const copy = await services.recoverDamagedPack({ file: opened.file, source: { kind: 'snapshot', packId: newestSnapshot.packId!, id: newestSnapshot.id! }, moveDamagedAside: false });
    expect(copy.file).toBe('Budget (recovered).briefing');
    expect(JSON.stringify(copy.pack.sections)).toContain('good words and more');
    expect((await fs.readFile(full)).equals(damaged)).toBe(true);

    const fromBackup = await services.recoverDamagedPack({ file: opened.file, source: { kind: 'backup' }, moveDamagedAside: false });
    expect(JSON.stringify(fromBackup.pack.sections)).toContain('good words');
    expect((await fs.readFile(full)).equals(damaged)).toBe(true);
  });

  it('with consent, the damaged file is renamed aside (kept) and the version restored under its name', async () => {
    const { services, workspaceDir } = await makeServices();
    const opened = await services.createPack({ title: 'Budget' });
    await services.savePack({ file: opened.file, pack: withText(opened.pack, 'good words'), baseRevision: opened.revision, snapshot: 'explicit' });
    const full = path.join(workspaceDir, opened.file);
    await fs.writeFile(full, '{"format": "briefing-pack", "formatVersion": 1, "id": 5}');
    const result = await services.recoverDamagedPack({ file: opened.file, source: { kind: 'backup' }, moveDamagedAside: true });
    expect(result.file).toBe(opened.file);
    expect(result.damagedMovedTo).toMatch(/^Budget \(damaged .*\)\.briefing\.damaged$/);
    expect(await fs.readFile(path.join(workspaceDir, result.damagedMovedTo!), 'utf8')).toBe('{"format": "briefing-pack", "formatVersion": 1, "id": 5}');
    expect((await services.openPack({ file: opened.file })).pack.frontSheet.title).toBe('Budget');
    // A healthy file is never moved.
    await expect(services.recoverDamagedPack({ file: opened.file, source: { kind: 'backup' }, moveDamagedAside: true })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('loader regressions found by the fuzz test', () => {
  it('a deeply nested "format" value gives a typed error, not a stack overflow', async () => {
    const { parsePackText } = await import('../../shared/pack/parse.js');
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of [`{"format":${deep},"formatVersion":1}`, `{"format":{"a":${deep}}}`]) {
      let caught: unknown;
      try {
        parsePackText(text, { label: 'x.briefing' });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(HostError);
      expect((caught as HostError).code).toBe('INVALID_FILE');
    }
  });
});

describe('retention settings', () => {
  it('changing another setting keeps the retention settings, and the other way round', async () => {
    const { services } = await makeServices();
    await services.updateSettings({ retainEveryVersionForHours: 48, retainDailyVersionsForDays: 7 });
    expect(await services.updateSettings({ authorName: 'Sam' })).toMatchObject({ retainEveryVersionForHours: 48, retainDailyVersionsForDays: 7 });
    expect(await services.updateSettings({ retainDailyVersionsForDays: 9 })).toMatchObject({ authorName: 'Sam', retainEveryVersionForHours: 48, retainDailyVersionsForDays: 9 });
  });
});

describe('export keeps a version', () => {
  it('a successful export to Word snapshots the pack as it was exported', async () => {
    const { services } = await makeServices();
    const opened = await services.createPack({ title: 'Budget' });
    const pack = withText(opened.pack, 'exported words here');
    const result = await services.exportToWord({ pack, file: opened.file });
    expect(result.kind).toBe('download');
    const history = await services.listHistory({ packId: opened.pack.id });
    expect(history[0]).toMatchObject({ reason: 'export', words: 3 });
  });
});

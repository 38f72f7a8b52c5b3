import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeletedPacks, DELETED_FOLDER } from '../../electron/workspace/deletedPacks.js';
import { DISCARDED_KEEP_DAYS, snapshotsToDrop } from '../../electron/workspace/history.js';
import { HostError } from '../../shared/api/errors.js';
import { makeServices, tempDir } from './safetySupport.js';

describe('deleted packs (issue 13): kept in the data folder, restorable for 30 days, in both hosts', () => {
  it('delete moves the pack out of the workspace into the data folder; restore brings it back under its name', async () => {
    const { services, workspaceDir, dataDir } = await makeServices();
    const made = await services.createPack({ title: 'Coastal flooding' });
    const deleted = await services.deletePack({ file: made.file });
    expect(deleted.deletedId).toMatch(/^[0-9TZ-]+-[0-9a-f]{8}$/);
    // Gone from the workspace and its listing; no .trash folder appears in it.
    expect((await fs.readdir(workspaceDir)).filter((n) => !n.startsWith('.history') && !n.startsWith('.backups'))).toEqual([]);
    expect((await services.listPacks({})).entries).toEqual([]);
    expect(await fs.readdir(path.join(dataDir, DELETED_FOLDER))).toEqual([deleted.deletedId]);

    const listed = await services.listDeletedPacks({});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: deleted.deletedId, file: made.file, title: 'Coastal flooding' });
    expect(Date.parse(listed[0]!.keptUntil) - Date.parse(listed[0]!.deletedAt)).toBe(30 * 86_400_000);

    const restored = await services.restoreDeletedPack({ id: deleted.deletedId! });
    expect(restored).toEqual({ file: made.file, title: 'Coastal flooding' });
    const reopened = await services.openPack({ file: made.file });
    expect(reopened.pack.id).toBe(made.pack.id); // the same pack: its history stays attached
    expect(await services.listDeletedPacks({})).toEqual([]);
    await expect(services.restoreDeletedPack({ id: deleted.deletedId! })).rejects.toThrow(/no longer kept/);
  });

  it('a pack made since under the same name is never overwritten: the restored one gets a free name', async () => {
    const { services } = await makeServices();
    const first = await services.createPack({ title: 'Budget' });
    const { deletedId } = await services.deletePack({ file: first.file });
    const second = await services.createPack({ title: 'Budget' });
    expect(second.file).toBe(first.file);
    const restored = await services.restoreDeletedPack({ id: deletedId! });
    expect(restored.file).toBe('Budget (2).briefing');
    expect((await services.openPack({ file: second.file })).pack.id).toBe(second.pack.id);
    expect((await services.openPack({ file: restored.file })).pack.id).toBe(first.pack.id);
  });

  it('lists only this workspace’s deletions, removes them after 30 days, and refuses ids that are not its own', async () => {
    const dataDir = await tempDir('data');
    const wsA = await tempDir('wsA');
    const wsB = await tempDir('wsB');
    let now = new Date('2026-11-01T09:00:00Z');
    const bin = new DeletedPacks(dataDir, () => now);
    await fs.writeFile(path.join(wsA, 'A.briefing'), 'not even JSON'); // a damaged pack can be deleted too
    await fs.writeFile(path.join(wsB, 'B.briefing'), '{}');
    const a = await bin.keep(wsA, path.join(wsA, 'A.briefing'));
    await bin.keep(wsB, path.join(wsB, 'B.briefing'));
    expect((await bin.list(wsA)).map((d) => [d.file, d.title])).toEqual([['A.briefing', 'A']]);
    expect((await bin.list(wsB)).map((d) => d.file)).toEqual(['B.briefing']);
    await expect(bin.restore(wsB, a, async () => 'x')).rejects.toBeInstanceOf(HostError);
    await expect(bin.restore(wsA, '../../etc', async () => 'x')).rejects.toThrow('That is not a deleted pack.');

    now = new Date('2026-11-30T09:00:00Z'); // 29 days: still kept
    expect(await bin.list(wsA)).toHaveLength(1);
    now = new Date('2026-12-01T09:00:01Z'); // past 30 days: gone for good
    expect(await bin.list(wsA)).toEqual([]);
    expect(await fs.readdir(path.join(dataDir, DELETED_FOLDER))).toEqual([]);
  });
});

describe('who (issue 13): the name in settings is recorded on versions', () => {
  it('an explicit save’s version says who saved it', async () => {
    const { services } = await makeServices();
    await services.updateSettings({ authorName: 'Priya Shah' });
    const made = await services.createPack({ title: 'Budget' });
    await services.savePack({ file: made.file, pack: { ...made.pack, frontSheet: { ...made.pack.frontSheet, reportOf: 'x' } }, baseRevision: made.revision, snapshot: 'explicit' });
    const [version] = await services.listHistory({ packId: made.pack.id });
    expect(version).toMatchObject({ reason: 'explicit', by: 'Priya Shah' });
  });
});

describe('discarded recovered changes (issue 13): kept as a version for 30 days', () => {
  it('discarding the recovery journal entry keeps its text in the history', async () => {
    const { services } = await makeServices();
    const made = await services.createPack({ title: 'Budget' });
    const pack = { ...made.pack, frontSheet: { ...made.pack.frontSheet, reportOf: 'Words the user discarded' } };
    await services.journalPack({ file: made.file, pack, baseRevision: made.revision, session: 'ed', seq: 1 });
    await services.discardRecovered({ file: made.file });
    expect(await services.getRecovered({ file: made.file })).toBeNull();
    const versions = await services.listHistory({ packId: made.pack.id });
    const kept = versions.find((v) => v.reason === 'discarded-recovery');
    expect(kept).toBeDefined();
    expect((await services.readSnapshot({ packId: made.pack.id, id: kept!.id })).frontSheet.reportOf).toBe('Words the user discarded');
  });

  it('retention keeps a discarded version for 30 days whatever the other rules, then lets it go', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const day = 86_400_000;
    const metas = [
      { id: 'discarded-29d', at: new Date(now.getTime() - 29 * day).toISOString(), reason: 'discarded-recovery' as const },
      { id: 'discarded-31d', at: new Date(now.getTime() - 31 * day).toISOString(), reason: 'discarded-recovery' as const },
      { id: 'auto-29d', at: new Date(now.getTime() - 29 * day + 1000).toISOString(), reason: 'auto' as const },
    ];
    expect(DISCARDED_KEEP_DAYS).toBe(30);
    // Even with no daily versions kept and a cap of zero, the discarded text stays its 30 days.
    expect(snapshotsToDrop(metas, now, { keepAllHours: 1, keepDailyDays: 0, maxVersions: 0 }).sort()).toEqual(['auto-29d', 'discarded-31d']);
  });
});

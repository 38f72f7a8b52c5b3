import { PACK_FORMAT_VERSION } from '../../shared/pack/format.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newPack } from '../../shared/pack/defaults.js';
import { parsePackText, serialisePack } from '../../shared/pack/parse.js';
import { STATUSES, type PackStatus } from '../../shared/pack/vocabulary.js';
import { canChangeStatus, changeStatus, describeStatusChange, isReadOnlyStatus, statusChangeProblem } from '../../shared/pack/status.js';
import { HostError } from '../../shared/api/errors.js';
import { createServices } from '../../electron/services.js';

const sam = { name: 'Sam Patel', role: 'Head of Policy' };
const at = new Date('2026-11-29T10:00:00Z');

describe('status path', () => {
  it('goes draft → for review → approved → draft, recording who and when each time', () => {
    let pack = newPack({ title: 'P' });
    pack = changeStatus(pack, 'for-review', sam, at);
    pack = changeStatus(pack, 'approved', { name: 'Jo Bloggs' }, new Date('2026-11-30T09:00:00Z'));
    pack = changeStatus(pack, 'draft', sam, new Date('2026-12-01T09:00:00Z'));
    expect(pack.frontSheet.status).toBe('draft');
    expect(pack.statusHistory).toEqual([
      { from: 'draft', to: 'for-review', at: '2026-11-29T10:00:00.000Z', by: 'Sam Patel', role: 'Head of Policy' },
      { from: 'for-review', to: 'approved', at: '2026-11-30T09:00:00.000Z', by: 'Jo Bloggs' },
      { from: 'approved', to: 'draft', at: '2026-12-01T09:00:00.000Z', by: 'Sam Patel', role: 'Head of Policy' },
    ]);
    expect(describeStatusChange(pack.statusHistory![1]!)).toBe('Approved by Jo Bloggs');
  });

  it('refuses steps off the path with a plain-English reason and leaves the pack alone', () => {
    const draft = newPack({ title: 'P' });
    expect(() => changeStatus(draft, 'approved', sam)).toThrow(HostError);
    expect(() => changeStatus(draft, 'approved', sam)).toThrow('A draft must be sent for review before it can be approved.');
    expect(() => changeStatus(draft, 'draft', sam)).toThrow('already draft');
    const approved = changeStatus(changeStatus(draft, 'for-review', sam), 'approved', sam);
    expect(statusChangeProblem('approved', 'for-review')).toMatch(/set it back to draft first/);
    expect(() => changeStatus(approved, 'for-review', sam)).toThrow(HostError);
    expect(draft.statusHistory).toBeUndefined();
    expect(draft.frontSheet.status).toBe('draft');
  });

  it('allows exactly the four steps of the path (every pair checked)', () => {
    const allowed = STATUSES.flatMap((from) => STATUSES.filter((to) => canChangeStatus(from, to)).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(['approved>draft', 'draft>for-review', 'for-review>approved', 'for-review>draft']);
    expect(STATUSES.filter(isReadOnlyStatus)).toEqual(['approved']);
  });

  it('any sequence of attempted changes keeps history consistent with the status (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<PackStatus>(...STATUSES), { maxLength: 30 }), (targets) => {
        let pack = newPack({ title: 'P' });
        for (const to of targets) {
          try {
            pack = changeStatus(pack, to, sam, at);
          } catch (err) {
            expect(err).toBeInstanceOf(HostError);
          }
        }
        const history = pack.statusHistory ?? [];
        let status: PackStatus = 'draft';
        for (const change of history) {
          expect(change.from).toBe(status);
          expect(canChangeStatus(change.from, change.to)).toBe(true);
          status = change.to;
        }
        expect(pack.frontSheet.status).toBe(status);
        // The recorded history is valid file format v1 and survives a save and reload.
        expect(parsePackText(serialisePack(pack)).statusHistory ?? []).toEqual(history);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps packs without a history readable (the status history stays optional)', () => {
    const old = newPack({ title: 'Old' });
    const text = serialisePack(old);
    expect(JSON.parse(text).statusHistory).toBeUndefined();
    expect(JSON.parse(text).formatVersion).toBe(PACK_FORMAT_VERSION);
    expect(parsePackText(text).frontSheet.title).toBe('Old');
  });

  it('setPackStatus through the host contract records the author from settings, on disk', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'briefing-status-'));
    try {
      const services = createServices({ platform: { host: 'browser', appVersion: 't', dataDir: path.join(root, 'data'), trash: async () => {} }, workspaceOverride: path.join(root, 'ws') });
      await services.updateSettings({ authorName: 'Alex Morgan', authorRole: 'Policy officer' });
      const created = await services.createPack({ title: 'Parks' });
      await expect(services.setPackStatus({ file: created.file, status: 'approved' })).rejects.toThrow('must be sent for review');
      const reviewed = await services.setPackStatus({ file: created.file, status: 'for-review', baseRevision: created.revision });
      await expect(services.setPackStatus({ file: created.file, status: 'approved', baseRevision: created.revision })).rejects.toMatchObject({ code: 'CONFLICT' });
      await services.setPackStatus({ file: created.file, status: 'approved', baseRevision: reviewed.revision });
      const onDisk = JSON.parse(await readFile(path.join(root, 'ws', created.file), 'utf8'));
      expect(onDisk.frontSheet.status).toBe('approved');
      expect(onDisk.statusHistory.map((c: { to: string; by: string; role: string }) => `${c.to} ${c.by} (${c.role})`)).toEqual(['for-review Alex Morgan (Policy officer)', 'approved Alex Morgan (Policy officer)']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

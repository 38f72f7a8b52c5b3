import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi, HostHandlers } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';
import { dispatch } from '../../electron/dispatch.js';
import { PackSession } from '../../renderer/pack/session/PackSession.js';
import { PROBE_MS } from '../../renderer/pack/session/otherWindows.js';
import type { HostReachability, SessionHost } from '../../renderer/pack/session/types.js';
import type { BrowserStash, StashedEdits } from '../../renderer/recovery/browserStash.js';
import { makeServices } from './safetySupport.js';

/**
 * Issue 13's session parts over the REAL services (as packSession.test.ts): OtherWindows over
 * Node's own BroadcastChannel (the same API as the browser's, delivered between instances in
 * this process), and Reconnection with a host that really stops answering.
 */
function hostOver(services: HostHandlers, down: () => boolean = () => false, onCall?: (ok: boolean) => void): SessionHost {
  return new Proxy({} as HostApi, {
    get: (_t, name: string) => async (args: unknown) => {
      if (down()) {
        onCall?.(false);
        throw new HostError('UNAVAILABLE', 'not answering');
      }
      onCall?.(true);
      const outcome = await dispatch(services, name, JSON.parse(JSON.stringify(args ?? {})));
      if (outcome.kind !== 'done') throw new Error(`bad call ${name}`);
      if (!outcome.envelope.ok) throw new HostError(outcome.envelope.error.code, outcome.envelope.error.message);
      return outcome.envelope.result;
    },
  }) as SessionHost;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

const sessions: PackSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

describe('OtherWindows: one pack, two windows', () => {
  it('a second session is asked, not shown the first one’s journal as a crash; take over saves there first', async () => {
    const { services } = await makeServices();
    const { file } = await services.createPack({ title: 'Two windows' });
    let failSaves = true;
    const base = hostOver(services);
    // The first window cannot save (its journal holds the words), the second can.
    const firstHost = new Proxy(base, { get: (t, name: string) => (name === 'savePack' && failSaves ? async () => Promise.reject(new HostError('UNAVAILABLE', 'drive gone')) : (t as never)[name]) });
    const first = new PackSession({ host: firstHost as SessionHost, file });
    sessions.push(first);
    await first.start();
    first.update((p) => ({ ...p, frontSheet: { ...p.frontSheet, reportOf: 'typed in the first window' } }));
    await first.saveNow();
    await first.journalNow();
    expect((await services.getRecovered({ file }))?.session).toBe(first.journalSession);

    const second = new PackSession({ host: base, file });
    sessions.push(second);
    await second.start();
    await until(() => second.state.otherWindow.kind === 'ask');
    expect(second.readOnly).toBe(true);
    await sleep(PROBE_MS + 100); // past the probe: the journal entry of a live window is never offered
    expect(second.state.pendingRecovery).toBeNull();

    failSaves = false;
    await second.takeOverFromOtherWindow();
    expect(second.state.otherWindow).toEqual({ kind: 'none' });
    expect(second.readOnly).toBe(false);
    expect(first.state.otherWindow).toMatchObject({ kind: 'moved', saved: true });
    expect(first.readOnly).toBe(true);
    expect(second.current?.frontSheet.reportOf).toBe('typed in the first window');
    expect((await services.openPack({ file })).pack.frontSheet.reportOf).toBe('typed in the first window');
    expect(await services.getRecovered({ file })).toBeNull();
  });

  it('a journal entry whose editor has really gone is still offered', async () => {
    const { services } = await makeServices();
    const created = await services.createPack({ title: 'Crashed' });
    await services.journalPack({ file: created.file, pack: { ...created.pack, frontSheet: { ...created.pack.frontSheet, reportOf: 'lost?' } }, baseRevision: created.revision, session: 'gone', seq: 2 });
    const session = new PackSession({ host: hostOver(services), file: created.file });
    sessions.push(session);
    await session.start();
    await until(() => session.state.pendingRecovery !== null);
    expect(session.state.pendingRecovery).toMatchObject({ source: 'journal', session: 'gone' });
    expect(session.state.otherWindow).toEqual({ kind: 'none' });
  });
});

describe('Reconnection: the host stops answering and comes back', () => {
  it('keeps the unsaved pack in the browser stash while cut off, saves when the host answers, and clears the stash', async () => {
    const { services } = await makeServices();
    const { file } = await services.createPack({ title: 'Cut off' });
    let down = false;
    let state: HostReachability = 'reachable';
    const listeners = new Set<(s: HostReachability) => void>();
    const set = (next: HostReachability) => {
      if (next === state) return;
      state = next;
      for (const l of listeners) l(next);
    };
    // As the browser transport does: a call that gets no answer makes it unreachable, an answer reachable.
    const host = hostOver(services, () => down, (ok) => set(ok ? 'reachable' : 'unreachable'));
    const kept = new Map<string, StashedEdits>();
    const stash: BrowserStash = { put: async (e) => void kept.set(e.file, structuredClone(e)), get: async (f) => kept.get(f) ?? null, remove: async (f) => void kept.delete(f) };
    const session = new PackSession({ host, file, stash, connection: { current: () => state, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) } });
    sessions.push(session);
    await session.start();

    down = true;
    session.update((p) => ({ ...p, frontSheet: { ...p.frontSheet, reportOf: 'typed while the host was down' } }));
    expect(await session.saveNow()).toBe(false);
    await until(() => kept.has(file));
    expect(kept.get(file)!.pack.frontSheet.reportOf).toBe('typed while the host was down');
    await until(() => session.state.connection.kind === 'lost' && session.state.connection.keptInBrowser);

    down = false; // started again: the next poll gets an answer and the words are saved
    await until(() => session.state.saveState.kind === 'saved', 10_000);
    expect(session.state.connection).toEqual({ kind: 'back' });
    expect((await services.openPack({ file })).pack.frontSheet.reportOf).toBe('typed while the host was down');
    await until(() => !kept.has(file));

    // A later page finds a copy kept by an earlier one and offers it back.
    const opened = await services.openPack({ file });
    kept.set(file, { file, packId: opened.pack.id, pack: { ...opened.pack, frontSheet: { ...opened.pack.frontSheet, reportOf: 'kept by a page that was reloaded' } }, baseRevision: opened.revision, stashedAt: new Date().toISOString() });
    const later = new PackSession({ host, file, stash, connection: { current: () => state, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) } });
    sessions.push(later);
    await later.start();
    await until(() => later.state.pendingRecovery !== null);
    expect(later.state.pendingRecovery).toMatchObject({ source: 'browser' });
    await later.discardRecovery();
    expect(kept.has(file)).toBe(false);
    const versions = await services.listHistory({ packId: opened.pack.id });
    expect(versions.some((v) => v.reason === 'discarded-recovery')).toBe(true);
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi, HostHandlers, MethodName } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';
import { dispatch } from '../../electron/dispatch.js';
import { PackSession } from '../../renderer/pack/session/PackSession.js';
import { AUTOSAVE_DELAY_MS, JOURNAL_INTERVAL_MS, DISK_CHECK_MS, type SessionHost } from '../../renderer/pack/session/types.js';
import { newSection } from '../../shared/pack/defaults.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { parsePackText } from '../../shared/pack/parse.js';
import { makeServices } from './safetySupport.js';

/**
 * The framework-free pack session (renderer/pack/session) over the REAL back-end services on
 * temp folders, called through the same dispatch (argument validation, error envelopes) both
 * transports use. Nothing is mocked: files, journal, locks and revisions are real.
 */
function hostOver(services: HostHandlers, options: { failing?: (method: string) => boolean } = {}): SessionHost {
  return new Proxy({} as HostApi, {
    get: (_t, name: string) => async (args: unknown) => {
      if (options.failing?.(name)) throw new HostError('UNAVAILABLE', 'The app’s back end cannot be reached.');
      const outcome = await dispatch(services, name, JSON.parse(JSON.stringify(args ?? {})));
      if (outcome.kind !== 'done') throw new Error(`bad call ${name}: ${JSON.stringify(outcome)}`);
      if (!outcome.envelope.ok) throw new HostError(outcome.envelope.error.code, outcome.envelope.error.message);
      return outcome.envelope.result;
    },
  }) as SessionHost;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
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

async function openSession(host: SessionHost, file: string): Promise<PackSession> {
  const session = new PackSession({ host, file });
  sessions.push(session);
  await session.start();
  return session;
}

async function setUp() {
  const env = await makeServices();
  const created = await env.services.createPack({ title: 'Session test' });
  return { ...env, file: created.file, host: hostOver(env.services) };
}

const withText = (text: string) => (pack: Parameters<Parameters<PackSession['update']>[0]>[0]) => ({
  ...pack,
  sections: [...pack.sections, { ...newSection('Local angle'), content: editorStateFromParagraphs([text]) }],
});

describe('PackSession (renderer/pack/session) over the real services', () => {
  it('opens the pack, takes the lock, autosaves after a pause and says so', async () => {
    const { host, file, workspaceDir } = await setUp();
    const session = await openSession(host, file);
    expect(session.state.pack?.frontSheet.title).toBe('Session test');
    await until(() => session.state.lock.kind === 'editing');
    session.update(withText('Sefton’s coast is its head start.'));
    expect(session.state.saveState.kind).toBe('unsaved');
    expect(session.hasUnsavedChanges()).toBe(true);
    await sleep(AUTOSAVE_DELAY_MS + 400);
    await until(() => session.state.saveState.kind === 'saved');
    const onDisk = parsePackText(await fs.readFile(path.join(workspaceDir, file), 'utf8'));
    expect(JSON.stringify(onDisk.sections.at(-1)?.content)).toContain('head start');
    expect(session.hasUnsavedChanges()).toBe(false);
  });

  it('journals unsaved edits within the interval, and a clean save clears the journal', async () => {
    const { file, services } = await setUp();
    // Saves fail (a drive gone), so the words are only in memory and the journal.
    let savesFail = true;
    const session = await openSession(hostOver(services, { failing: (m) => savesFail && m === 'savePack' }), file);
    session.update(withText('Words only in the journal.'));
    await sleep(JOURNAL_INTERVAL_MS + 300);
    const recovered = await services.getRecovered({ file });
    expect(JSON.stringify(recovered?.pack.sections)).toContain('only in the journal');
    savesFail = false;
    expect(await session.saveNow('explicit')).toBe(true);
    await until(async () => (await services.getRecovered({ file })) === null);
  });

  it('a failed save keeps every word in memory and reports it; the retry saves them', async () => {
    const env = await makeServices();
    const created = await env.services.createPack({ title: 'Flaky host' });
    let down = false;
    const session = await openSession(hostOver(env.services, { failing: (m) => down && m !== 'journalPack' }), created.file);
    down = true;
    session.update(withText('Typed while the host was away.'));
    expect(await session.saveNow()).toBe(false);
    expect(session.state.saveState).toMatchObject({ kind: 'error', message: expect.stringMatching(/cannot be reached/) });
    expect(JSON.stringify(session.current?.sections)).toContain('while the host was away');
    down = false;
    expect(await session.saveNow()).toBe(true);
    const onDisk = await fs.readFile(path.join(env.workspaceDir, created.file), 'utf8');
    expect(onDisk).toContain('while the host was away');
  });

  it('notices a change made on disk by someone else, and a save then reports a conflict instead of overwriting', async () => {
    const { host, file, workspaceDir } = await setUp();
    const session = await openSession(host, file);
    const target = path.join(workspaceDir, file);
    const theirs = parsePackText(await fs.readFile(target, 'utf8'));
    theirs.frontSheet.title = 'Changed by a colleague';
    await fs.writeFile(target, JSON.stringify(theirs));
    await until(() => session.state.diskState === 'changed', DISK_CHECK_MS + 3000);
    session.update(withText('Mine.'));
    expect(await session.saveNow()).toBe(false);
    expect(session.state.conflict).toBe(true);
    expect(parsePackText(await fs.readFile(target, 'utf8')).frontSheet.title).toBe('Changed by a colleague');
    const copy = await session.resolveConflict('copy');
    expect(copy).toMatch(/\.briefing$/);
    expect(await fs.readFile(path.join(workspaceDir, copy!), 'utf8')).toContain('Mine.');
  });

  it('a session of another app on the same pack is read-only while the first holds the lock, and never saves', async () => {
    const { host, file, workspaceDir } = await setUp();
    const first = await openSession(host, file);
    await until(() => first.state.lock.kind === 'editing');
    const other = await makeServices({ workspaceDir });
    const second = await openSession(hostOver(other.services), file);
    await until(() => second.state.lock.kind === 'read-only');
    const before = await fs.readFile(path.join(workspaceDir, file), 'utf8');
    second.update(withText('Should not be written.'));
    expect(second.state.saveState.kind).toBe('saved');
    await second.saveNow('explicit');
    expect(await fs.readFile(path.join(workspaceDir, file), 'utf8')).toBe(before);
  });

  it('closing releases the lock and stops the timers (no save after dispose)', async () => {
    const { host, file, workspaceDir } = await setUp();
    const session = await openSession(host, file);
    await until(() => session.state.lock.kind === 'editing');
    session.update(withText('Unsaved at close.'));
    session.dispose();
    await sleep(AUTOSAVE_DELAY_MS + 400);
    const lockFiles = (await fs.readdir(workspaceDir)).filter((f) => f.includes('lock'));
    expect(lockFiles).toEqual([]);
    expect(await fs.readFile(path.join(workspaceDir, file), 'utf8')).not.toContain('Unsaved at close');
  });

  it('a session on a file that cannot be opened shows the plain-English reason and starts nothing', async () => {
    const { host, workspaceDir } = await setUp();
    await fs.writeFile(path.join(workspaceDir, 'Broken.briefing'), '{"format": "briefing-pack", "formatVersion": 1');
    const session = await openSession(host, 'Broken.briefing');
    expect(session.state.pack).toBeNull();
    expect(session.state.loadError).toMatch(/damaged/);
    expect(session.state.loadErrorCode).toBe('INVALID_FILE');
    expect(session.state.lock.kind).toBe('pending');
  });
});

// Keep the names used above in sync with the contract (a renamed method fails typecheck here).
const _used: MethodName[] = ['openPack', 'savePack', 'journalPack', 'lockPack', 'packRevision', 'resolveConflict'];
void _used;

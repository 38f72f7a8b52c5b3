import { afterEach, describe, expect, it } from 'vitest';
import { createTeamServices } from '../../electron/team/teamServices.js';
import { teamOrigin } from '../../electron/team/teamClient.js';
import { startTeamServer, type TeamServer } from '../../electron/teamServer/teamServer.js';
import { PackStore } from '../../electron/workspace/packStore.js';
import { SettingsStore, defaultSettings } from '../../electron/workspace/settingsStore.js';
import { HostError } from '../../shared/api/errors.js';
import { useTempDirs } from '../support/tempDir.js';
import { PASSWORD, addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';

/** The app's side of the team server (issue 18): sign in, status, packs, copies, against a real server. */
const temp = useTempDirs();
let server: TeamServer | undefined;
afterEach(async () => {
  await server?.close().catch(() => undefined);
  server = undefined;
});

async function setUp(sessionTtlMs?: number) {
  const workspace = await temp('team-ws');
  await addUsers(workspace, [['Priya Shah', ['edit']], ['Sam Suggest', []]]);
  await writeTeamPack(workspace, 'cabinet.briefing', teamPack('Shared cabinet report'));
  await writeTeamPack(workspace, 'exempt.briefing', teamPack('Exempt land deal', undefined, true));
  server = await startTeamServer({ workspace, host: '127.0.0.1', log: () => {}, sessionTtlMs });
  const dataDir = await temp('team-data');
  const local = await temp('team-local');
  const settings = new SettingsStore(dataDir, { ...defaultSettings(), workspaceDir: local });
  const store = new PackStore({ workspaceDir: local, trash: async () => undefined });
  const team = createTeamServices({ dataDir, settings, packs: async () => store });
  return { team, settings, store, local };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(HostError);
    expect((err as Error).message).not.toMatch(/\n\s+at |ECONN|fetch failed/);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('the team server from the app', () => {
  it('reads an address as the user types it, and refuses what is not one', async () => {
    expect(teamOrigin('team.sefton.gov.uk')).toBe('https://team.sefton.gov.uk');
    expect(teamOrigin(' http://127.0.0.1:8080/some/path ')).toBe('http://127.0.0.1:8080');
    expect(await refusal(Promise.resolve().then(() => teamOrigin('ftp://files.example')))).toContain('must start with https://');
    expect(await refusal(Promise.resolve().then(() => teamOrigin('https://priya:secret@team.example')))).toContain('Leave the name and password out');
    expect(await refusal(Promise.resolve().then(() => teamOrigin('')))).toContain('Enter the team server’s address');
  });

  it('signs in, says who and until when, lists only what the account may see, copies a pack, signs out', async () => {
    const { team, settings, store } = await setUp();
    expect(await team.teamStatus({})).toMatchObject({ signedIn: false, reason: null });
    expect(await refusal(team.teamPacks({}))).toBe('You are not signed in to a team server. Sign in under Settings → Team server.');
    expect(await refusal(team.teamSignIn({ address: server!.url, name: 'Priya Shah', password: 'wrong' }))).toBe('That name and password do not match an account on this team server.');

    const signed = await team.teamSignIn({ address: server!.url, name: 'Priya Shah', password: PASSWORD });
    expect(signed).toMatchObject({ as: 'Priya Shah', permissions: ['edit'] });
    expect((await settings.get()).teamServer).toEqual({ address: server!.url, name: 'Priya Shah' });
    expect(await team.teamStatus({})).toMatchObject({ signedIn: true, as: 'Priya Shah', origin: new URL(server!.url).origin });

    const { packs } = await team.teamPacks({});
    expect(packs.map((p) => p.title)).toEqual(['Shared cabinet report']);
    const copy = await team.teamCopyPack({ file: 'cabinet.briefing' });
    expect(copy.pack.frontSheet.title).toBe('Shared cabinet report');
    expect(copy.pack.id).not.toBe(packs[0]!.id);
    expect((await store.list()).entries.flatMap((e) => (e.kind === 'pack' ? [e.title] : []))).toContain('Shared cabinet report');
    // Shared back under its own name: the server has it, as saved.
    expect(await team.teamSharePack({ file: copy.file })).toEqual({ origin: new URL(server!.url).origin, file: copy.file });
    expect((await team.teamPacks({})).packs.map((p) => p.title).sort()).toEqual(['Shared cabinet report', 'Shared cabinet report']);
    expect(await refusal(team.teamCopyPack({ file: 'exempt.briefing' }))).toMatch(/not|may/i);

    expect(await team.teamSignOut({})).toEqual({ signedOut: true });
    expect(await team.teamStatus({})).toMatchObject({ signedIn: false });
  });

  it('an expired session says so; an unreachable server is not a sign-out', async () => {
    const { team, store } = await setUp(300);
    await team.teamSignIn({ address: server!.url, name: 'Sam Suggest', password: PASSWORD });
    // A suggest-only account may not put packs on the server: said plainly.
    const mine = await store.create('Sam’s draft');
    expect(await refusal(team.teamSharePack({ file: mine.file }))).toBe('Your account may not add packs to the team server.');
    await server!.close();
    const away = await team.teamStatus({});
    expect(away).toMatchObject({ signedIn: true, as: 'Sam Suggest' });
    expect(away.signedIn && away.unreachable).toContain('cannot be reached');
    expect(await refusal(team.teamPacks({}))).toContain('cannot be reached');
    await new Promise((r) => setTimeout(r, 350));
    expect(await team.teamStatus({})).toMatchObject({ signedIn: false, reason: 'Your session has ended. Sign in again.' });
    expect(await refusal(team.teamPacks({}))).toBe('Your team server session has ended. Sign in again under Settings → Team server.');
  });
});

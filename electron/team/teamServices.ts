import { chmod, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { HostHandlers } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';
import type { SettingsStore } from '../workspace/settingsStore.js';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import { checkSession, fetchTeamPack, listTeamPacks, putTeamPack, signIn, signOut, teamOrigin } from './teamClient.js';
import { packFromJson } from '../../shared/pack/parse.js';
import type { PackStore } from '../workspace/packStore.js';

type TeamMethods = 'teamStatus' | 'teamSignIn' | 'teamSignOut' | 'teamPacks' | 'teamCopyPack' | 'teamSharePack' | 'teamOpenPack';

/**
 * The team server as the app sees it (issue 18, point 3: Settings → Team server, and the
 * server's packs in the library). The session token is kept in the data folder, readable by
 * this user only, and never handed to the page.
 */
const SESSION_FILE = 'team-session.json';
const storedSchema = z.object({ origin: z.string(), token: z.string(), expiresAt: z.number(), name: z.string(), permissions: z.array(z.string()) });
type Stored = z.infer<typeof storedSchema>;

async function readStored(file: string): Promise<Stored | null> {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The session the relay uses: null when signed out or ended. */
export async function liveTeamSession(dataDir: string, now = Date.now()): Promise<{ origin: string; token: string } | null> {
  const s = await readStored(path.join(dataDir, SESSION_FILE));
  return s && s.expiresAt > now ? { origin: s.origin, token: s.token } : null;
}

export function createTeamServices(deps: { dataDir: string; settings: SettingsStore; packs: () => Promise<PackStore>; now?: () => number }): Pick<HostHandlers, TeamMethods> {
  const file = path.join(deps.dataDir, SESSION_FILE);
  const now = deps.now ?? Date.now;

  const stored = () => readStored(file);

  async function keep(session: Stored): Promise<void> {
    await writeFileAtomic(file, JSON.stringify(session));
    await chmod(file, 0o600).catch(() => undefined);
  }

  /** The live session, or a plain reason there is none. */
  async function session(): Promise<Stored> {
    const s = await stored();
    if (!s) throw new HostError('PERMISSION', 'You are not signed in to a team server. Sign in under Settings → Team server.');
    if (s.expiresAt <= now()) throw new HostError('PERMISSION', 'Your team server session has ended. Sign in again under Settings → Team server.');
    return s;
  }

  /** A pack as the server has it now, validated like any pack file. */
  async function serverPack(file: string) {
    const s = await session();
    return packFromJson(await fetchTeamPack(s.origin, s.token, file), { label: file });
  }

  return {
    async teamStatus() {
      const settings = await deps.settings.get();
      const s = await stored();
      const base = { address: settings.teamServer?.address ?? '', name: settings.teamServer?.name ?? '' };
      if (!s) return { ...base, signedIn: false as const, reason: null };
      if (s.expiresAt <= now()) return { ...base, signedIn: false as const, reason: 'Your session has ended. Sign in again.' };
      try {
        const live = await checkSession(s.origin, s.token);
        return { ...base, signedIn: true as const, origin: s.origin, as: live.name, permissions: live.permissions, expiresAt: new Date(live.expiresAt).toISOString() };
      } catch (err) {
        // Unreachable is not signed out: the session may still be good when the server is back.
        if (err instanceof HostError && err.code === 'UNAVAILABLE') return { ...base, signedIn: true as const, origin: s.origin, as: s.name, permissions: s.permissions, expiresAt: new Date(s.expiresAt).toISOString(), unreachable: err.message };
        await rm(file, { force: true });
        return { ...base, signedIn: false as const, reason: err instanceof HostError ? err.message : 'The team server no longer knows this session. Sign in again.' };
      }
    },
    async teamSignIn({ address, name, password }) {
      const origin = teamOrigin(address);
      const s = await signIn(origin, name.trim(), password);
      await keep({ origin, token: s.token, expiresAt: s.expiresAt, name: s.name, permissions: s.permissions });
      await deps.settings.update({ teamServer: { address: address.trim(), name: name.trim() } });
      return { as: s.name, permissions: s.permissions, expiresAt: new Date(s.expiresAt).toISOString() };
    },
    async teamSignOut() {
      const s = await stored();
      await rm(file, { force: true });
      // Signed out here whatever the server says; it is told when it can be reached.
      if (s) await signOut(s.origin, s.token).catch(() => undefined);
      return { signedOut: true };
    },
    async teamPacks() {
      const s = await session();
      return { origin: s.origin, packs: await listTeamPacks(s.origin, s.token) };
    },
    teamOpenPack: async ({ file }) => ({ pack: await serverPack(file) }),
    // "Save a local copy" (point 5): the server's pack as it is now, as a new pack of the
    // workspace (its own id, so the two are never taken for one another).
    async teamCopyPack({ file }) {
      const pack = await serverPack(file);
      return (await deps.packs()).saveAs(pack, pack.frontSheet.title);
    },
    // "Share with the team" (point 5): the local pack, as saved, goes onto the server under the
    // same file name. The local file stays as it is (locks, history), as a copy of one's own.
    async teamSharePack({ file }) {
      const s = await session();
      const { pack } = await (await deps.packs()).open(file);
      const shared = await putTeamPack(s.origin, s.token, path.basename(file), pack);
      return { origin: s.origin, file: shared.file };
    },
  };
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The browser host's address and access token, kept per data folder (issue 13): a tab left
 * open while the host is stopped and started again carries on at the same address, with the
 * same token, and can save what was typed meanwhile, instead of needing a new address.
 *
 * `<data folder>/browser-host.json` holds `{ token, port }`, readable and writable by its owner
 * only (0600). The token is as secret as before: only someone who can already read this user's
 * files (and so the packs themselves) can read it. A file that others could read or write, that
 * is not a plain file (a link to elsewhere), that belongs to another user, or that is damaged is
 * never trusted: a new token replaces it. `--new-token` makes a new one on purpose.
 */
export const HOST_IDENTITY_FILE = 'browser-host.json';

const identitySchema = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/),
  port: z.number().int().min(1024).max(65535).optional(),
});
export type HostIdentity = z.infer<typeof identitySchema>;

/** POSIX permission bits that give anyone but the owner access. */
const GROUP_OR_OTHER = 0o077;

/** The stored identity if it can be trusted, else null (with the reason, for the console). */
export async function readHostIdentity(dataDir: string): Promise<{ identity: HostIdentity | null; reason?: string }> {
  const file = path.join(dataDir, HOST_IDENTITY_FILE);
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch {
    return { identity: null };
  }
  if (!stat.isFile()) return { identity: null, reason: `${file} is not a plain file, so a new access token was made.` };
  if (process.platform !== 'win32') {
    // Windows keeps the data folder per user (%APPDATA%); elsewhere the bits say who may read it.
    if ((stat.mode & GROUP_OR_OTHER) !== 0) return { identity: null, reason: `${file} could be read by other users, so a new access token was made.` };
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) return { identity: null, reason: `${file} belongs to another user, so a new access token was made.` };
  }
  if (stat.size > 4096) return { identity: null, reason: `${file} is damaged, so a new access token was made.` };
  try {
    return { identity: identitySchema.parse(JSON.parse(await fs.readFile(file, 'utf8'))) };
  } catch {
    return { identity: null, reason: `${file} is damaged, so a new access token was made.` };
  }
}

/** Write the identity with owner-only permissions, replacing whatever was there (never through a link). */
export async function writeHostIdentity(dataDir: string, identity: HostIdentity): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, HOST_IDENTITY_FILE);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  // 'wx' creates a new file (a link planted at the temp name is refused), 0600 from the start.
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(identity) + '\n', 'utf8');
    await handle.chmod(0o600); // whatever the umask did
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file); // replaces a link or a loose file itself, never its target
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The identity to start with: the stored one when it can be trusted (and `fresh` is not set),
 * otherwise a new token (keeping the stored port if there was one).
 */
export async function loadHostIdentity(dataDir: string, options: { fresh?: boolean; warn?: (line: string) => void } = {}): Promise<HostIdentity> {
  const { identity, reason } = await readHostIdentity(dataDir);
  if (reason) options.warn?.(reason);
  if (identity && !options.fresh) return identity;
  const made: HostIdentity = { token: newToken(), ...(identity?.port ? { port: identity.port } : {}) };
  await writeHostIdentity(dataDir, made);
  return made;
}

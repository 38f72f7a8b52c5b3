import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import type { Account } from './accounts.js';
import { PERMISSIONS } from '../../shared/collab/roles.js';

/**
 * Sign-in sessions: a random token given to the app, kept here only as its SHA-256 (a copy
 * of sessions.json does not let anyone in), each with an expiry. They survive a restart of
 * the server, so people who were editing reconnect without signing in again.
 */
const sessionSchema = z.object({ tokenHash: z.string(), account: z.object({ name: z.string(), permissions: z.array(z.enum(PERMISSIONS)) }), expiresAt: z.number() });
const fileSchema = z.object({ sessions: z.array(sessionSchema) });
type Session = z.infer<typeof sessionSchema>;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export type SessionCheck = { ok: true; account: Account; expiresAt: number } | { ok: false; reason: 'unknown' | 'expired' };

export class Sessions {
  private readonly byHash = new Map<string, Session>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) for (const s of parsed.data.sessions) if (s.expiresAt > this.now()) this.byHash.set(s.tokenHash, s);
    } catch {
      // No sessions yet, or an unreadable file: everyone signs in again, nothing else is lost.
    }
  }

  static inFolder(dataFolder: string, ttlMs: number): Sessions {
    return new Sessions(path.join(dataFolder, 'sessions.json'), ttlMs);
  }

  private save(): Promise<void> {
    const data = JSON.stringify({ sessions: [...this.byHash.values()] });
    this.saving = this.saving.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, data);
    }).catch(() => {});
    return this.saving;
  }

  async start(account: Account): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    for (const [hash, s] of this.byHash) if (s.expiresAt <= this.now()) this.byHash.delete(hash);
    this.byHash.set(hashOf(token), { tokenHash: hashOf(token), account, expiresAt });
    await this.save();
    return { token, expiresAt };
  }

  check(token: string | null | undefined): SessionCheck {
    if (!token) return { ok: false, reason: 'unknown' };
    const s = this.byHash.get(hashOf(token));
    if (!s) return { ok: false, reason: 'unknown' };
    if (s.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, account: s.account, expiresAt: s.expiresAt };
  }

  async end(token: string): Promise<void> {
    if (this.byHash.delete(hashOf(token))) await this.save();
  }

  /** A user's password or role changed: their sessions end (they sign in again). */
  async endFor(name: string): Promise<void> {
    for (const [hash, s] of this.byHash) if (s.account.name.toLowerCase() === name.toLowerCase()) this.byHash.delete(hash);
    await this.save();
  }
}

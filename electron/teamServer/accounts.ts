import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../workspace/atomicWrite.js';
import { PERMISSIONS, type Permission } from '../../shared/collab/roles.js';

/**
 * The team server's accounts, kept in its data folder (users.json). Passwords are hashed
 * with scrypt from Node's crypto, each with its own salt; the file holds no password and
 * no token. Names are compared without regard to case ("Alex" and "alex" are one person).
 */
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

const userSchema = z.object({
  name: z.string().min(1).max(100),
  salt: z.string(),
  hash: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
const usersFileSchema = z.object({ users: z.array(userSchema) });
export type Account = Omit<z.infer<typeof userSchema>, 'salt' | 'hash'>;

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, KEY_BYTES, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))));
}

export class AccountError extends Error {}

/** A name a person can type and the log can show: letters, digits, space, dot, dash, apostrophe. */
export function checkUserName(name: string): string {
  const trimmed = name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} .'’-]{0,99}$/u.test(trimmed)) throw new AccountError(`"${name}" cannot be a user name: use letters, digits, spaces, dots, dashes or apostrophes (at most 100).`);
  return trimmed;
}

export class Accounts {
  constructor(private readonly file: string) {}

  static inFolder(dataFolder: string): Accounts {
    return new Accounts(path.join(dataFolder, 'users.json'));
  }

  private async load(): Promise<z.infer<typeof usersFileSchema>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { users: [] };
      throw err;
    }
    const parsed = usersFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new AccountError(`The team server's account list (${this.file}) is damaged; restore it from a backup or add the users again.`);
    return parsed.data;
  }

  async list(): Promise<Account[]> {
    return (await this.load()).users.map(({ name, permissions }) => ({ name, permissions }));
  }

  /** Add a user or change an existing user's password and role. */
  async setUser(name: string, password: string, permissions: Permission[]): Promise<'added' | 'updated'> {
    const clean = checkUserName(name);
    if (password.length < 8) throw new AccountError('The password must be at least 8 characters long.');
    if (password.length > 1024) throw new AccountError('The password is too long (at most 1024 characters).');
    const data = await this.load();
    const salt = randomBytes(16);
    const hash = await scrypt(password, salt);
    const entry = { name: clean, salt: salt.toString('base64'), hash: hash.toString('base64'), permissions: [...new Set(permissions)] };
    const at = data.users.findIndex((u) => u.name.toLowerCase() === clean.toLowerCase());
    if (at >= 0) data.users[at] = entry;
    else data.users.push(entry);
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
    return at >= 0 ? 'updated' : 'added';
  }

  /** The account when the password is right, null otherwise (the caller says which in plain words). */
  async verify(name: string, password: string): Promise<Account | null> {
    const data = await this.load();
    const user = data.users.find((u) => u.name.toLowerCase() === name.trim().toLowerCase());
    // Hash even for an unknown name, so timing does not tell which names exist.
    const salt = user ? Buffer.from(user.salt, 'base64') : randomBytes(16);
    const key = await scrypt(password, salt);
    if (!user) return null;
    const stored = Buffer.from(user.hash, 'base64');
    if (stored.length !== key.length || !timingSafeEqual(stored, key)) return null;
    return { name: user.name, permissions: user.permissions };
  }
}

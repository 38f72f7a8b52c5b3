import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../workspace/atomicWrite.js';

/**
 * The File › Open Recent list: packs the user opened from outside the app (Open dialog, the
 * OS, a file argument), newest first, kept in recent.json in the app's data folder. Electron
 * also tells the OS (jump list, dock menu) via app.addRecentDocument in main.ts.
 */
export const RECENT_FILE = 'recent.json';
export const MAX_RECENT = 10;

const recentSchema = z.array(z.string().min(1).max(4096)).max(100);

export class RecentDocuments {
  private items: string[] | undefined;

  constructor(private readonly dataDir: string) {}

  async list(): Promise<string[]> {
    if (!this.items) {
      try {
        const parsed = recentSchema.safeParse(JSON.parse(await fs.readFile(path.join(this.dataDir, RECENT_FILE), 'utf8')));
        this.items = parsed.success ? parsed.data.filter((f) => path.isAbsolute(f)).slice(0, MAX_RECENT) : [];
      } catch {
        this.items = [];
      }
    }
    return [...this.items];
  }

  async add(file: string): Promise<string[]> {
    const absolute = path.resolve(file);
    const same = (a: string) => (process.platform === 'linux' ? a === absolute : a.toLowerCase() === absolute.toLowerCase());
    this.items = [absolute, ...(await this.list()).filter((f) => !same(f))].slice(0, MAX_RECENT);
    await this.persist();
    return [...this.items];
  }

  async remove(file: string): Promise<string[]> {
    this.items = (await this.list()).filter((f) => f !== file);
    await this.persist();
    return [...this.items];
  }

  async clear(): Promise<void> {
    this.items = [];
    await this.persist();
  }

  private async persist(): Promise<void> {
    await fs.mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(path.join(this.dataDir, RECENT_FILE), JSON.stringify(this.items) + '\n');
  }
}

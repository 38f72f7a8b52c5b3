import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/api/settings.js';
import { fromNodeError } from '../../shared/api/errors.js';
import { writeFileAtomic } from './atomicWrite.js';
import { OWN_FILE_LIMITS, readTextFileBounded } from './boundedRead.js';
import { defaultBranding } from '../../shared/branding/schema.js';

export function defaultWorkspaceDir(home = os.homedir()): string {
  return path.join(home, 'Documents', 'Briefing Packs');
}

export function defaultSettings(): Settings {
  return { workspaceDir: defaultWorkspaceDir(), authorName: '', sharedTemplatesDir: '', branding: defaultBranding(), retainEveryVersionForHours: 24, retainDailyVersionsForDays: 30, retainAtMostVersions: 200 };
}

/**
 * settings.json in the app's data folder. A missing or broken file falls back to defaults
 * (with `notice` set for the UI) and is never overwritten until the user changes a setting.
 */
export class SettingsStore {
  private cached: Settings | undefined;
  notice: string | undefined;
  readonly file: string;

  constructor(readonly dataDir: string, private readonly defaults: Settings = defaultSettings()) {
    this.file = path.join(dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    if (this.cached) return this.cached;
    let text: string | undefined;
    try {
      text = await readTextFileBounded(this.file, { maxBytes: OWN_FILE_LIMITS.settings, label: 'settings.json', kind: 'settings file' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.notice = `Your settings could not be read (${fromNodeError(err, 'settings.json').message.replace(/\.$/, '')}); defaults are in use.`;
    }
    this.cached = { ...this.defaults };
    if (text !== undefined) {
      try {
        this.cached = settingsSchema.parse({ ...this.defaults, ...JSON.parse(text) });
      } catch {
        this.notice = 'Your settings file was damaged, so the default settings are in use. Saving a setting will repair it.';
      }
    }
    return this.cached;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.get()), ...patch });
    next.workspaceDir = path.resolve(next.workspaceDir);
    await fs.mkdir(this.dataDir, { recursive: true });
    try {
      await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
    } catch (err) {
      throw fromNodeError(err, 'Saving your settings');
    }
    this.cached = next;
    this.notice = undefined;
    return next;
  }
}

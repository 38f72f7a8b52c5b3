import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settingsSchema } from '../../shared/api/settings.js';
import { extraSettingGroups, isAbsoluteFolder, labelOf, settingsProblems, toPatch } from '../../renderer/settings/settingsFields.js';
import { createServices } from '../../electron/services.js';

describe('settings validation', () => {
  it('needs a full workspace path; the shared templates folder is optional but must be full if given', () => {
    expect(settingsProblems({ workspaceDir: '/home/sam/Packs', authorName: '' })).toEqual({});
    expect(settingsProblems({ workspaceDir: 'C:\\Users\\sam\\Packs', sharedTemplatesDir: '\\\\server\\share\\templates' })).toEqual({});
    expect(settingsProblems({ workspaceDir: '' }).workspaceDir).toMatch(/Enter the folder/);
    expect(settingsProblems({ workspaceDir: 'Packs' }).workspaceDir).toMatch(/full path/);
    expect(settingsProblems({ workspaceDir: '/x', sharedTemplatesDir: 'templates' }).sharedTemplatesDir).toMatch(/full path/);
    expect(settingsProblems({ workspaceDir: '/x', authorName: 'a'.repeat(201) }).authorName).toMatch(/Author name/);
    expect(isAbsoluteFolder('~/packs')).toBe(false);
  });

  it('sends an emptied optional field as "" so it is cleared, and trims text', () => {
    expect(toPatch({ workspaceDir: ' /x ', sharedTemplatesDir: '', authorRole: ' Officer ' })).toEqual({ workspaceDir: '/x', sharedTemplatesDir: '', authorRole: 'Officer' });
  });

  it('shows no branding or history sections until those settings exist', () => {
    expect(extraSettingGroups()).toEqual(extraSettingGroups(settingsSchema));
    expect(extraSettingGroups().map((g) => g.id)).not.toContain('branding');
    // Issue 6's retention settings exist, so the History section shows them.
    expect(extraSettingGroups().find((g) => g.id === 'history')?.fields.map((x) => x.key)).toEqual(['retainEveryVersionForHours', 'retainDailyVersionsForDays', 'retainAtMostVersions']);
    const extended = settingsSchema.extend({
      brandingProfile: z.enum(['default', 'sefton']).optional(),
      historyRetentionDays: z.number().int().min(1).max(3650).default(90),
      spellcheck: z.boolean().default(true),
    });
    const groups = extraSettingGroups(extended);
    expect(groups.map((g) => [g.id, g.fields.map((x) => `${x.key}:${x.kind}`)])).toEqual([
      ['branding', ['brandingProfile:choice']],
      ['history', ['retainEveryVersionForHours:number', 'retainDailyVersionsForDays:number', 'retainAtMostVersions:number', 'historyRetentionDays:number']],
      ['other', ['spellcheck:boolean']],
    ]);
    expect(groups[1]!.fields.find((f) => f.key === 'historyRetentionDays')).toMatchObject({ min: 1, max: 3650, label: 'History retention days' });
    expect(labelOf('sharedTemplatesDir')).toBe('Shared templates dir');
  });

  it('a damaged settings file falls back to defaults with a notice, and saving repairs it', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'briefing-settings-'));
    try {
      const dataDir = path.join(root, 'data');
      await mkdir(dataDir);
      await writeFile(path.join(dataDir, 'settings.json'), '{"workspaceDir": 42');
      const services = createServices({ platform: { host: 'browser', appVersion: 't', dataDir, trash: async () => {} } });
      const state = await services.getSettingsState({});
      expect(state.notice).toMatch(/damaged/);
      expect(state.settings.workspaceDir.length).toBeGreaterThan(0);
      await mkdir(path.join(root, 'shared'));
      await services.updateSettings({ authorName: 'Sam', sharedTemplatesDir: path.join(root, 'shared') });
      expect((await services.getSettingsState({})).notice).toBeNull();
      expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ authorName: 'Sam', sharedTemplatesDir: path.join(root, 'shared') });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

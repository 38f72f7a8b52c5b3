import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../renderer/shortcuts/shortcutList.js';
import { groupShortcuts, isShortcutHelpKey, keysForPlatform, matchesQuery } from '../../renderer/shortcuts/shortcutSearch.js';
import { extraGuidanceLines } from '../../renderer/pack/guidanceText.js';
import { GAMECHANGERS, LOCAL_ANGLE_PROMPTS } from '../../shared/gamechangers/index.js';

describe('shortcut help', () => {
  it('lists every shortcut once, grouped in list order', () => {
    const groups = groupShortcuts(SHORTCUTS, '', false);
    expect(groups.flatMap((g) => g.entries)).toHaveLength(SHORTCUTS.length);
    expect(groups.map((g) => g.group)).toEqual([...new Set(SHORTCUTS.map((s) => s.group))]);
    expect(new Set(SHORTCUTS.map((s) => `${s.group}/${s.description}`)).size).toBe(SHORTCUTS.length);
  });

  it('searches descriptions, groups and keys; every word must match', () => {
    const bold = SHORTCUTS.find((s) => s.description === 'Bold')!;
    expect(matchesQuery(bold, 'bold', false)).toBe(true);
    expect(matchesQuery(bold, 'ctrl+b', false)).toBe(true);
    expect(matchesQuery(bold, 'cmd b', true)).toBe(true);
    expect(matchesQuery(bold, 'bold italic', false)).toBe(false);
    expect(groupShortcuts(SHORTCUTS, 'zzz', false)).toEqual([]);
  });

  it('shows Cmd and Option on macOS', () => {
    expect(keysForPlatform('Ctrl+Alt+G', true)).toBe('Cmd+Option+G');
    expect(keysForPlatform('Ctrl+Alt+G', false)).toBe('Ctrl+Alt+G');
  });

  it('F1 and Ctrl/Cmd+/ open it; other keys do not', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(isShortcutHelpKey(key('F1'))).toBe(true);
    expect(isShortcutHelpKey(key('/', { ctrlKey: true }))).toBe(true);
    expect(isShortcutHelpKey(key('/', { metaKey: true }))).toBe(true);
    expect(isShortcutHelpKey(key('/'))).toBe(false);
    expect(isShortcutHelpKey(key('F1', { altKey: true }))).toBe(false);
  });
});

describe('guidance panel says each thing once', () => {
  it('drops template lines that repeat the gamechanger statement, what it covers and the prompts', () => {
    const g = GAMECHANGERS[0]!;
    const template = [`What this gamechanger is about: ${g.statement}`, `A local angle usually covers: ${g.covers}`, ...LOCAL_ANGLE_PROMPTS, 'Name the bus routes that matter most.'].join('\n');
    expect(extraGuidanceLines(template, g, LOCAL_ANGLE_PROMPTS)).toEqual(['Name the bus routes that matter most.']);
  });
  it('keeps every line of a section without a gamechanger', () => {
    expect(extraGuidanceLines('One.\n\nTwo.', undefined, LOCAL_ANGLE_PROMPTS)).toEqual(['One.', 'Two.']);
  });
});

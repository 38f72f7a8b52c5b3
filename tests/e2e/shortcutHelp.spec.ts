import { test, expect } from './fixtures.js';
import { gamechangerPack, openSection, writePackFile } from '../support/editorPage.js';
import { SHORTCUTS } from '../../renderer/shortcuts/shortcutList.js';
import { buildMenuTemplate } from '../../electron/shell/menu.js';

/**
 * Issue 13, point 3: keyboard shortcut help. F1 and Ctrl+/ open it on every screen; it lists
 * every entry of the one shortcut list (renderer/shortcuts/shortcutList.ts), grouped, and a
 * search narrows it; the native menu's Help › Keyboard Shortcuts sends the same command.
 */
test.beforeEach(async ({ page }) => {
  // Stand-in for preload's window.briefingEvents (as in menuCommands.spec.ts).
  await page.addInitScript(() => {
    const listeners = new Set<(payload: unknown) => void>();
    (window as unknown as { briefingEvents: object }).briefingEvents = {
      menuCommand(listener: (payload: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    (window as unknown as { __menu: (p: unknown) => void }).__menu = (payload) => listeners.forEach((l) => l(payload));
  });
});

test('F1 and Ctrl+/ open the shortcut help: every shortcut, grouped, searchable', async ({ page, host }) => {
  const pack = gamechangerPack('Shortcuts');
  const file = await writePackFile(host, pack);
  const editor = await openSection(page, host, file, pack.sections[0]!.id);
  await editor.click();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const rows = help.locator('.shortcut-row');
  await expect(rows).toHaveCount(SHORTCUTS.length);
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  await expect(help.getByRole('heading', { level: 3 })).toHaveText(groups);
  for (const entry of SHORTCUTS) await expect(rows.filter({ hasText: entry.description })).toHaveCount(1);
  // How to leave the editor is there.
  await expect(help.locator('.shortcut-row', { hasText: 'Leave the text' })).toContainText('Escape');

  // Search: focus starts in the box; words narrow the list, keys too; nothing found says so.
  const search = help.getByRole('searchbox', { name: 'Search shortcuts' });
  await expect(search).toBeFocused();
  await search.fill('bold');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Ctrl+B');
  await expect(help.getByRole('status')).toHaveText('1 shortcut matches “bold”.');
  await search.fill('ctrl s');
  await expect(rows.filter({ hasText: 'Save now' })).toHaveCount(1);
  await search.fill('nothing like this');
  await expect(rows).toHaveCount(0);
  await expect(help).toContainText('No shortcut matches.');
  // Escape in the search box first empties it (as search boxes do), the next closes the help.
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(rows).toHaveCount(SHORTCUTS.length);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(editor).toBeFocused();

  // Ctrl+/ in the library too.
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  await page.keyboard.press('Control+/');
  await expect(help).toBeVisible();
  await expect(rows).toHaveCount(SHORTCUTS.length);
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);
});

test('Help › Keyboard Shortcuts in the native menu opens the same help', async ({ page, host }) => {
  // The menu item exists, under Help, on every platform, and sends the shortcutHelp command.
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    const sent: string[] = [];
    const template = buildMenuTemplate({ platform, appName: 'Briefing Studio', recent: [], actions: { command: (c) => sent.push(c), open() {}, openRecent() {}, clearRecent() {} } });
    const helpMenu = template.find((m) => m.role === 'help')!;
    const item = (helpMenu.submenu as Array<{ id?: string; label?: string; accelerator?: string; click?: () => void }>).find((i) => i.id === 'shortcutHelp')!;
    expect(item.label).toBe('&Keyboard Shortcuts');
    expect(item.accelerator).toBe('F1');
    item.click!();
    expect(sent).toEqual(['shortcutHelp']);
  }
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  await page.evaluate(() => (window as unknown as { __menu: (p: unknown) => void }).__menu({ command: 'shortcutHelp' }));
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

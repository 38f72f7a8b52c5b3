import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { makeTempDir, removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';

/**
 * The browser version's folder chooser (issue 17): browse the home folder and the folders the
 * host was started with, make a folder, choose it; a typed folder outside them is refused with
 * the reason. Screenshots in light and dark, at 1280×800 and 1024×640.
 */
let host: BrowserHost;
let home: string;
let share: string;

test.beforeEach(async () => {
  home = await makeTempDir('home');
  share = await makeTempDir('share');
  await mkdir(path.join(home, 'Documents', 'Committee papers'), { recursive: true });
  await mkdir(path.join(home, 'Projects'));
  await mkdir(path.join(home, '.config'));
  await mkdir(path.join(share, 'Council templates'));
  host = await startBrowserHost({ home, allowFolders: [share] });
});
test.afterEach(async () => {
  await host.stop();
  for (const dir of [host.workspaceDir, host.dataDir, home, share]) await removeDir(dir);
});

async function openSettings(page: Page) {
  await page.goto(`${host.url.replace('/#', '/?screen=settings#')}`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test('choose a workspace folder in the browser: browse home, make a folder, use it; the choice is saved', async ({ page }, testInfo) => {
  await openSettings(page);
  await page.getByRole('button', { name: 'Choose folder…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Choose the workspace folder' });
  // The current setting (the default Documents/Briefing Packs) is not there yet: the chooser says so and shows the places.
  await expect(dialog.getByRole('alert')).toContainText('does not exist');
  await expect(dialog.getByRole('navigation', { name: 'Places' }).getByRole('button')).toHaveText(['Home', share]);
  await dialog.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Home' }).click();
  await expect(dialog.locator('.folder-path')).toHaveText(home);
  await expect(dialog.getByRole('list')).toContainText('Documents');
  await expect(dialog.getByRole('list')).not.toContainText('.config'); // hidden folders are never offered
  await dialog.getByRole('button', { name: 'Documents' }).click();
  await expect(dialog.locator('.folder-path')).toHaveText(path.join(home, 'Documents'));
  await dialog.getByRole('button', { name: 'New folder' }).click();
  await dialog.getByLabel('Name of the new folder').fill('Cabinet 2027');
  await dialog.getByRole('button', { name: 'Create folder' }).click();
  const made = path.join(home, 'Documents', 'Cabinet 2027');
  await expect(dialog.locator('.folder-path')).toHaveText(made);
  expect((await stat(made)).isDirectory()).toBe(true);
  await dialog.getByRole('button', { name: 'Up to the folder above' }).click();
  await expect(dialog.getByRole('list').getByRole('button')).toHaveText(['Cabinet 2027', 'Committee papers']);
  await page.screenshot({ path: testInfo.outputPath('folder-chooser.png') });
  const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cabinet 2027' }).click();
  await dialog.getByRole('button', { name: 'Use this folder' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Workspace folder')).toHaveValue(made);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  expect(JSON.parse(await readFile(path.join(host.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ workspaceDir: made });

  // The shared templates folder, from the folder the host was started with.
  await page.getByRole('button', { name: 'Choose folder…' }).nth(1).click();
  const shared = page.getByRole('dialog', { name: 'Choose the shared templates folder' });
  await shared.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: share }).click();
  await shared.getByRole('button', { name: 'Council templates' }).click();
  await shared.getByRole('button', { name: 'Use this folder' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  expect(JSON.parse(await readFile(path.join(host.dataDir, 'settings.json'), 'utf8'))).toMatchObject({ sharedTemplatesDir: path.join(share, 'Council templates') });
});

test('a typed folder outside home and the allowed folders, or one that is not there, is refused with the reason', async ({ page }) => {
  await openSettings(page);
  await page.getByLabel('Workspace folder').fill('/etc');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '/etc is outside the folders Briefing Studio may use' })).toContainText('--allow-folder');
  await page.getByLabel('Workspace folder').fill(path.join(home, 'Not made yet'));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'does not exist' })).toBeVisible();
  const stored = await readFile(path.join(host.dataDir, 'settings.json'), 'utf8').catch(() => '{}');
  expect(JSON.parse(stored).workspaceDir ?? '').not.toMatch(/^\/etc|Not made yet/);
  await rm(path.join(home, 'Projects'), { recursive: true });
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [1280, 800],
    [1024, 640],
  ] as const) {
    test(`the folder chooser looks right: ${scheme}, ${width}×${height}`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale: 'en-GB' });
      const page = await context.newPage();
      await openSettings(page);
      await page.getByRole('button', { name: 'Choose folder…' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Choose the workspace folder' });
      await dialog.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Home' }).click();
      await dialog.getByRole('button', { name: 'Documents' }).click();
      await dialog.getByRole('button', { name: 'New folder' }).click();
      await dialog.getByLabel('Name of the new folder').fill('Cabinet 2027');
      const shot = testInfo.outputPath(`folder-chooser-${scheme}-${width}x${height}.png`);
      await page.screenshot({ path: shot });
      if (process.env.UPDATE_DOCS_SCREENSHOTS && scheme === 'light' && width === 1280) await page.screenshot({ path: 'docs/screenshot-folder-chooser.png' });
      // Everything in the dialog is inside the window.
      const box = (await dialog.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      await context.close();
    });
  }
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { test, expect } from './fixtures.js';
import { METHOD_NAMES } from '../../shared/api/contract.js';
import { bootShell, type BootedShell } from '../support/bootShell.js';
import { ChromiumRenderer } from '../support/electronBridge/chromiumRenderer.js';
import { shellFolders, type ShellFolders } from '../support/shellWorkspace.js';

/**
 * The real renderer over the Electron transport, in Chromium: the built main process
 * (dist/electron/main.cjs) runs in this Node process against the electron stand-in; its
 * window is this Playwright page, served by main's own app:// handler; the page's
 * `window.briefing` comes from the real preload bundle, bridged to main's real ipcMain
 * handlers (tests/support/electronBridge). No browser host, no HTTP API: a member creates a
 * pack, writes in a section, saves with the keyboard and the File menu, exports to Word
 * through the native save dialog, and closing with unsaved work asks first.
 */
let folders: ShellFolders;
let shell: BootedShell | undefined;
test.beforeEach(async () => {
  folders = await shellFolders();
});
test.afterEach(async () => {
  await shell?.dispose();
  shell = undefined;
  await folders.remove();
});

async function bootInChromium(renderer: ChromiumRenderer): Promise<BootedShell> {
  shell = await bootShell({ userData: folders.userData, paths: { documents: folders.root }, renderer });
  await shell.window();
  return shell;
}

test('a member creates a pack, writes in a section, saves and exports, with the renderer over Electron IPC', async ({ page }, testInfo) => {
  const renderer = new ChromiumRenderer(page);
  const { standIn } = await bootInChromium(renderer);

  // The page has the preload's API and nothing of the bridge; it never calls an HTTP API.
  expect(await page.evaluate(() => Object.keys(window.briefing ?? {}).sort())).toEqual([...METHOD_NAMES].sort());
  expect(await page.evaluate(() => [typeof (window as { require?: unknown }).require, typeof (window as { __briefingElectronIpc?: unknown }).__briefingElectronIpc, Object.isFrozen(window.briefing)])).toEqual(['undefined', 'undefined', true]);
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  const info = await page.evaluate(() => window.briefing!.getAppInfo({}));
  expect(info).toMatchObject({ ok: true, result: { host: 'electron', workspaceDir: folders.workspace } });

  await page.getByRole('button', { name: 'New pack' }).click();
  const create = page.getByRole('dialog', { name: 'New briefing pack' });
  await create.getByLabel('Title').fill('Green industry: the Sefton angle');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Front sheet' })).toBeVisible();
  const [file] = (await readdir(folders.workspace)).filter((f) => f.endsWith('.briefing'));
  expect(file).toBe('Green industry the Sefton angle.briefing');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Briefing/ }).click();
  await page.getByRole('textbox', { name: 'Briefing text' }).click();
  await page.keyboard.type('Sefton’s coast and port make it the natural home for offshore wind jobs.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const saved = JSON.parse(await readFile(path.join(folders.workspace, file!), 'utf8'));
  expect(JSON.stringify(saved.sections[0].content)).toContain('offshore wind jobs');

  // The native File menu reaches the page through main's webContents.send and the preload.
  await page.keyboard.type(' Bootle first.');
  standIn.applicationMenu()!.getMenuItemById('save')!.click();
  await expect.poll(async () => JSON.stringify(JSON.parse(await readFile(path.join(folders.workspace, file!), 'utf8')).sections[0].content)).toContain('Bootle first.');

  // Export to Word: main shows the native save dialog (answered here) and writes the file.
  const docx = path.join(folders.elsewhere, 'Green industry.docx');
  standIn.dialogs.answerSave(docx);
  standIn.applicationMenu()!.getMenuItemById('exportWord')!.click();
  const exportDialog = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(exportDialog.getByRole('status')).toContainText('found');
  await exportDialog.getByRole('button', { name: /^Export( anyway)?$/ }).click();
  await expect(exportDialog.getByRole('status')).toContainText(`Saved “${docx}”`);
  await page.screenshot({ path: testInfo.outputPath('exported-over-ipc.png') });
  const shown = standIn.dialogs.shown.find((d) => d.kind === 'save')!;
  expect(shown).toMatchObject({ withWindow: true, scripted: true, options: { title: 'Export to Word' } });
  const zip = await JSZip.loadAsync(await readFile(docx));
  expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>Green industry: the Sefton angle</dc:title>');
  expect(await zip.file('word/document.xml')!.async('string')).toContain('offshore wind jobs');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // The page asked for files only: every call went over IPC.
  expect(renderer.appMirror.requested.filter((url) => url.startsWith('/api'))).toEqual([]);
});

test('closing with unsaved work asks first: Keep Editing keeps the window and the words; after saving it closes', async ({ page }) => {
  const renderer = new ChromiumRenderer(page);
  const { standIn } = await bootInChromium(renderer);
  await page.getByRole('button', { name: 'New pack' }).click();
  const create = page.getByRole('dialog', { name: 'New briefing pack' });
  await create.getByLabel('Title').fill('Unsaved at quit');
  await create.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Briefing/ }).click();
  await page.getByRole('textbox', { name: 'Briefing text' }).click();

  // Hold saves in main (a slow network drive) so the edit is certainly not on disk yet.
  const release = standIn.ipcMain.hold('briefing:savePack');
  await page.keyboard.type('Words not yet on disk.');
  standIn.dialogs.answerMessageBox(0); // Keep Editing
  standIn.app.quit();
  await standIn.app.settled();
  expect(standIn.dialogs.shown.filter((d) => d.kind === 'messageBox').map((d) => d.options)).toEqual([expect.objectContaining({ title: 'Unsaved changes', buttons: ['Keep Editing', 'Close Without Saving'] })]);
  expect(standIn.app.state).toBe('running');
  expect(page.isClosed()).toBe(false);
  await expect(page.getByRole('textbox', { name: 'Briefing text' })).toContainText('Words not yet on disk.');

  release();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  standIn.app.quit();
  await standIn.app.settled();
  expect(standIn.app.state).toBe('quit');
  expect(page.isClosed()).toBe(true);
  expect(standIn.dialogs.shown.filter((d) => d.kind === 'messageBox')).toHaveLength(1);
});

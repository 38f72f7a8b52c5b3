import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir, type BrowserHost } from '../support/browserHost.js';

const FIXTURES = path.resolve('tests/fixtures/templates');
const SHOTS = path.resolve('test-results/templates-screenshots');

const GAMECHANGER_TITLES = [
  'Leading the Green Industrial Revolution',
  'Closing the healthy life expectancy gap between North and South through innovation',
  'Closing the education and skills gap',
  'Improving connectivity in towns and cities in the North',
  'Increasing private and public investment in R&D spending in the North',
];

async function openGallery(page: Page) {
  await page.getByRole('button', { name: 'New pack' }).click();
  const gallery = page.getByRole('dialog', { name: 'New briefing pack' });
  await expect(gallery.getByRole('radio', { name: /Blank briefing/ })).toBeChecked();
  return gallery;
}

/** Call the host API as the renderer does (the test plays the part of a settings screen). */
async function callHost(host: BrowserHost, method: string, args: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.result;
}

async function packOnDisk(host: BrowserHost, file: string) {
  return JSON.parse(await readFile(path.join(host.workspaceDir, file), 'utf8'));
}

test('create a pack from the gamechangers template: five gamechanger sections with their guidance', async ({ page, host }) => {
  await page.goto(host.url);
  const gallery = await openGallery(page);
  // Built-in templates are listed gamechangers first.
  await expect(gallery.locator('fieldset[data-source="built-in"] .template-name')).toHaveText(['The North’s five gamechangers: local angles', 'Cabinet report', 'Blank briefing']);
  await gallery.getByRole('radio', { name: /The North’s five gamechangers: local angles/ }).check();
  const details = gallery.getByRole('region', { name: 'The North’s five gamechangers: local angles' });
  await expect(details.getByRole('listitem').filter({ hasText: 'Leading the Green Industrial Revolution' })).toBeVisible();
  // The guidance of a gamechanger is there to read before choosing.
  const green = details.locator('.template-sections > li').filter({ hasText: 'Leading the Green Industrial Revolution' });
  await green.getByText('Guidance').click();
  await expect(green.getByText('What we ask of Government: be specific about money, powers or decisions.')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'gallery-gamechangers.png') });
  // The gallery itself meets WCAG 2.2 AA as far as axe can tell.
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  await gallery.getByLabel('Title').fill('Sefton: our local angles');
  await gallery.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { name: 'Sefton: our local angles' })).toBeVisible();
  const outline = page.getByRole('navigation', { name: 'Sections' });
  const items = outline.getByRole('listitem');
  await expect(items).toHaveCount(7);
  await expect(items.first()).toContainText('Introduction and summary'); // items also show word counts (issue 3)
  for (const [i, title] of GAMECHANGER_TITLES.entries()) await expect(items.nth(i + 1)).toContainText(title);
  await expect(outline.locator('.badge-gamechanger')).toHaveText(['Green industry', 'Healthy lives', 'Education and skills', 'Connectivity', 'R&D investment']);
  await expect(items.last()).toContainText('Recommendations');
  await expect(page.getByLabel('Meeting', { exact: true })).toHaveValue('Cabinet');

  const file = new URL(page.url()).searchParams.get('pack')!;
  const pack = await packOnDisk(host, file);
  expect(pack.template).toEqual({ id: 'builtin-gamechangers', name: 'The North’s five gamechangers: local angles', version: '1.0' });
  const gamechangerSections = pack.sections.filter((s: { gamechangerId?: string }) => s.gamechangerId);
  expect(gamechangerSections).toHaveLength(5);
  for (const section of gamechangerSections) {
    expect(section.guidance).toMatch(/^What this gamechanger is about: /);
    expect(section.guidance.split('\n')).toContain('Wards affected: which wards or communities feel this most?');
  }
});

test('save a pack as a template, then create a new pack from it', async ({ page, host }) => {
  await page.goto(host.url);
  let gallery = await openGallery(page);
  await gallery.getByRole('radio', { name: /Cabinet report/ }).check();
  await gallery.getByLabel('Title').fill('Leisure centres review');
  await gallery.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Leisure centres review' })).toBeVisible();
  await page.getByLabel('Report of').fill('Executive Director of Place');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.getByRole('button', { name: 'Save as template' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save pack as template' });
  await dialog.getByLabel('Template name').fill('Sefton service review');
  await dialog.getByLabel('Description').fill('For reviews of council services.');
  await dialog.getByLabel('Version').fill('1.1');
  await dialog.getByLabel('Structure and guidance only').check();
  await page.screenshot({ path: path.join(SHOTS, 'save-as-template.png') });
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('dialog', { name: 'Template saved' })).toContainText('Saved “Sefton service review” (version 1.1) to Your templates.');
  await page.getByRole('button', { name: 'Close' }).click();

  // Saving again with the same name and version asks before replacing.
  await page.getByRole('button', { name: 'Save as template' }).click();
  const again = page.getByRole('dialog', { name: 'Save pack as template' });
  await again.getByLabel('Template name').fill('Sefton service review');
  await again.getByLabel('Description').fill('For reviews of council services.');
  await again.getByLabel('Version').fill('1.1');
  await again.getByRole('button', { name: 'Save template' }).click();
  await expect(again.getByRole('alert')).toContainText('already have “Sefton service review”, version 1.1');
  await again.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByRole('dialog', { name: 'Template saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await readdir(path.join(host.workspaceDir, 'Templates'))).toEqual(['Sefton service review.briefing-template']);

  await page.getByRole('button', { name: '← Library' }).click();
  gallery = await openGallery(page);
  await gallery.getByRole('radio', { name: /Sefton service review/ }).check();
  const details = gallery.getByRole('region', { name: 'Sefton service review' });
  await expect(details).toContainText('For reviews of council services.');
  await expect(details).toContainText('Your templates');
  await gallery.getByLabel('Title').fill('Libraries review');
  await gallery.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { name: 'Libraries review' })).toBeVisible();
  const items = page.getByRole('navigation', { name: 'Sections' }).getByRole('listitem');
  await expect(items).toHaveCount(9);
  await expect(items.nth(5)).toContainText('Implications');
  // Front-sheet defaults travel with the template.
  await expect(page.getByLabel('Report of')).toHaveValue('Executive Director of Place');
  const pack = await packOnDisk(host, new URL(page.url()).searchParams.get('pack')!);
  expect(pack.template).toMatchObject({ name: 'Sefton service review', version: '1.1' });
  expect(pack.sections[5].guidance).toMatch(/^Financial: /m);
});

test('import a template file; a bad file is refused by name and the gallery keeps working', async ({ page, host }) => {
  await page.goto(host.url);
  const gallery = await openGallery(page);
  const input = gallery.getByLabel('Template file to import');

  await input.setInputFiles(path.join(FIXTURES, 'javascript-link.briefing-template'));
  await expect(gallery.getByRole('alert')).toContainText('"javascript-link.briefing-template" was refused: in section "Summary", the link "javascript:alert(document.cookie)" would run code when clicked');

  await input.setInputFiles(path.join(FIXTURES, 'valid-ward-briefing.briefing-template'));
  await expect(gallery.getByRole('status')).toContainText('Imported “Ward briefing” (version 1.2) into Your templates.');
  await expect(gallery.getByRole('radio', { name: /Ward briefing/ })).toBeChecked();

  // The same name and version again: the gallery asks, and "Keep both" keeps both.
  await input.setInputFiles(path.join(FIXTURES, 'valid-ward-briefing.briefing-template'));
  const ask = gallery.getByRole('alertdialog');
  await expect(ask).toContainText('Your templates already have “Ward briefing”, version 1.2.');
  await page.screenshot({ path: path.join(SHOTS, 'gallery-import-conflict.png') });
  await ask.getByRole('button', { name: 'Keep both' }).click();
  await expect(gallery.getByRole('radio', { name: /Ward briefing \(2\)/ })).toBeChecked();
  expect((await readdir(path.join(host.workspaceDir, 'Templates'))).sort()).toEqual(['Ward briefing (2).briefing-template', 'Ward briefing.briefing-template']);

  // Delete the copy; it goes to the trash.
  await gallery.getByRole('button', { name: 'Delete template' }).click();
  await gallery.getByRole('alertdialog').getByRole('button', { name: 'Delete template' }).click();
  await expect(gallery.getByRole('radio', { name: /Ward briefing \(2\)/ })).toHaveCount(0);
  expect(await readdir(path.join(host.workspaceDir, 'Templates'))).toEqual(['Ward briefing.briefing-template']);

  // A pack from the imported template has its starter text.
  await gallery.getByRole('radio', { name: /Ward briefing/ }).check();
  await gallery.getByLabel('Title').fill('Litherland ward update');
  await gallery.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'Litherland ward update' })).toBeVisible();
  const pack = await packOnDisk(host, new URL(page.url()).searchParams.get('pack')!);
  expect(JSON.stringify(pack.sections[0].content)).toContain('https://www.sefton.gov.uk/');
});

test('export a template to a file', async ({ page, host }) => {
  await page.goto(host.url);
  const gallery = await openGallery(page);
  await gallery.getByRole('radio', { name: /Cabinet report/ }).check();
  const download = page.waitForEvent('download');
  await gallery.getByRole('button', { name: 'Export to file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cabinet-report.briefing-template');
  const text = await readFile(await file.path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'briefing-template', formatVersion: 2, name: 'Cabinet report', version: '1.0' });
});

test('the shared folder can be set from the gallery; a folder that is not there is shown as unavailable', async ({ page, host }) => {
  await page.goto(host.url);
  const gallery = await openGallery(page);
  const shared = gallery.locator('fieldset[data-source="shared"]');
  await expect(shared).toContainText('No shared folder is set.');
  await shared.getByRole('button', { name: 'Set folder' }).click();
  const missing = path.join(host.workspaceDir, 'no such drive', 'Templates');
  await shared.getByLabel('Shared templates folder').fill(missing);
  await shared.getByRole('button', { name: 'Use this folder' }).click();
  await expect(shared).toContainText(`The shared templates folder cannot be found: ${missing}.`);
  expect(await callHost(host, 'getSettings', {})).toMatchObject({ sharedTemplatesDir: missing });
  // Everything else still works.
  await gallery.getByRole('radio', { name: /Cabinet report/ }).check();
  await gallery.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('listitem')).toHaveCount(9);
});

test('a template dropped into the shared folder appears in the open gallery without a restart; publish refuses older over newer', async ({ page, host }) => {
  const sharedRoot = await makeTempDir('shared');
  const sharedDir = path.join(sharedRoot, 'Council templates');
  try {
    // First the folder is missing: shown as unavailable, everything else works.
    await callHost(host, 'updateSettings', { sharedTemplatesDir: sharedDir });
    await page.goto(host.url);
    const gallery = await openGallery(page);
    const sharedGroup = gallery.locator('fieldset[data-source="shared"]');
    await expect(sharedGroup).toContainText(`The shared templates folder cannot be found: ${sharedDir}.`);
    await page.screenshot({ path: path.join(SHOTS, 'gallery-shared-missing.png') });

    // The drive comes back and a colleague drops a template in: it shows up while the gallery is open.
    await mkdir(sharedDir, { recursive: true });
    const json = JSON.parse(await readFile(path.join(FIXTURES, 'valid-ward-briefing.briefing-template'), 'utf8'));
    await writeFile(path.join(sharedDir, 'Ward briefing.briefing-template'), JSON.stringify({ ...json, version: '2.0', name: 'Ward briefing' }));
    await copyFile(path.join(FIXTURES, 'newer-format-version.briefing-template'), path.join(sharedDir, 'From the future.briefing-template'));
    await expect(sharedGroup.getByRole('radio', { name: /Ward briefing/ })).toBeVisible({ timeout: 15_000 });
    await expect(sharedGroup).not.toContainText('cannot be found');
    await expect(gallery.getByRole('region', { name: 'Templates that could not be read' })).toContainText(
      '"From the future.briefing-template" was saved by a newer version of Briefing Studio',
    );
    await sharedGroup.getByRole('radio', { name: /Ward briefing/ }).check();
    await expect(gallery.getByRole('region', { name: 'Ward briefing' })).toContainText('Shared');
    await page.screenshot({ path: path.join(SHOTS, 'gallery-shared.png') });

    // Our own older copy cannot be published over the shared version 2.0.
    await gallery.getByLabel('Template file to import').setInputFiles(path.join(FIXTURES, 'valid-ward-briefing.briefing-template'));
    await expect(gallery.getByRole('status')).toContainText('Imported “Ward briefing” (version 1.2)');
    await gallery.getByRole('button', { name: 'Publish to shared folder' }).click();
    await expect(gallery.getByRole('alert')).toContainText('The shared folder already has version 2.0 of "Ward briefing", which is newer than yours (version 1.2).');
    const onShared = JSON.parse(await readFile(path.join(sharedDir, 'Ward briefing.briefing-template'), 'utf8'));
    expect(onShared.version).toBe('2.0');

    // A newer version of ours is published over it, atomically.
    const newer = path.join(sharedRoot, 'Ward briefing v3.briefing-template');
    await writeFile(newer, JSON.stringify({ ...json, version: '3.0', description: 'Version three.' }));
    await gallery.getByLabel('Template file to import').setInputFiles(newer);
    await expect(gallery.getByRole('status')).toContainText('Imported “Ward briefing” (version 3.0)');
    await gallery.getByRole('button', { name: 'Publish to shared folder' }).click();
    await expect(gallery.getByRole('status')).toContainText('Published “Ward briefing” version 3.0 to the shared folder, replacing version 2.0.');
    expect(JSON.parse(await readFile(path.join(sharedDir, 'Ward briefing.briefing-template'), 'utf8'))).toMatchObject({ version: '3.0', description: 'Version three.' });
    expect((await readdir(sharedDir)).sort()).toEqual(['From the future.briefing-template', 'Ward briefing.briefing-template']);
    await expect(sharedGroup.getByRole('radio', { name: /Ward briefing\s+Version 3\.0/ })).toBeVisible();

    // Creating from the shared template works like any other.
    await sharedGroup.getByRole('radio', { name: /Ward briefing/ }).check();
    await gallery.getByLabel('Title').fill('Netherton ward update');
    await gallery.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: 'Netherton ward update' })).toBeVisible();
    const pack = await packOnDisk(host, new URL(page.url()).searchParams.get('pack')!);
    expect(pack.template).toEqual({ id: 'fixture-ward-briefing', name: 'Ward briefing', version: '3.0' });
  } finally {
    await removeDir(sharedRoot);
  }
});

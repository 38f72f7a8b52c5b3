import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import { serialisePack } from '../../shared/pack/parse.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import type { FrontSheet, Pack, Section } from '../../shared/pack/schema.js';

/** Write a pack straight into the workspace, as a colleague or a sync client would. */
async function writePack(dir: string, file: string, sheet: Partial<FrontSheet>, sections: Section[]): Promise<Pack> {
  const pack = newPack(sheet, sections, new Date('2026-11-20T10:00:00Z'));
  await writeFile(path.join(dir, file), serialisePack(pack));
  return pack;
}

function section(title: string, paragraphs: string[], extra: Partial<Section> = {}): Section {
  return newSection(title, { content: editorStateFromParagraphs(paragraphs), ...extra });
}

/** Three packs with different statuses, gamechangers, dates and key-decision flags. */
async function seedWorkspace(dir: string) {
  const transport = await writePack(
    dir,
    'Bus network review.briefing',
    { title: 'Bus network review', meeting: { name: 'Cabinet', date: '2026-12-08' }, status: 'for-review', keyDecision: { isKeyDecision: true, forwardPlanRef: 'FP-2026-201' } },
    [
      section('Summary', ['This report reviews the supported bus network across the borough.']),
      section('Options considered', ['Option A keeps every route.', 'Option B withdraws the evening service on route 47 and funds demand responsive transport instead.'], { gamechangerId: 'connectivity' }),
      section('Financial implications', ['The saving is £120,000 a year from 2027.']),
    ],
  );
  const retrofit = await writePack(
    dir,
    'Council housing retrofit.briefing',
    { title: 'Council housing retrofit', meeting: { name: 'Cabinet', date: '2027-01-12' }, status: 'draft', classification: 'OFFICIAL-SENSITIVE' },
    [section('Summary', ['Retrofit of 400 council homes with heat pumps and insulation, part of our green jobs plan.'], { gamechangerId: 'green-industrial-revolution' }), section('Risks', ['Supply of installers is the main risk.'])],
  );
  const skills = await writePack(
    dir,
    'Adult skills plan.briefing',
    { title: 'Adult skills plan', meeting: { name: 'Council', date: '2026-11-26' }, status: 'approved' },
    [section('Summary', ['An adult skills plan with the college and local employers, including green construction apprenticeships.'], { gamechangerId: 'education-and-skills' })],
  );
  return { transport, retrofit, skills };
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('search finds a word in a section, shows it highlighted, and the result opens at that section', async ({ page, host }) => {
  const { transport } = await seedWorkspace(host.workspaceDir);
  await page.goto(host.url);
  await expect(page.getByRole('row', { name: /Bus network review/ })).toBeVisible();

  // Ctrl+F puts the cursor in the search box.
  await page.locator('body').click();
  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: 'Search packs' });
  await expect(search).toBeFocused();
  await page.keyboard.type('demand responsive');

  const results = page.getByRole('region', { name: /match/ });
  await expect(results.getByRole('heading')).toHaveText('1 pack matches “demand responsive”');
  const result = results.getByRole('listitem').filter({ hasText: 'Bus network review' }).first();
  await expect(result.locator('mark')).toHaveText(['demand', 'responsive']);
  const openSection = result.getByRole('button', { name: 'In section: Options considered, Bus network review' });
  await expect(openSection).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('search-results.png'), fullPage: true });

  // Keyboard only: Tab from the search box through the filters to the section link, then Enter.
  await search.focus();
  let presses = 0;
  while (!(await openSection.evaluate((el) => el === document.activeElement)) && presses++ < 40) await page.keyboard.press('Tab');
  await expect(openSection).toBeFocused();
  await page.keyboard.press('Enter');
  const optionsSection = transport.sections[1]!;
  await expect(page).toHaveURL(new RegExp(`section=${optionsSection.id}`));
  const target = page.locator(`[data-outline-section="${optionsSection.id}"], #section-${optionsSection.id}`).first();
  await expect(target).toHaveAttribute('data-jumped', 'true');
  await expect(target).toBeFocused();

  // A word added to a section on disk (another app, a colleague) is found by the next search.
  const onDisk = JSON.parse(await readFile(path.join(host.workspaceDir, 'Council housing retrofit.briefing'), 'utf8')) as Pack;
  onDisk.sections[1]!.content = editorStateFromParagraphs(['Supply of installers is the main risk.', 'A shortage of scaffolding is a second risk.']);
  await writeFile(path.join(host.workspaceDir, 'Council housing retrofit.briefing'), serialisePack(onDisk));
  await page.getByRole('button', { name: '← Library' }).click();
  await search.fill('scaffolding');
  await expect(results.getByRole('heading')).toHaveText('1 pack matches “scaffolding”');
  await expect(results.getByRole('button', { name: 'In section: Risks, Council housing retrofit' })).toBeVisible();

  // Search and filters combine: a word in two packs, narrowed by status.
  await search.fill('green');
  await expect(results.getByRole('heading')).toHaveText('2 packs match “green”');
  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /^Approved/ }).click();
  await expect(results.getByRole('heading')).toContainText('1 pack matches “green”');
  await expect(results).toContainText('Adult skills plan');
  await expect(results).not.toContainText('Council housing retrofit');
  await page.keyboard.press('Escape'); // Escape in the box clears the search
});

test('filter by status and gamechanger, with a count per status; sort by meeting date and title', async ({ page, host }) => {
  await seedWorkspace(host.workspaceDir);
  await page.goto(host.url);
  const statuses = page.getByRole('group', { name: 'Filter by status' });
  await expect(statuses.getByRole('button', { name: 'All 3' })).toBeVisible();
  await expect(statuses.getByRole('button', { name: 'Draft 1' })).toBeVisible();
  await expect(statuses.getByRole('button', { name: 'For review 1' })).toBeVisible();
  await expect(statuses.getByRole('button', { name: 'Approved 1' })).toBeVisible();

  const titles = () => page.locator('.pack-table tbody tr .pack-open').allTextContents();
  await statuses.getByRole('button', { name: /^For review/ }).click();
  await expect(statuses.getByRole('button', { name: /^For review/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await titles()).toEqual(['Bus network review']);

  await statuses.getByRole('button', { name: /^All/ }).click();
  await page.getByLabel('Gamechanger').selectOption('green-industrial-revolution');
  await expect(page.locator('.pack-table tbody tr')).toHaveCount(1);
  expect(await titles()).toEqual(['Council housing retrofit']);
  // Counts follow the other filters.
  await expect(statuses.getByRole('button', { name: 'All 1' })).toBeVisible();

  await page.getByLabel('Gamechanger').selectOption('all');
  await page.getByLabel('Key decision').selectOption('yes');
  await expect(page.locator('.pack-table tbody tr')).toHaveCount(1);
  expect(await titles()).toEqual(['Bus network review']);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByLabel('Meeting from', { exact: true }).fill('01/12/2026');
  await page.getByLabel('Meeting to', { exact: true }).fill('31/12/2026');
  await expect(page.locator('.pack-table tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByLabel('Sort by').selectOption('meeting');
  await expect.poll(titles).toEqual(['Council housing retrofit', 'Bus network review', 'Adult skills plan']);
  await page.getByLabel('Sort by').selectOption('title');
  await expect.poll(titles).toEqual(['Adult skills plan', 'Bus network review', 'Council housing retrofit']);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('library.png'), fullPage: true });
});

test('status changes are recorded with who and when; an approved pack is read-only until set back to draft', async ({ page, host }) => {
  await writePack(host.workspaceDir, 'Libraries strategy.briefing', { title: 'Libraries strategy' }, [section('Summary', ['Opening hours and the mobile library.'])]);
  await page.goto(host.url);

  // Who: the author set in Settings.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your name').fill('Sam Patel');
  await page.getByLabel('Your role').fill('Head of Policy');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await page.getByRole('button', { name: '← Library' }).click();

  await page.getByRole('button', { name: 'Libraries strategy', exact: true }).click();
  await expect(page.getByLabel('Title')).toBeEditable();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.getByTestId('last-status-change')).toContainText('Sent for review by Sam Patel (Head of Policy)');
  await page.getByRole('button', { name: 'Approve' }).click();
  // Approval is confirmed in a dialog naming the pack (issue 13).
  await page.getByRole('dialog', { name: /^Approve “Libraries strategy”/ }).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('last-status-change')).toContainText('Approved by Sam Patel (Head of Policy)');
  await expect(page.getByText('This pack is approved, so it is read-only.')).toBeVisible();
  await expect(page.getByLabel('Title')).toBeDisabled();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.screenshot({ path: test.info().outputPath('approved-pack.png'), fullPage: true });
  await page.getByText(/Status history/).click();
  await expectNoSeriousAxeViolations(page);

  const file = path.join(host.workspaceDir, 'Libraries strategy.briefing');
  const saved = JSON.parse(await readFile(file, 'utf8')) as Pack;
  expect(saved.frontSheet.status).toBe('approved');
  expect(saved.statusHistory?.map((c) => [c.from, c.to, c.by, c.role])).toEqual([
    ['draft', 'for-review', 'Sam Patel', 'Head of Policy'],
    ['for-review', 'approved', 'Sam Patel', 'Head of Policy'],
  ]);
  expect(Date.now() - Date.parse(saved.statusHistory![1]!.at)).toBeLessThan(5 * 60_000);

  // Reopened later, it is still read-only.
  await page.reload();
  await expect(page.getByLabel('Title')).toBeDisabled();
  await page.getByRole('button', { name: 'Set back to draft' }).click();
  await expect(page.getByLabel('Title')).toBeEditable();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const reopened = JSON.parse(await readFile(file, 'utf8')) as Pack;
  expect(reopened.frontSheet.status).toBe('draft');
  expect(reopened.statusHistory).toHaveLength(3);

  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('row', { name: /Libraries strategy/ })).toContainText('Draft');
});

test('settings: a damaged settings file falls back to defaults with a notice; values are validated and saved', async ({ page, host }) => {
  await writeFile(path.join(host.dataDir, 'settings.json'), '{ this is not json');
  await page.goto(host.url);
  // The library says so, and offers the way to fix it.
  await expect(page.getByTestId('library-settings-notice')).toContainText('Your settings file was damaged');
  await page.getByTestId('library-settings-notice').getByRole('button', { name: 'Open settings' }).click();
  await expect(page).toHaveURL(/screen=settings/);
  await expect(page.getByTestId('settings-notice')).toContainText('Your settings file was damaged');
  await expect(page.getByLabel('Workspace folder')).not.toHaveValue('');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('settings.png'), fullPage: true });

  await page.getByLabel('Shared templates folder').fill('templates here');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter the full path of the shared templates folder')).toBeVisible();
  await expect(page.getByLabel('Shared templates folder')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousAxeViolations(page);

  const shared = path.join(host.dataDir, 'shared-templates');
  await mkdir(shared); // a folder that is not there is refused when chosen
  await page.getByLabel('Shared templates folder').fill(shared);
  await page.getByLabel('Your name').fill('Alex Morgan');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await expect(page.getByTestId('settings-notice')).toHaveCount(0);
  const stored = JSON.parse(await readFile(path.join(host.dataDir, 'settings.json'), 'utf8'));
  expect(stored).toMatchObject({ sharedTemplatesDir: shared, authorName: 'Alex Morgan' });
});

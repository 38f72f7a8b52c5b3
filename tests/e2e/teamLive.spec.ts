import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';
import { startTeamServer } from '../../electron/teamServer/teamServer.js';
import { addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';
import { signInThrough } from '../support/teamPeople.js';

/**
 * Issue 18, point 3 (live editing, first part): two people, each with their own browser host,
 * open one pack on a real team server on 127.0.0.1 and type into the same section; each sees
 * the other's words as they type and who else is there, and the server's file gets the text.
 */

test('two people type into one section live; each sees the other’s words and presence; the server keeps them', async ({ page, host, browser }) => {
  const workspace = await makeTempDir('team-live');
  await addUsers(workspace, [['Priya Shah', ['edit']], ['Lee Office', ['edit']]]);
  await writeTeamPack(workspace, 'cabinet.briefing', teamPack('Shared cabinet report', [['summary', 'Summary text.'], ['angle', 'Local angle.']]));
  const server = await startTeamServer({ workspace, host: '127.0.0.1', room: { settleMs: 200, maxLagMs: 1000 }, log: () => {} });
  const leeHost = await startBrowserHost({ author: 'Lee Office' });
  const leeContext = await browser.newContext({ locale: 'en-GB' });
  try {
    await signInThrough(page, host, server.url, 'Priya Shah');
    const lee = await leeContext.newPage();
    await signInThrough(lee, leeHost, server.url, 'Lee Office');

    // Priya opens it from the library; Lee by its address.
    await page.goto(host.url);
    await page.getByRole('region', { name: /On the team server/ }).getByRole('button', { name: 'Open live: Shared cabinet report' }).click();
    await expect(page.getByTestId('live-status')).toHaveText('Live: changes are saved on the team server');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shared cabinet report');
    const url = new URL(leeHost.url);
    url.searchParams.set('team', 'cabinet.briefing');
    await lee.goto(url.toString());
    await expect(lee.getByTestId('live-status')).toHaveText('Live: changes are saved on the team server');

    const priyaText = page.locator('[data-section-editor="summary"]');
    const leeText = lee.locator('[data-section-editor="summary"]');
    await expect(priyaText).toHaveText('Summary text.');
    await expect(leeText).toHaveText('Summary text.');
    await expect(page.getByTestId('live-here')).toHaveText('Also here: Lee Office');
    await expect(lee.getByTestId('live-here')).toHaveText('Also here: Priya Shah');

    // Priya types at the end; Lee sees it as she types, then answers on a new line.
    await priyaText.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Bootle first.');
    await expect(leeText).toHaveText('Summary text. Bootle first.');
    await leeText.click();
    await lee.keyboard.press('Control+End');
    await lee.keyboard.press('Enter');
    await lee.keyboard.type('Agreed, and Netherton.');
    await expect(priyaText).toContainText('Agreed, and Netherton.');
    // Lee's caret is drawn in Priya's editor with his name (as well as his name in the outline).
    await expect(page.getByText('Lee Office', { exact: true })).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('live-priya.png') });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Undo takes back only one's own typing: Priya's words go, Lee's stay, for both of them.
    await priyaText.click();
    await page.keyboard.press('Control+z');
    await expect(priyaText).not.toContainText('Bootle first.');
    await expect(priyaText).toContainText('Agreed, and Netherton.');
    await expect(leeText).not.toContainText('Bootle first.');
    await expect(leeText).toContainText('Agreed, and Netherton.');

    // Lee moves to another section: Priya's outline shows him there.
    await lee.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'angle' }).click();
    await expect(lee.locator('[data-section-editor="angle"]')).toHaveText('Local angle.');
    await expect(page.getByTestId('people-angle')).toHaveText('Lee Office');

    // The team server writes the plain file once the changes settle.
    await expect
      .poll(async () => JSON.stringify(JSON.parse(await readFile(path.join(workspace, 'cabinet.briefing'), 'utf8')).sections[0].content), { timeout: 15_000 })
      .toContain('Agreed, and Netherton.');
  } finally {
    await leeContext.close();
    await leeHost.stop();
    await removeDir(leeHost.workspaceDir);
    await removeDir(leeHost.dataDir);
    await server.close().catch(() => undefined);
    await removeDir(workspace);
  }
});

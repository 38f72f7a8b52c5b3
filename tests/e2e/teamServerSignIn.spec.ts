import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir } from '../support/browserHost.js';
import { startTeamServer } from '../../electron/teamServer/teamServer.js';
import { PASSWORD, addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';

/**
 * Issue 18, point 3 (first part) and point 5's "Save a local copy", against a real team server
 * on 127.0.0.1: Settings → Team server signs in (a wrong password is refused in plain words),
 * the library lists the server's packs this account may see, a local copy opens as a pack of
 * the workspace, and signing out takes the list away. The session token stays in the back end.
 */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('sign in to the team server, see its packs in the library, save a local copy, sign out', async ({ page, host }) => {
  const workspace = await makeTempDir('team');
  await addUsers(workspace, [['Priya Shah', ['edit']]]);
  await writeTeamPack(workspace, 'cabinet.briefing', teamPack('Shared cabinet report'));
  await writeTeamPack(workspace, 'exempt.briefing', teamPack('Exempt land deal', undefined, true));
  const server = await startTeamServer({ workspace, host: '127.0.0.1', log: () => {} });
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const team = page.getByRole('group', { name: 'Team server' });
    await team.getByLabel('Address').fill(server.url);
    await team.getByLabel('Account name').fill('Priya Shah');
    await team.getByLabel('Password').fill('not the password');
    await team.getByRole('button', { name: 'Sign in' }).click();
    await expect(team.getByRole('alert')).toHaveText('That name and password do not match an account on this team server.');

    await team.getByLabel('Password').fill(PASSWORD);
    await team.getByLabel('Password').press('Enter');
    await expect(team.getByTestId('team-status')).toContainText(`Signed in to ${new URL(server.url).origin} as Priya Shah (edits)`);
    // The token is the back end's: in a file only this user can read, not in the settings or the page.
    const sessionFile = path.join(host.dataDir, 'team-session.json');
    expect((await stat(sessionFile)).mode & 0o777).toBe(0o600);
    const { token } = JSON.parse(await readFile(sessionFile, 'utf8'));
    expect(await readFile(path.join(host.dataDir, 'settings.json'), 'utf8')).not.toContain(token);
    expect(await page.content()).not.toContain(token);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath('team-settings.png'), fullPage: true });

    await page.getByRole('button', { name: '← Library' }).click();
    const list = page.getByRole('region', { name: /On the team server/ });
    await expect(list.getByRole('row')).toHaveCount(2); // the header and one pack: the exempt one is not this account's
    await expect(list).toContainText('Shared cabinet report');
    await expect(list).not.toContainText('Exempt land deal');
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath('team-library.png'), fullPage: true });
    await list.getByRole('button', { name: 'Save a local copy of Shared cabinet report' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Shared cabinet report' })).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue('Shared cabinet report');
    expect((await readFile(path.join(host.workspaceDir, 'Shared cabinet report.briefing'), 'utf8')).length).toBeGreaterThan(100);

    // Share with the team: the local pack goes onto the server; the same name twice is refused.
    await page.getByLabel('Report of').fill('Director of Place');
    await page.getByRole('button', { name: 'Share with the team…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Share with the team?' });
    await expect(confirm).toContainText(`a copy goes to the team server (${new URL(server.url).host})`);
    await confirm.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Shared with the team on' })).toHaveText(`Shared with the team on ${new URL(server.url).host} as Shared cabinet report.briefing.`);
    const onServer = JSON.parse(await readFile(path.join(workspace, 'Shared cabinet report.briefing'), 'utf8'));
    expect(onServer.frontSheet.reportOf).toBe('Director of Place');
    await page.getByRole('button', { name: 'Share with the team…' }).click();
    await page.getByRole('dialog', { name: 'Share with the team?' }).getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'already has a pack called' })).toHaveText('The team server already has a pack called Shared cabinet report.briefing. Choose another name.');
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(page.getByRole('region', { name: /On the team server/ }).getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: 'Shared cabinet report', exact: true }).click();

    // The server goes away: the library says so in plain words and the local packs are there.
    await server.close();
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(page.getByRole('region', { name: /On the team server/ })).toContainText('cannot be reached');
    await expect(page.getByRole('button', { name: 'Shared cabinet report', exact: true })).toBeVisible();

    // Signed out: the list is gone, the name and address are kept for next time.
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(team.getByRole('status').filter({ hasText: 'cannot be reached' })).toBeVisible();
    await team.getByRole('button', { name: 'Sign out' }).click();
    await expect(team.getByLabel('Account name')).toHaveValue('Priya Shah');
    await expect(team.getByLabel('Address')).toHaveValue(server.url);
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(page.getByRole('region', { name: /On the team server/ })).toHaveCount(0);
  } finally {
    await server.close().catch(() => undefined);
    await removeDir(workspace);
  }
});

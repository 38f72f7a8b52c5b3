import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir } from '../support/browserHost.js';
import { startTeamServer, type TeamServer } from '../../electron/teamServer/teamServer.js';
import { addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';
import { joinTeam, type TeamPerson } from '../support/teamPeople.js';

/**
 * Issue 18, point 4: the team server goes away mid-edit. Both people keep typing; the status
 * says their changes are kept on this computer; one reloads the page while it is still away
 * (the pack opens from the copy kept in the browser, with her words); the server comes back on
 * the same port and both people's offline words are merged, seen by each, and written to the file.
 */
const LIVE = 'Live: changes are saved on the team server';
const OFFLINE_PENDING = 'Offline: your changes are kept on this computer and will be sent when the team server answers';

test('server stopped mid-edit: typing goes on offline, survives a reload, and is merged when it comes back', async ({ browser }) => {
  test.setTimeout(120_000);
  const workspace = await makeTempDir('team-offline');
  await addUsers(workspace, [['Priya Shah', ['edit']], ['Lee Office', ['edit']]]);
  await writeTeamPack(workspace, 'cabinet.briefing', teamPack('Shared cabinet report', [['summary', 'Summary text.'], ['angle', 'Local angle.']]));
  const options = { workspace, host: '127.0.0.1', room: { settleMs: 200, maxLagMs: 1000 }, log: () => {} };
  let server: TeamServer = await startTeamServer(options);
  const people: TeamPerson[] = [];
  try {
    for (const name of ['Priya Shah', 'Lee Office']) people.push(await joinTeam(browser, server.url, name));
    const [priya, lee] = people as [TeamPerson, TeamPerson];
    const text = (p: TeamPerson) => p.page.locator('[data-section-editor="summary"]');
    for (const p of people) {
      await p.openLive('cabinet.briefing');
      await expect(p.page.getByTestId('live-status')).toHaveText(LIVE);
      await expect(text(p)).toHaveText('Summary text.');
    }

    // The server stops (as a restart or a lost network would look).
    const port = server.port;
    await server.close();
    for (const p of people) await expect(p.page.getByTestId('live-status')).toHaveText(/^Offline: /);

    await text(priya).click();
    await priya.page.keyboard.press('Control+End');
    await priya.page.keyboard.type(' Written on the train.');
    await expect(priya.page.getByTestId('live-status')).toHaveText(OFFLINE_PENDING);
    await text(lee).click();
    await lee.page.keyboard.press('Control+End');
    await lee.page.keyboard.press('Enter');
    await lee.page.keyboard.type('Lee offline too.');
    await expect(lee.page.getByTestId('live-status')).toHaveText(OFFLINE_PENDING);
    // Neither sees the other's words yet.
    await expect(text(priya)).not.toContainText('Lee offline too.');

    // Priya reloads while the server is still away: the pack opens from the copy kept here.
    await priya.page.reload();
    await expect(priya.page.getByTestId('live-status')).toHaveText(OFFLINE_PENDING);
    await expect(priya.page.getByRole('heading', { level: 1 })).toHaveText('Shared cabinet report');
    await expect(text(priya)).toHaveText('Summary text. Written on the train.');

    // The server comes back on the same port: both sets of words are merged for both people.
    server = await startTeamServer({ ...options, port });
    for (const p of people) {
      await expect(p.page.getByTestId('live-status')).toHaveText(LIVE, { timeout: 20_000 });
      await expect(text(p)).toContainText('Summary text. Written on the train.');
      await expect(text(p)).toContainText('Lee offline too.');
    }
    await expect
      .poll(async () => JSON.stringify(JSON.parse(await readFile(path.join(workspace, 'cabinet.briefing'), 'utf8')).sections[0].content), { timeout: 15_000 })
      .toMatch(/Written on the train\..*Lee offline too\./);
  } finally {
    for (const p of people) await p.close();
    await server.close().catch(() => undefined);
    await removeDir(workspace);
  }
});

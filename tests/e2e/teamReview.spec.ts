import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir } from '../support/browserHost.js';
import { startTeamServer } from '../../electron/teamServer/teamServer.js';
import { addUsers, teamPack, writeTeamPack } from '../support/teamWorkspace.js';
import { joinTeam, type TeamPerson } from '../support/teamPeople.js';
import { selectText } from '../support/editorPage.js';

/**
 * Issue 18, point 3 (comments and suggestions sync) with three people in three browser
 * contexts, each with their own browser host, on a real team server on 127.0.0.1: an officer
 * who edits and approves, a colleague who edits, and a reviewer whose account may only suggest.
 */
const LIVE = 'Live: changes are saved on the team server';

test('three people: a suggest-only reviewer suggests and comments, an officer accepts, everyone sees it; the server keeps it', async ({ browser }) => {
  test.setTimeout(120_000);
  const workspace = await makeTempDir('team-review');
  await addUsers(workspace, [['Priya Shah', ['edit', 'approve']], ['Lee Office', ['edit']], ['Sam Review', []]]);
  await writeTeamPack(workspace, 'cabinet.briefing', teamPack('Shared cabinet report', [['summary', 'The council will invest in the seafront.'], ['angle', 'Local angle.']]));
  const server = await startTeamServer({ workspace, host: '127.0.0.1', room: { settleMs: 200, maxLagMs: 1000 }, log: () => {} });
  const people: TeamPerson[] = [];
  try {
    for (const name of ['Priya Shah', 'Lee Office', 'Sam Review']) people.push(await joinTeam(browser, server.url, name));
    const [priya, lee, sam] = people as [TeamPerson, TeamPerson, TeamPerson];
    for (const p of people) {
      await p.openLive('cabinet.briefing');
      await expect(p.page.getByTestId('live-status')).toHaveText(LIVE);
    }
    await expect(priya.page.getByTestId('live-here')).toHaveText(/Also here: (Lee Office, Sam Review|Sam Review, Lee Office)/);
    const text = (p: TeamPerson) => p.page.locator('[data-section-editor="summary"]');

    // Sam may only suggest: suggesting is on and stays on; there is no formatting toolbar.
    const samSuggesting = sam.page.getByRole('toolbar', { name: 'Review tools for summary' }).getByRole('button', { name: 'Suggesting' });
    await expect(samSuggesting).toHaveAttribute('aria-pressed', 'true');
    await expect(samSuggesting).toHaveAttribute('aria-disabled', 'true');
    await expect(sam.page.getByRole('toolbar', { name: /Formatting for/ })).toHaveCount(0);
    await expect(priya.page.getByRole('toolbar', { name: 'Formatting for summary' })).toBeVisible();
    // Ctrl+Shift+E (Word's Track Changes key) does not turn it off either.
    await text(sam).click();
    await sam.page.keyboard.press('Control+Shift+E');
    await expect(samSuggesting).toHaveAttribute('aria-pressed', 'true');

    // Sam types at the end: a suggested insertion, seen by both others as he types.
    await sam.page.keyboard.press('Control+End');
    await sam.page.keyboard.press('ArrowLeft');
    await sam.page.keyboard.type(' and Bootle');
    for (const p of [priya, lee]) await expect(text(p).locator('ins.suggestion-insert')).toHaveText(' and Bootle');
    await expect(text(priya)).toHaveText('The council will invest in the seafront and Bootle.');
    // Ctrl+B on a selected word is a direct change a suggestion cannot carry: not made (the
    // server would refuse it and close Sam's connection).
    await selectText(text(sam), 'seafront');
    await sam.page.keyboard.press('Control+b');
    await expect(text(sam).locator('.ed-bold')).toHaveCount(0);
    await expect(sam.page.getByTestId('live-status')).toHaveText(LIVE);

    // Sam comments on "invest" (Ctrl+Alt+M, as in Word); the thread reaches Priya and Lee.
    await selectText(text(sam), 'invest');
    await sam.page.keyboard.press('Control+Alt+m');
    const samPanel = sam.page.getByRole('complementary', { name: 'Review' });
    await samPanel.getByLabel('Your comment').fill('How much, and from which fund?');
    await samPanel.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(samPanel.getByRole('article', { name: /Comment by Sam Review on “invest”/ })).toContainText('How much, and from which fund?');
    // Sam is not offered deciding his own suggestion.
    await expect(samPanel.getByRole('button', { name: /^Accept/ })).toHaveCount(0);

    for (const p of [priya, lee]) {
      await expect(p.page.getByTestId('review-toggle')).toContainText('2');
      await expect(text(p).locator('mark')).toHaveText('invest');
    }
    await lee.page.getByTestId('review-toggle').click();
    const leeThread = lee.page.getByRole('complementary', { name: 'Review' }).getByRole('article', { name: /Comment by Sam Review on “invest”/ });
    await expect(leeThread).toContainText('How much, and from which fund?');
    await leeThread.getByLabel('Reply').fill('£4m from the Levelling Up Fund.');
    await leeThread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(samPanel.getByRole('article', { name: /Comment by Sam Review on “invest”/ })).toContainText('£4m from the Levelling Up Fund.');

    // Priya accepts Sam's suggestion: the words become plain text for everyone.
    await priya.page.getByTestId('review-toggle').click();
    const priyaPanel = priya.page.getByRole('complementary', { name: 'Review' });
    await priyaPanel.getByRole('button', { name: 'Accept Inserted “and Bootle” by Sam Review' }).click();
    for (const p of people) {
      await expect(text(p).locator('ins')).toHaveCount(0);
      await expect(text(p)).toHaveText('The council will invest in the seafront and Bootle.');
    }
    await expect(sam.page.getByTestId('review-toggle')).toContainText('1');
    await expect(sam.page.getByTestId('live-status')).toHaveText(LIVE);
    await priya.page.screenshot({ path: test.info().outputPath('live-review-priya.png') });
    const axe = await new AxeBuilder({ page: sam.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The team server's plain file has the accepted text, the thread and both comments.
    await expect
      .poll(
        async () => {
          const saved = JSON.parse(await readFile(path.join(workspace, 'cabinet.briefing'), 'utf8'));
          return {
            text: JSON.stringify(saved.sections[0].content).includes('and Bootle'),
            // Decided: no suggestion markup left in the text (the record stays, as locally, so an undo can bring it back).
            suggestionMarkup: JSON.stringify(saved.sections[0].content).includes('"type":"suggestion"'),
            comments: Object.values(saved.review.comments as Record<string, { text: string }>).map((c) => c.text).sort(),
          };
        },
        { timeout: 15_000 },
      )
      .toEqual({ text: true, suggestionMarkup: false, comments: ['How much, and from which fund?', '£4m from the Levelling Up Fund.'] });
  } finally {
    for (const p of people) await p.close();
    await server.close().catch(() => undefined);
    await removeDir(workspace);
  }
});

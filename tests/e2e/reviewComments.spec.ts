import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import type { BrowserHost } from '../support/browserHost.js';
import { gamechangerPack, nodesOfType, openSection, readPackFile, savedSection, selectText, writePackFile } from '../support/editorPage.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';

/** Comments: add from the toolbar and Ctrl+Alt+M, reply, edit, resolve, reopen, delete; anchors survive edits. */
export async function setAuthor(host: BrowserHost, page: Page, name: string, role: string): Promise<void> {
  const response = await page.request.post(`${host.origin}/api/updateSettings`, {
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin },
    data: { authorName: name, authorRole: role },
  });
  expect(response.ok()).toBe(true);
}

test('comment on selected text, reply, edit, resolve and reopen; the thread is saved in the pack', async ({ page, host }) => {
  const pack = gamechangerPack('Comments');
  pack.sections[0]!.content = editorStateFromParagraphs(['The council will invest £4m in the Southport seafront.', 'Second paragraph.']);
  const file = await writePackFile(host, pack);
  const section = pack.sections[0]!;
  await setAuthor(host, page, 'Alex Morgan', 'Chief Finance Officer');
  const editor = await openSection(page, host, file, section.id);

  await selectText(editor, '£4m');
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  await toolbar.getByRole('button', { name: 'Comment' }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  const box = panel.getByLabel('Your comment');
  await expect(box).toBeFocused();
  await box.fill('Is this capital or revenue?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = panel.getByRole('article', { name: /Comment by Alex Morgan on “£4m”/ });
  await expect(thread).toContainText('Is this capital or revenue?');
  await expect(thread).toContainText('Chief Finance Officer');
  await expect(editor.locator('mark')).toHaveText('£4m');

  // Reply, then edit the reply.
  await thread.getByLabel('Reply').fill('Capital, from the levelling up fund.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(thread.locator('.review-comment')).toHaveCount(2);
  await thread.getByRole('button', { name: 'Edit your comment' }).nth(1).click();
  await thread.getByLabel('Comment text').fill('Capital, from the Levelling Up Fund.');
  await thread.getByRole('button', { name: 'Save' }).click();
  await expect(thread).toContainText('Capital, from the Levelling Up Fund. (edited)');

  // Counts: the header and the outline.
  await expect(page.getByTestId('review-toggle')).toContainText('1');
  await expect(page.locator(`[data-section-id="${section.id}"] [data-testid="outline-review"]`)).toContainText('1 open');

  // Resolve: it leaves the open list and the counts; reopen brings it back.
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(panel.getByRole('article')).toHaveCount(0);
  await expect(page.getByTestId('review-toggle')).toContainText('0');
  await panel.getByLabel('State').selectOption('resolved');
  const resolved = panel.getByRole('article', { name: /Comment by Alex Morgan/ });
  await expect(resolved).toContainText('Resolved');
  await resolved.getByRole('button', { name: 'Reopen' }).click();
  await panel.getByLabel('State').selectOption('open');
  await expect(panel.getByRole('article', { name: /Comment by Alex Morgan/ })).toBeVisible();

  // Saved in the pack: a mark with the thread id around the text, the records in pack.review.
  await page.keyboard.press('Control+s');
  await expect.poll(async () => Object.keys((await readPackFile(host, file)).review.comments).length).toBe(2);
  const saved = await readPackFile(host, file);
  const [threadId] = Object.keys(saved.review.threads);
  expect(saved.review.threads[threadId!]).toMatchObject({ sectionId: section.id, anchor: 'text', quote: '£4m', author: { name: 'Alex Morgan', role: 'Chief Finance Officer' }, resolved: null });
  const marks = nodesOfType((await savedSection(host, file, section.id)).content, 'mark');
  expect(marks).toHaveLength(1);
  expect(marks[0]!.ids).toEqual([threadId]);
});

test('Ctrl+Alt+M comments the word at the caret; typing inside keeps the anchor, deleting the text keeps the thread with its quote', async ({ page, host }) => {
  const pack = gamechangerPack('Anchors');
  pack.sections[0]!.content = editorStateFromParagraphs(['Budget rises next year.']);
  const file = await writePackFile(host, pack);
  const section = pack.sections[0]!;
  await setAuthor(host, page, 'Sam Lee', 'Monitoring Officer');
  const editor = await openSection(page, host, file, section.id);
  await selectText(editor, 'rises');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Alt+m');
  const panel = page.getByRole('complementary', { name: 'Review' });
  await panel.getByLabel('Your comment').fill('By how much?');
  await page.keyboard.press('Control+Enter');
  await expect(editor.locator('mark')).toHaveText('rises');
  // Back in the text: typing inside the mark stays inside, undo takes it out again.
  await panel.getByRole('button', { name: /Go to text of/ }).click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('XX');
  await expect(editor.locator('mark')).toHaveText('riXXses');
  await page.keyboard.press('Control+z');
  await expect(editor.locator('mark')).toHaveText('rises');
  // Delete the commented word: the thread stays with its quote.
  await selectText(editor, 'rises');
  await page.keyboard.press('Backspace');
  await expect(editor.locator('mark')).toHaveCount(0);
  await expect(panel.getByRole('article', { name: /Comment by Sam Lee/ })).toContainText('(this text has been deleted)');
  // Undo brings the text and its anchor back.
  await page.keyboard.press('Control+z');
  await expect(editor.locator('mark')).toHaveText('rises');
  await expect(panel.getByRole('article', { name: /Comment by Sam Lee/ })).not.toContainText('(this text has been deleted)');
});

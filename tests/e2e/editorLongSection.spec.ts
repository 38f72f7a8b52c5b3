import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import type { BrowserHost } from '../support/browserHost.js';
import { blockSummary, readPackFile, savedSection, writePackFile } from '../support/editorPage.js';
import { longestSectionIndex, makeReferencePack } from '../support/referencePack.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';
import { formatCount } from '../../renderer/common/format.js';

// A long section is put into the editor in slices (renderer/editor/sectionLoad.ts): the first
// screens at once, the rest between frames. These tests hold the later slices back by pausing
// the page's clock (they wait on timers and animation frames), so what a member does in the
// first instant after opening is tested deterministically.

const pack = makeReferencePack();
const longest = pack.sections[longestSectionIndex(pack)]!;
const total = longest.content.root.children.length;

async function openHeld(page: Page, host: BrowserHost) {
  const file = await writePackFile(host, pack, 'Long pack.briefing');
  await page.clock.install();
  // A moment after now: pauseAt only moves the clock forwards (a fixed date stops working once it has passed).
  await page.clock.pauseAt(new Date(Date.now() + 60_000));
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  url.searchParams.set('section', longest.id);
  await page.goto(url.toString());
  const editor = page.locator(`[data-section-editor="${longest.id}"]`);
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  return { file, editor, blocks: () => editor.evaluate((el) => el.childElementCount) };
}

test('a long section is editable before all of it has arrived; an edit then keeps every block, and undo never drops any', async ({ page, host }) => {
  const { file, editor, blocks } = await openHeld(page, host);
  const shown = await blocks();
  expect(shown).toBeGreaterThan(10);
  expect(shown).toBeLessThan(total);

  // Clicking into the text (its first line, a heading) brings the rest in at once, before
  // anything can be typed.
  await editor.locator(':scope > *').first().click();
  expect(await blocks()).toBe(total);
  await page.keyboard.press('End');
  await page.keyboard.type(' Added while opening.');
  await page.clock.resume();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  const saved = await savedSection(host, file, longest.id);
  const original = blockSummary(longest);
  const after = blockSummary(saved);
  expect(after).toHaveLength(total);
  expect(after[0]).toBe(`${original[0]} Added while opening.`);
  expect(after.slice(1)).toEqual(original.slice(1));

  // Undo takes the typing away and nothing else: every block is still there, on screen and on disk.
  for (let i = 0; i < 10 && (await editor.textContent())!.includes('Added while opening'); i++) await page.keyboard.press('Control+z');
  await expect(editor).not.toContainText('Added while opening');
  expect(await blocks()).toBe(total);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => blockSummary(await savedSection(host, file, longest.id))).toEqual(original);
});

test('leaving a long section before it has all arrived never saves it short', async ({ page, host }) => {
  const { file, blocks } = await openHeld(page, host);
  const before = await readFile(path.join(host.workspaceDir, file));
  expect(await blocks()).toBeLessThan(total);
  // Ctrl+S and going to another section, then back to the library, with the rest held back.
  await page.keyboard.press('Control+s');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: pack.sections[0]!.title }).click();
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.clock.resume();
  await page.waitForTimeout(1500); // any autosave would have happened by now
  expect((await readFile(path.join(host.workspaceDir, file))).equals(before)).toBe(true);
  expect((await readPackFile(host, file)).sections[longestSectionIndex(pack)]!.content.root.children).toHaveLength(total);
});

test('without interference, the rest of a long section arrives by itself', async ({ page, host }) => {
  const file = await writePackFile(host, pack, 'Long pack.briefing');
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  url.searchParams.set('section', longest.id);
  await page.goto(url.toString());
  const editor = page.locator(`[data-section-editor="${longest.id}"]`);
  await expect.poll(() => editor.evaluate((el) => el.childElementCount)).toBe(total);
  await expect(editor).toContainText(blockSummary(longest).at(-1)!.replace(/^paragraph: /, '').slice(0, 60));
  // The word counts are of the whole section (not of the part that had arrived when the
  // plugins started), in the section's heading and in the outline, and stay so.
  const words = formatCount(wordCountOf(longest.content));
  await page.waitForTimeout(600);
  await expect(page.getByTestId('section-words')).toContainText(`${words} `);
  await expect(page.locator(`button[data-section-id="${longest.id}"]`).getByTestId('outline-words')).toHaveText(`${words} words`);
});

test('a block the editor cannot read, early or late in a section, shows a plain-English error and the file is never changed', async ({ page, host }) => {
  const broken = makeReferencePack();
  const early = broken.sections[0]!;
  early.content.root.children.splice(0, 0, { type: 'not-a-real-node', version: 1 });
  const late = broken.sections[longestSectionIndex(broken)]!;
  late.content.root.children.splice(120, 0, { type: 'not-a-real-node', version: 1 });
  const file = await writePackFile(host, broken, 'Broken blocks.briefing');
  const before = await readFile(path.join(host.workspaceDir, file));
  for (const section of [early, late]) {
    const url = new URL(host.url);
    url.searchParams.set('pack', file);
    url.searchParams.set('section', section.id);
    await page.goto(url.toString());
    await expect(page.getByRole('alert').filter({ hasText: 'This section could not be opened in the editor.' })).toBeVisible();
    await expect(page.locator(`[data-section-editor="${section.id}"]`)).toHaveCount(0);
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await page.waitForTimeout(1500); // any autosave would have happened by now
  expect((await readFile(path.join(host.workspaceDir, file))).equals(before)).toBe(true);
});

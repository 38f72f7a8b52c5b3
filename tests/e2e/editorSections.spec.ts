import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { blockSummary, gamechangerPack, openSection, readPackFile, savedSection, writePackFile } from '../support/editorPage.js';

test('sections: add, rename, reorder (buttons and Alt+arrows), remove with confirmation and undo', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  await openSection(page, host, file, pack.sections[0]!.id);
  const outline = page.getByRole('navigation', { name: 'Sections' });
  const titles = () => outline.getByRole('list', { name: 'Sections' }).locator('.outline-title');
  const savedTitles = async () => (await readPackFile(host, file)).sections.map((s) => s.title);
  const original = pack.sections.map((s) => s.title);

  // Add a custom section: it opens, ready to write in.
  await outline.getByRole('button', { name: '+ Add section' }).click();
  const add = page.getByRole('dialog', { name: 'Add a section' });
  await add.getByLabel('Section title').fill('Local transport asks');
  await add.getByRole('button', { name: 'Add section' }).click();
  await expect(titles()).toHaveText([...original, 'Local transport asks']);
  await expect(page.getByRole('heading', { level: 2, name: 'Local transport asks' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Local transport asks text' }).click();
  await page.keyboard.type('Buses for Maghull.');
  await expect.poll(savedTitles).toEqual([...original, 'Local transport asks']);

  // Rename.
  await outline.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename section' });
  await rename.getByLabel('Section title').fill('Transport: what we ask');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Transport: what we ask' })).toBeVisible();
  await expect.poll(savedTitles).toEqual([...original, 'Transport: what we ask']);

  // Move up with the button, then with Alt+ArrowUp on the item, and down again.
  await outline.getByRole('button', { name: 'Move Transport: what we ask up' }).click();
  await expect(titles()).toHaveText([...original.slice(0, 4), 'Transport: what we ask', original[4]!]);
  const item = outline.locator('.outline-item', { hasText: 'Transport: what we ask' });
  await item.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(titles()).toHaveText([...original.slice(0, 2), 'Transport: what we ask', ...original.slice(2)]);
  await expect(item).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(titles()).toHaveText([...original.slice(0, 3), 'Transport: what we ask', ...original.slice(3)]);
  await expect.poll(savedTitles).toEqual([...original.slice(0, 3), 'Transport: what we ask', ...original.slice(3)]);

  // Remove asks first; Cancel keeps it; Remove removes it; Undo brings it back with its words.
  await outline.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog', { name: 'Remove this section?' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(titles()).toHaveCount(6);
  await outline.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog', { name: 'Remove this section?' }).getByRole('button', { name: 'Remove section' }).click();
  await expect(titles()).toHaveText(original);
  await expect.poll(savedTitles).toEqual(original);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(titles()).toHaveText([...original.slice(0, 3), 'Transport: what we ask', ...original.slice(3)]);
  await expect(page.getByRole('textbox', { name: 'Transport: what we ask text' })).toHaveText('Buses for Maghull.');
  await expect.poll(savedTitles).toEqual([...original.slice(0, 3), 'Transport: what we ask', ...original.slice(3)]);
  const restored = (await readPackFile(host, file)).sections[3]!;
  expect(blockSummary(restored)).toEqual(['paragraph: Buses for Maghull.']);
});

test('word counts: live per section and for the pack, reading time, gentle warning over the limit', async ({ page, host }) => {
  const pack = gamechangerPack('Counts');
  pack.sections[0]!.wordLimit = 12;
  pack.sections[0]!.content = editorStateFromParagraphs(['One two three four five six seven eight nine ten.']);
  pack.sections[1]!.content = editorStateFromParagraphs(['Alpha beta gamma.', 'Delta epsilon.']);
  const file = await writePackFile(host, pack);
  const editor = await openSection(page, host, file, pack.sections[0]!.id);
  const outline = page.getByRole('navigation', { name: 'Sections' });
  const meter = page.getByTestId('section-words');
  await expect(meter).toContainText('10 of 12 words');
  await expect(outline.getByTestId('outline-words').first()).toHaveText('10 / 12 words');
  await expect(outline.getByTestId('pack-words')).toHaveText('15 words in the pack · about 1 min reading');
  await expect(meter.getByRole('status')).toHaveText(''); // present (so it is announced later) but empty

  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Eleven twelve thirteen fourteen');
  await expect(meter).toContainText('14 of 12 words');
  await expect(meter.getByRole('status')).toHaveText('2 words over the 12-word limit. You can keep writing; trim before you export.');
  await expect(outline.getByTestId('outline-words').first()).toHaveText('14 / 12 words (over the limit)');
  await expect(outline.getByTestId('pack-words')).toContainText('19 words in the pack');
  // Never blocks typing.
  await page.keyboard.type(' fifteen');
  await expect(meter).toContainText('15 of 12 words');
  await expect(editor).toContainText('fourteen fifteen');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => blockSummary(await savedSection(host, file, pack.sections[0]!.id))).toEqual([
    'paragraph: One two three four five six seven eight nine ten. Eleven twelve thirteen fourteen fifteen',
  ]);
});

test('autosave after a pause survives a reload; leaving a section saves it at once', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const [first, second] = pack.sections;
  const editor = await openSection(page, host, file, first!.id);
  const status = page.getByTestId('save-status');
  await editor.click();
  await page.keyboard.type('Autosaved words about green jobs.');
  await expect(status).toHaveAttribute('data-state', 'unsaved');
  await expect(status).toHaveAttribute('data-state', 'saved'); // no Ctrl+S: the pause saves
  await expect(status).toContainText(/Saved at \d/);
  expect(blockSummary(await savedSection(host, file, first!.id))).toEqual(['paragraph: Autosaved words about green jobs.']);

  await page.reload();
  const again = page.locator(`[data-section-editor="${first!.id}"]`);
  await expect(again).toHaveText('Autosaved words about green jobs.');

  // Type and switch section straight away: the switch saves.
  await again.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' More.');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(second!.title.slice(0, 20)) }).click();
  await expect(page.locator(`[data-section-editor="${second!.id}"]`)).toBeVisible();
  await expect.poll(async () => blockSummary(await savedSection(host, file, first!.id))).toEqual(['paragraph: Autosaved words about green jobs. More.']);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(first!.title.slice(0, 20)) }).click();
  await expect(page.locator(`[data-section-editor="${first!.id}"]`)).toHaveText('Autosaved words about green jobs. More.');
});

test('guidance panel shows the gamechanger and prompts beside the section, never in the content', async ({ page, host }) => {
  const pack = gamechangerPack();
  pack.sections[3]!.guidance = 'Name the bus routes and stations that matter most.';
  const file = await writePackFile(host, pack);
  const editor = await openSection(page, host, file, pack.sections[3]!.id);
  const guidance = page.getByRole('complementary', { name: 'Guidance' });
  await expect(guidance.getByRole('heading', { name: 'Improving connectivity in towns and cities in the North' })).toBeVisible();
  await expect(guidance).toContainText('poorly connected');
  for (const prompt of ['The local angle', 'Local evidence', 'What we ask of Government', 'What we offer in return', 'Risks', 'Wards affected']) {
    await expect(guidance.getByRole('listitem').filter({ hasText: prompt })).toHaveCount(1);
  }
  await expect(guidance).toContainText('Name the bus routes and stations that matter most.');
  await expect(editor).not.toContainText('poorly connected');
  await editor.click();
  await page.keyboard.type('Our own words.');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => JSON.stringify((await savedSection(host, file, pack.sections[3]!.id)).content)).toContain('Our own words.');
  expect(JSON.stringify((await savedSection(host, file, pack.sections[3]!.id)).content)).not.toMatch(/poorly connected|Wards affected/);
});

test('spellcheck is on in British English, and the pack screen has no serious accessibility problems', async ({ page, host }) => {
  const pack = gamechangerPack('Accessible pack');
  pack.sections[0]!.wordLimit = 3;
  pack.sections[0]!.content = editorStateFromParagraphs(['Words over the limit here.']);
  const file = await writePackFile(host, pack);
  const editor = await openSection(page, host, file, pack.sections[0]!.id);
  await expect(editor).toHaveAttribute('spellcheck', 'true');
  await expect(editor).toHaveAttribute('lang', 'en-GB');
  await expect(page.getByTestId('section-words').getByRole('status')).toContainText('over the 3-word limit');
  await editor.click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  // And on the front sheet view of the same screen.
  await page.getByRole('button', { name: 'Front sheet' }).click();
  await expect(page.getByRole('heading', { name: 'Front sheet' })).toBeVisible();
  const front = await new AxeBuilder({ page }).analyze();
  expect(front.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('an approved pack opens read-only: text cannot change, toolbar and section actions are off', async ({ page, host }) => {
  const pack = gamechangerPack('Approved pack');
  pack.frontSheet.status = 'approved';
  pack.sections[0]!.content = editorStateFromParagraphs(['Approved words.']);
  const file = await writePackFile(host, pack);
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  url.searchParams.set('section', pack.sections[0]!.id);
  await page.goto(url.toString());
  const editor = page.locator(`[data-section-editor="${pack.sections[0]!.id}"]`);
  await expect(editor).toHaveText('Approved words.');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar', { name: /Formatting for/ }).getByRole('button', { name: 'Bold', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: '+ Add section' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename' })).toHaveCount(0);
  await editor.click();
  await page.keyboard.type('Sneaky edit');
  await expect(editor).toHaveText('Approved words.');
  expect(blockSummary(await savedSection(host, file, pack.sections[0]!.id))).toEqual(['paragraph: Approved words.']);
});

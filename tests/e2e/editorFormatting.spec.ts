import { test, expect } from './fixtures.js';
import { blockSummary, gamechangerPack, nodesOfType, openSection, savedSection, selectText, writePackFile } from '../support/editorPage.js';

/** Formats are Lexical's bit flags in the saved JSON. */
const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;

test('block types and inline formats from the toolbar: DOM, pressed state and saved JSON', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[0]!;
  const editor = await openSection(page, host, file, section.id);
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });

  await editor.click();
  await page.keyboard.type('Green jobs for Sefton');
  await toolbar.getByLabel('Block type').selectOption('h2');
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Offshore wind');
  await toolbar.getByLabel('Block type').selectOption('h3');
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Port and freight');
  await toolbar.getByLabel('Block type').selectOption('h4');
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Quoted words');
  await toolbar.getByLabel('Block type').selectOption('quote');
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(toolbar.getByLabel('Block type')).toHaveValue('paragraph');

  // Inline formats via toolbar: switch on, type, switch off.
  for (const [name, word] of [['Bold', 'strong'], ['Italic', 'slanted'], ['Underline', 'lined'], ['Strikethrough', 'struck']] as const) {
    await toolbar.getByRole('button', { name, exact: true }).click();
    await expect(toolbar.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.type(word);
    await toolbar.getByRole('button', { name, exact: true }).click();
    await expect(toolbar.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.type(' ');
  }

  await expect(editor.locator('h2')).toHaveText('Green jobs for Sefton');
  await expect(editor.locator('h3')).toHaveText('Offshore wind');
  await expect(editor.locator('h4')).toHaveText('Port and freight');
  await expect(editor.locator('blockquote')).toHaveText('Quoted words');
  await expect(editor.locator('strong, b, .ed-bold').first()).toHaveText('strong');
  await expect(editor.locator('.ed-italic')).toHaveText('slanted');
  await expect(editor.locator('.ed-underline')).toHaveText('lined');
  await expect(editor.locator('.ed-strike')).toHaveText('struck');

  // The toolbar follows the selection: inside the bold word, Bold is pressed.
  await editor.getByText('strong', { exact: true }).click();
  await expect(toolbar.getByRole('button', { name: 'Bold', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(toolbar.getByRole('button', { name: 'Italic', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await editor.locator('h3').click();
  await expect(toolbar.getByLabel('Block type')).toHaveValue('h3');

  await page.keyboard.press('Control+s');
  await expect
    .poll(async () => blockSummary(await savedSection(host, file, section.id)))
    .toEqual(['h2: Green jobs for Sefton', 'h3: Offshore wind', 'h4: Port and freight', 'quote: Quoted words', 'paragraph: strong slanted lined struck ']);
  const saved = await savedSection(host, file, section.id);
  const formats = Object.fromEntries(nodesOfType(saved.content, 'text').map((t) => [t.text, t.format]));
  expect(formats).toMatchObject({ strong: BOLD, slanted: ITALIC, lined: UNDERLINE, struck: STRIKE });
});

test('keyboard shortcuts: bold, italic, underline, undo, redo, markdown headings and save', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[1]!;
  const editor = await openSection(page, host, file, section.id);
  await editor.click();

  await page.keyboard.type('# Healthy lives');
  await page.keyboard.press('Enter');
  await page.keyboard.type('### Prevention first');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('bold');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Control+i');
  await page.keyboard.type(' italic');
  await page.keyboard.press('Control+i');
  await page.keyboard.press('Control+u');
  await page.keyboard.type(' under');
  await page.keyboard.press('Control+u');
  await page.keyboard.type(' plain');
  // "# " makes a heading, and headings inside a section start at H2.
  await expect(editor.locator('h2')).toHaveText('Healthy lives');
  await expect(editor.locator('h1')).toHaveCount(0);
  await expect(editor.locator('h3')).toHaveText('Prevention first');
  await expect(editor.locator('.ed-bold')).toHaveText('bold');
  await expect(editor.locator('.ed-italic')).toHaveText(' italic');
  await expect(editor.locator('.ed-underline')).toHaveText(' under');

  // Undo (Ctrl+Z) removes the last typing; redo (Ctrl+Y and Ctrl+Shift+Z) brings it back.
  await page.waitForTimeout(600); // history groups keystrokes typed close together
  await page.keyboard.type(' extra');
  await expect(editor.locator('p')).toContainText('plain extra');
  await page.keyboard.press('Control+z');
  await expect(editor.locator('p')).not.toContainText('extra');
  await page.keyboard.press('Control+y');
  await expect(editor.locator('p')).toContainText('plain extra');
  await page.keyboard.press('Control+z');
  await expect(editor.locator('p')).not.toContainText('extra');
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.locator('p')).toContainText('plain extra');
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(editor.locator('p')).not.toContainText('extra');
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(editor.locator('p')).toContainText('plain extra');

  await page.keyboard.press('Control+s');
  await expect.poll(async () => blockSummary(await savedSection(host, file, section.id))).toEqual([
    'h2: Healthy lives',
    'h3: Prevention first',
    'paragraph: bold italic under plain extra',
  ]);
  const texts = nodesOfType((await savedSection(host, file, section.id)).content, 'text');
  expect(texts.map((t) => [t.text, t.format])).toEqual([
    ['Healthy lives', 0],
    ['Prevention first', 0],
    ['bold', BOLD],
    [' italic', ITALIC],
    [' under', UNDERLINE],
    [' plain extra', 0],
  ]);
});

test('nested bulleted and numbered lists with Tab, indent and outdent', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[2]!;
  const editor = await openSection(page, host, file, section.id);
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  await editor.click();

  await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
  await expect(toolbar.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Schools');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Early years');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Primary');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Outdent' }).click();
  await page.keyboard.type('Colleges');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // an empty item ends the list
  await page.keyboard.type('1. Close the gap');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Grow apprenticeships');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Indent' }).click();
  await page.keyboard.type('With employers');

  await expect(editor.locator(':scope > ul > li')).toHaveCount(3); // Schools, (nested holder), Colleges
  await expect(editor.locator('ul ul > li')).toHaveText(['Early years', 'Primary']);
  await expect(editor.locator(':scope > ol > li').first()).toHaveText('Close the gap');
  await expect(editor.locator('ol ol > li')).toHaveText(['With employers']);

  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'list').map((l) => l.listType)).toEqual(['bullet', 'bullet', 'number', 'number']);
  const saved = await savedSection(host, file, section.id);
  const [bullets, numbers] = saved.content.root.children as Array<{ type: string; listType: string; children: unknown[] }>;
  expect(bullets!.listType).toBe('bullet');
  expect(nodesOfType(bullets, 'list')).toHaveLength(2); // the outer list and one nested list
  expect(numbers!.listType).toBe('number');
  expect(nodesOfType(numbers, 'list')).toHaveLength(2);
});

test('toolbar is one tab stop with arrow-key (roving) focus and accessible names', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  await openSection(page, host, file, pack.sections[0]!.id);
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  const tabbable = toolbar.locator('[tabindex="0"]');
  await expect(tabbable).toHaveCount(1);
  await tabbable.focus();
  await expect(toolbar.getByLabel('Block type')).toBeFocused(); // undo/redo are disabled at first
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Bold', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic', exact: true })).toBeFocused();
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('End');
  // The review group (issue 14) ends the toolbar: its Changes view choice is the last stop.
  await expect(toolbar.getByLabel('Changes view')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(toolbar.getByLabel('Block type')).toBeFocused();
  for (const name of ['Undo', 'Redo', 'Bold', 'Italic', 'Underline', 'Strikethrough', 'Clear formatting', 'Bulleted list', 'Numbered list', 'Indent', 'Outdent', 'Insert link', 'Remove link', 'Insert table', 'Header row', 'Header column', 'Insert row below', 'Insert column right', 'Delete row', 'Delete column', 'Insert picture', 'Comment', 'Suggesting', 'Previous change', 'Next change']) {
    await expect(toolbar.getByRole('button', { name, exact: true })).toHaveCount(1);
  }
});

test('clear formatting removes bold, italic, underline and links from the selection only', async ({ page, host }) => {
  const pack = gamechangerPack();
  pack.sections[0]!.content = {
    root: {
      type: 'root', version: 1, direction: null, format: '', indent: 0,
      children: [
        {
          type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
          children: [
            { type: 'text', version: 1, text: 'Keep this bold. ', format: BOLD, style: '', mode: 'normal', detail: 0 },
            { type: 'text', version: 1, text: 'Clear this', format: BOLD | ITALIC | UNDERLINE, style: '', mode: 'normal', detail: 0 },
          ],
        },
      ],
    },
  } as never;
  const file = await writePackFile(host, pack);
  const editor = await openSection(page, host, file, pack.sections[0]!.id);
  await selectText(editor, 'Clear this');
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  await expect(toolbar.getByRole('button', { name: 'Italic', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Clear formatting' }).click();
  await expect(toolbar.getByRole('button', { name: 'Italic', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Control+s');
  await expect
    .poll(async () => nodesOfType((await savedSection(host, file, pack.sections[0]!.id)).content, 'text').map((t) => [t.text, t.format]))
    .toEqual([
      ['Keep this bold. ', BOLD],
      ['Clear this', 0],
    ]);
});

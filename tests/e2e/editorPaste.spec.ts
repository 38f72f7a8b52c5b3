import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { blockSummary, gamechangerPack, nodesOfType, openSection, savedSection, writePackFile } from '../support/editorPage.js';

const fixture = (name: string) => readFile(path.resolve('tests/fixtures/paste', name), 'utf8');

/** Fire a real paste event carrying the clipboard formats Word or a browser would put there. */
async function paste(editor: Locator, data: Record<string, string>) {
  await editor.evaluate((el, formats) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(formats)) transfer.setData(type, value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

test('pasting from Word keeps headings, lists, emphasis, links and tables and drops the rest', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[0]!;
  const editor = await openSection(page, host, file, section.id);
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  await editor.click();
  const html = await fixture('word-local-angle.html');
  await paste(editor, { 'text/html': html, 'text/plain': 'Green industry: the Sefton angle …' });

  // Structure in the editor.
  await expect(editor.locator('h2').first()).toHaveText('Green industry: the Sefton angle'); // Word's Heading 1 becomes H2
  await expect(editor.locator('h1')).toHaveCount(0);
  await expect(editor.locator('h2')).toHaveText(['Green industry: the Sefton angle', 'What we ask of Government', 'What we offer']);
  await expect(editor.locator(':scope > ul > li').first()).toHaveText('A five-year retrofit settlement for social housing');
  await expect(editor.locator('ul ul > li')).toHaveText(['Starting with Bootle and Netherton']);
  await expect(editor.locator(':scope > ol > li')).toHaveText(['Match funding from the council\u2019s capital programme', 'A skills pathway with three four colleges']);
  await expect(editor.locator('.ed-bold').first()).toHaveText('real head start');
  await expect(editor.locator('.ed-italic')).toHaveText('low-carbon freight');
  await expect(editor.locator('.ed-underline')).toHaveText('skills');
  await expect(editor.locator('.ed-strike')).toHaveText('three');
  await expect(editor.getByRole('link', { name: 'Levelling Up White Paper' })).toHaveAttribute('href', 'https://www.gov.uk/government/publications/levelling-up-the-united-kingdom');
  await expect(editor.locator('table tr')).toHaveCount(2);
  // Dropped: bullets typed as text, fonts/colours, the remote picture, the script, the javascript: link.
  await expect(editor).not.toContainText('·');
  await expect(editor.locator('[style*="color"], [style*="font"]')).toHaveCount(0);
  await expect(editor.locator('img')).toHaveCount(0);
  await expect(editor.getByRole('link', { name: 'Click here' })).toHaveCount(0);
  await expect(editor).toContainText('Click here for nothing.');
  expect(messages.join('\n')).not.toContain('pwned');

  // And the saved JSON is clean too.
  await page.keyboard.press('Control+s');
  await expect.poll(async () => blockSummary(await savedSection(host, file, section.id))).toEqual([
    'h2: Green industry: the Sefton angle',
    'paragraph: Sefton\u2019s coast and the Port of Liverpool give us a real head start on offshore wind and low-carbon freight. See the Levelling Up White Paper for the national picture.',
    'h2: What we ask of Government',
    'list-bullet: A five-year retrofit settlement for social housingStarting with Bootle and NethertonPowers to set local skills priorities',
    'h2: What we offer',
    'list-number: Match funding from the council\u2019s capital programmeA skills pathway with three four colleges',
    'table: MeasureSeftonHomes needing retrofit41,000',
    'paragraph: Click here for nothing.',
  ]);
  const saved = await savedSection(host, file, section.id);
  const json = JSON.stringify(saved.content);
  expect(json).not.toMatch(/color:|font-family|Aptos|mso-|javascript:|file:\/\/|C00000/i);
  expect(nodesOfType(saved.content, 'text').every((t) => t.style === '')).toBe(true);
  expect(nodesOfType(saved.content, 'link').map((l) => l.url)).toEqual(['https://www.gov.uk/government/publications/levelling-up-the-united-kingdom']);
  expect(nodesOfType(saved.content, 'tablecell').every((c) => !c.backgroundColor)).toBe(true);
});

test('pasting from a web page keeps structure and drops classes, styles, scripts and remote images', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[1]!;
  const editor = await openSection(page, host, file, section.id);
  await editor.click();
  await paste(editor, { 'text/html': await fixture('web-page.html'), 'text/plain': 'Healthy lives in the North' });
  await expect(editor.locator('h3')).toHaveText('Healthy lives in the North');
  await expect(editor.locator('.ed-bold')).toHaveText('fewer years');
  await expect(editor.getByRole('link', { name: 'the report' })).toHaveAttribute('href', 'https://www.example.org/report');
  await expect(editor.locator('ul > li')).toHaveText(['Prevention', 'Better care']);
  await expect(editor.locator('.ed-italic')).toHaveText('Better care');
  await expect(editor.locator('img')).toHaveCount(0);
  await expect(editor).toContainText('Plain words');
  await expect(editor).not.toContainText("alert('x')");
  await page.keyboard.press('Control+s');
  await expect.poll(async () => blockSummary(await savedSection(host, file, section.id))).toEqual([
    'h3: Healthy lives in the North',
    'paragraph: People in the North live fewer years in good health, says the report.',
    'list-bullet: PreventionBetter care',
    'paragraph: Plain words',
  ]);
  const json = JSON.stringify((await savedSection(host, file, section.id)).content);
  expect(json).not.toMatch(/purple|Georgia|Comic|tracker|onclick|fancy/);
});

test('plain-text paste turns each line into a paragraph', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[2]!;
  const editor = await openSection(page, host, file, section.id);
  await editor.click();
  await paste(editor, { 'text/plain': 'First line of the angle\nSecond line\r\nThird line' });
  await expect(editor.locator('p')).toHaveText(['First line of the angle', 'Second line', 'Third line']);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => blockSummary(await savedSection(host, file, section.id))).toEqual([
    'paragraph: First line of the angle',
    'paragraph: Second line',
    'paragraph: Third line',
  ]);
});

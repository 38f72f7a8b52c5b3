import { test, expect } from './fixtures.js';
import { gamechangerPack, nodesOfType, openSection, savedSection, selectText, writePackFile } from '../support/editorPage.js';

test('links: insert with Ctrl+K, edit, remove; a javascript: address is refused', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[0]!;
  const editor = await openSection(page, host, file, section.id);
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  await editor.click();
  await page.keyboard.type('Read the white paper today');
  await selectText(editor, 'white paper');

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Insert link' });
  await dialog.getByLabel('Web address or email').fill('javascript:alert(document.cookie)');
  await dialog.getByRole('button', { name: 'Insert link' }).click();
  await expect(dialog.getByRole('alert')).toContainText('\u201cjavascript:\u201d links are not allowed');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Web address or email').fill('https://www.gov.uk/levelling-up');
  await dialog.getByRole('button', { name: 'Insert link' }).click();
  await expect(dialog).toBeHidden();
  const link = editor.getByRole('link', { name: 'white paper' });
  await expect(link).toHaveAttribute('href', 'https://www.gov.uk/levelling-up');

  // Edit: the cursor inside the link; the toolbar shows it as a link.
  await link.click();
  await expect(toolbar.getByRole('button', { name: 'Edit link' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Edit link' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit link' });
  await expect(edit.getByLabel('Web address or email')).toHaveValue('https://www.gov.uk/levelling-up');
  await edit.getByLabel('Web address or email').fill('https://www.gov.uk/government/publications/levelling-up-the-united-kingdom');
  await edit.getByRole('button', { name: 'Update link' }).click();
  await expect(editor.getByRole('link', { name: 'white paper' })).toHaveAttribute('href', 'https://www.gov.uk/government/publications/levelling-up-the-united-kingdom');

  // Insert a mail link at the cursor with its own text.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' or write to ');
  await toolbar.getByRole('button', { name: 'Insert link' }).click();
  const mail = page.getByRole('dialog', { name: 'Insert link' });
  await mail.getByLabel('Web address or email').fill('policy@sefton.gov.uk');
  await mail.getByLabel('Text to show').fill('the policy team');
  await mail.getByRole('button', { name: 'Insert link' }).click();
  await expect(editor.getByRole('link', { name: 'the policy team' })).toHaveAttribute('href', 'mailto:policy@sefton.gov.uk');

  await page.keyboard.press('Control+s');
  await expect
    .poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'link').map((l) => l.url))
    .toEqual(['https://www.gov.uk/government/publications/levelling-up-the-united-kingdom', 'mailto:policy@sefton.gov.uk']);

  // Remove: cursor in the first link, Remove link keeps the words.
  await editor.getByRole('link', { name: 'white paper' }).click();
  await toolbar.getByRole('button', { name: 'Remove link' }).click();
  await expect(editor.getByRole('link', { name: 'white paper' })).toHaveCount(0);
  await expect(editor).toContainText('Read the white paper today');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'link').map((l) => l.url)).toEqual(['mailto:policy@sefton.gov.uk']);

  // Typed addresses become links by themselves (autolink), but only safe ones.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' See https://www.sefton.gov.uk for more. ');
  await expect(editor.getByRole('link', { name: 'https://www.sefton.gov.uk' })).toHaveAttribute('href', 'https://www.sefton.gov.uk');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'autolink').map((l) => l.url)).toEqual(['https://www.sefton.gov.uk']);
});

test('tables: insert rows × columns, type in cells, add and remove rows and columns', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[3]!;
  const editor = await openSection(page, host, file, section.id);
  const toolbar = page.getByRole('toolbar', { name: /Formatting for/ });
  await editor.click();
  await page.keyboard.type('Local evidence');
  await expect(toolbar.getByRole('button', { name: 'Insert row below' })).toBeDisabled();

  await toolbar.getByRole('button', { name: 'Insert table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert table' });
  await dialog.getByLabel('Rows').fill('2');
  await dialog.getByLabel('Columns').fill('3');
  await dialog.getByRole('button', { name: 'Insert table' }).click();
  const table = editor.locator('table');
  await expect(table.locator('tr')).toHaveCount(2);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);

  // Type into the first cells (Tab moves to the next cell).
  await table.locator('th').first().click();
  await page.keyboard.type('Measure');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sefton');
  await page.keyboard.press('Tab');
  await page.keyboard.type('North');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Rail journeys');
  await expect(toolbar.getByRole('button', { name: 'Insert row below' })).toBeEnabled();

  await toolbar.getByRole('button', { name: 'Insert row below' }).click();
  await expect(table.locator('tr')).toHaveCount(3);
  await toolbar.getByRole('button', { name: 'Insert column right' }).click();
  await expect(table.locator('tr').first().locator('th, td')).toHaveCount(4);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'tablerow').length).toBe(3);
  let saved = await savedSection(host, file, section.id);
  expect(nodesOfType(saved.content, 'tablerow').map((r) => (r.children as unknown[]).length)).toEqual([4, 4, 4]);

  await toolbar.getByRole('button', { name: 'Delete column' }).click();
  await expect(table.locator('tr').first().locator('th, td')).toHaveCount(3);
  await table.locator('tr').nth(2).locator('td').first().click();
  await toolbar.getByRole('button', { name: 'Delete row' }).click();
  await expect(table.locator('tr')).toHaveCount(2);
  await expect(table.locator('tr').first()).toHaveText(['MeasureSeftonNorth'].join(''));
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'tablerow').length).toBe(2);
  saved = await savedSection(host, file, section.id);
  expect(nodesOfType(saved.content, 'tablerow').map((r) => (r.children as unknown[]).length)).toEqual([3, 3]);
  const cellText = nodesOfType(saved.content, 'tablecell').map((c) => nodesOfType(c, 'text').map((t) => t.text).join(''));
  expect(cellText).toEqual(['Measure', 'Sefton', 'North', 'Rail journeys', '', '']);
  expect(nodesOfType(saved.content, 'tablecell').slice(0, 3).every((c) => c.headerState === 1)).toBe(true);
});

test('pictures: PNG inserted from a file with alt text, resized, alt text edited; non-pictures refused', async ({ page, host }) => {
  const pack = gamechangerPack();
  const file = await writePackFile(host, pack);
  const section = pack.sections[4]!;
  const editor = await openSection(page, host, file, section.id);
  await editor.click();
  await page.keyboard.type('Investment chart');
  await page.keyboard.press('Enter');

  // A real PNG drawn by the browser: 400 × 200 pixels.
  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 200;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#1d4f91';
    ctx.fillRect(0, 0, 400, 200);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: 'not-a-picture.png', mimeType: 'image/png', buffer: Buffer.from('hello, I am text') });
  await expect(page.getByRole('alert').filter({ hasText: 'is not a PNG or JPEG picture' })).toBeVisible();

  await input.setInputFiles({ name: 'chart.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
  const dialog = page.getByRole('dialog', { name: 'Describe the picture' });
  await dialog.getByRole('button', { name: 'Insert picture' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Describe the picture');
  await dialog.getByLabel('Alternative text').fill('Bar chart: R&D spend per head');
  await dialog.getByRole('button', { name: 'Insert picture' }).click();
  const img = editor.getByRole('img', { name: 'Bar chart: R&D spend per head' });
  await expect(img).toHaveAttribute('width', '400');

  await img.click();
  await page.getByRole('button', { name: 'Make picture smaller' }).click();
  await expect(editor.getByRole('img', { name: 'Bar chart: R&D spend per head' })).toHaveAttribute('width', '320');
  await page.getByRole('button', { name: 'Edit alt text' }).click();
  const edit = page.getByRole('dialog', { name: 'Picture description' });
  await edit.getByLabel('Alternative text').fill('Bar chart: public R&D spend per head, North against South East');
  await edit.getByRole('button', { name: 'Save description' }).click();
  await expect(editor.getByRole('img', { name: 'Bar chart: public R&D spend per head, North against South East' })).toBeVisible();

  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'image').length).toBe(1);
  const [image] = nodesOfType((await savedSection(host, file, section.id)).content, 'image');
  expect(image).toMatchObject({ type: 'image', version: 1, altText: 'Bar chart: public R&D spend per head, North against South East', width: 320, height: 160 });
  expect(String(image!.src)).toMatch(/^data:image\/png;base64,iVBOR/);

  // Resize by dragging the corner handle: 100 px narrower, height keeps the proportions.
  const picture = editor.getByRole('img', { name: /Bar chart/ });
  await picture.click();
  const handle = editor.locator('.ed-image-handle');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 50, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(picture).toHaveAttribute('width', '220');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => nodesOfType((await savedSection(host, file, section.id)).content, 'image')[0]).toMatchObject({ width: 220, height: 110 });
});

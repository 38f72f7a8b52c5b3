import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';

/**
 * Issue 13, point 9: dates are typed and shown day first (dd/mm/yyyy) whatever the browser's
 * locale. The browser here is set to US English, where a native date field reads mm/dd/yyyy.
 */
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

test('with the browser in US English: the meeting date is typed and shown as dd/mm/yyyy, a bad date is kept and named, and filters read day first', async ({ page, host }) => {
  await page.goto(host.url);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await page.getByRole('button', { name: 'New pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'New briefing pack' });
  await dialog.getByLabel('Title').fill('Freeport: the Sefton angle');
  await dialog.getByRole('button', { name: 'Create' }).click();

  const date = page.getByLabel('Meeting date', { exact: true });
  await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  // 8 March, not 3 August: typed day first, shown day first with leading zeros once left.
  await date.fill('8/3/2027');
  await date.press('Tab');
  await expect(date).toHaveValue('08/03/2027');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const file = path.join(host.workspaceDir, (await readdir(host.workspaceDir)).find((f) => f.endsWith('.briefing'))!);
  await expect.poll(async () => JSON.parse(await readFile(file, 'utf8')).frontSheet.meeting.date).toBe('2027-03-08');

  // Not a real day: the text stays as typed, the field says what is wrong, nothing is saved over.
  await date.fill('31/02/2027');
  await date.press('Tab');
  await expect(date).toHaveValue('31/02/2027');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Type the date as dd/mm/yyyy' })).toBeVisible();
  expect(JSON.parse(await readFile(file, 'utf8')).frontSheet.meeting.date).toBe('2027-03-08');
  await date.fill('18/11/2027');
  await date.press('Tab');
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Type the date as dd/mm/yyyy' })).toHaveCount(0);
  await expect.poll(async () => JSON.parse(await readFile(file, 'utf8')).frontSheet.meeting.date).toBe('2027-11-18');

  // The calendar button names its field; the browser's own picker is not in the tab order.
  await expect(page.getByRole('button', { name: 'Choose meeting date from a calendar' })).toBeVisible();
  await expect(page.locator('input[type=date]')).toHaveAttribute('tabindex', '-1');

  // Reloaded (the pack reopens): still day first. The library writes it out in words, British order.
  await page.reload();
  await expect(page.getByLabel('Meeting date', { exact: true })).toHaveValue('18/11/2027');
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('row', { name: /Freeport: the Sefton angle/ })).toContainText('18 November 2027');

  // The library's date filters read day first too: 01/11 to 30/11 keeps it, 01/12 on drops it.
  await page.getByLabel('Meeting from', { exact: true }).fill('01/11/2027');
  await page.getByLabel('Meeting to', { exact: true }).fill('30/11/2027');
  await expect(page.locator('.pack-table tbody tr')).toHaveCount(1);
  await page.getByLabel('Meeting from', { exact: true }).fill('01/12/2027');
  await page.getByLabel('Meeting to', { exact: true }).fill('31/12/2027');
  await expect(page.locator('.pack-table tbody tr')).toHaveCount(0);
});

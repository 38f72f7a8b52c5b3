import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { gamechangerPack, openSection, readPackFile, writePackFile } from '../support/editorPage.js';
import { STANDARD_SIGN_OFFS } from '../../shared/clearance/vocabulary.js';
import { contentHashOf } from '../../shared/clearance/contentHash.js';

/**
 * Sign-offs (issue 14, point 5) in the real app: every required sign-off recorded through the
 * panel, made stale by an edit ("needs clearing again"), approval refused with the reasons,
 * cleared again, then approval allowed; the file on disk says who cleared which content.
 */
const OFFICERS: Record<string, { name: string; role: string; reference: string; decision: string; comment?: string }> = {
  Director: { name: 'Dana Director', role: 'Executive Director of Place', reference: '', decision: 'Cleared' },
  'Chief Finance Officer (s151)': { name: 'Stephan Van Arendsen', role: 'Executive Director of Corporate Resources and Customer Services', reference: 'FD 1234/26', decision: 'Cleared' },
  'Monitoring Officer': { name: 'David McCullough', role: 'Chief Legal and Democratic Officer', reference: 'LD 5678/26', decision: 'Cleared with comments', comment: 'Legal implications paragraph added.' },
  'Lead Cabinet Member': { name: 'Cllr Lead', role: 'Cabinet Member', reference: '', decision: 'Cleared' },
};

async function signOffAll(page: Page) {
  for (const [title, o] of Object.entries(OFFICERS)) {
    await page.getByRole('button', { name: `Record sign-off: ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Sign-off: ${title}` });
    await dialog.getByLabel('Name').fill(o.name);
    await dialog.getByLabel('Role').fill(o.role);
    await dialog.getByRole('group', { name: 'Decision' }).getByLabel(o.decision, { exact: true }).check();
    await dialog.getByLabel('Reference').fill(o.reference);
    if (o.comment) await dialog.getByLabel(/^Comment/).fill(o.comment);
    await dialog.getByRole('button', { name: 'Record sign-off' }).click();
    await expect(dialog).toBeHidden();
  }
}

test('a sign-off made stale by an edit; approval refused, then allowed', async ({ page, host }, testInfo) => {
  const pack = gamechangerPack('Clean energy: the local angle');
  pack.frontSheet.status = 'for-review';
  pack.frontSheet.version = '0.3';
  pack.clearance = { required: STANDARD_SIGN_OFFS.map((r) => ({ ...r })), signOffs: {} };
  const file = await writePackFile(host, pack, 'Clean energy.briefing');
  const sectionId = pack.sections[0]!.id;
  const editor = await openSection(page, host, file, sectionId);

  const summary = page.getByTestId('sign-off-summary');
  await expect(summary).toHaveText('0 of 4 cleared on the current content');
  await page.getByText('Sign-offs', { exact: true }).click(); // open the list

  // Approving with nothing signed off is refused, with each reason.
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  let gate = page.getByRole('dialog', { name: 'This pack cannot be approved yet' });
  await expect(gate.getByTestId('approval-blockers')).toContainText('Chief Finance Officer (s151) has not signed off.');
  expect((await new AxeBuilder({ page }).include('dialog[open]').analyze()).violations).toEqual([]);
  await gate.getByRole('button', { name: 'Close' }).click();
  await expect(gate).toBeHidden();

  // A "not cleared" needs a reason.
  await page.getByRole('button', { name: 'Record sign-off: Director' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign-off: Director' });
  await dialog.getByLabel('Name').fill('Dana Director');
  await dialog.getByRole('group', { name: 'Decision' }).getByLabel('Not cleared').check();
  await dialog.getByRole('button', { name: 'Record sign-off' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Say why the report is not cleared.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await signOffAll(page);
  await expect(summary).toHaveText('4 of 4 cleared on the current content');
  const rows = page.getByTestId('sign-off');
  await expect(rows.nth(1)).toContainText('Cleared by Stephan Van Arendsen (Executive Director of Corporate Resources and Customer Services), ref. FD 1234/26');
  await expect(rows.nth(1)).toContainText('version 0.3');
  await expect(rows.nth(2)).toContainText('Legal implications paragraph added.');
  for (const [name, scheme] of [['light', 'light'], ['dark', 'dark']] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: testInfo.outputPath(`sign-offs-${name}-1280.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // An edit to the content: every sign-off needs clearing again.
  await editor.click();
  await page.keyboard.type('Our borough leads on offshore wind.');
  await expect(summary).toHaveText('0 of 4 cleared on the current content, 4 need clearing again', { timeout: 20_000 });
  await expect(rows.first().locator('.badge')).toHaveText('Needs clearing again');
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: testInfo.outputPath('sign-offs-stale-1024.png') });

  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  gate = page.getByRole('dialog', { name: 'This pack cannot be approved yet' });
  await expect(gate.getByTestId('approval-blockers')).toContainText('Monitoring Officer signed off an earlier version of the content: it needs clearing again.');
  await gate.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.status-line .badge')).toHaveText('For review');

  // Cleared again on the new content: approval goes through.
  await signOffAll(page);
  await expect(summary).toHaveText('4 of 4 cleared on the current content');
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  // The gate passed: the approval is confirmed naming the pack and its version (issue 13).
  const confirm = page.getByRole('dialog', { name: 'Approve “Clean energy: the local angle”, version 0.3?' });
  await confirm.getByRole('button', { name: 'Approve' }).click();
  await expect(page.locator('.status-line .badge')).toHaveText('Approved');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  const onDisk = await readPackFile(host, file);
  expect(onDisk.frontSheet.status).toBe('approved');
  const given = Object.values(onDisk.clearance.signOffs);
  expect(given).toHaveLength(8);
  const hash = contentHashOf(onDisk);
  expect(given.filter((s) => s.contentHash === hash)).toHaveLength(4);
  expect(given.find((s) => s.contentHash === hash && s.requirementId === 's151')).toMatchObject({ reference: 'FD 1234/26', decision: 'cleared', packVersion: '0.3', by: { name: 'Stephan Van Arendsen' } });
});

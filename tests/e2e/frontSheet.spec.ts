import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures.js';

test('create a pack, fill the front sheet, reload, reopen: every field is there and on disk', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
  await page.getByRole('button', { name: 'New pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'New briefing pack' });
  await dialog.getByLabel('Title').fill('Green industry: the Sefton angle');
  await dialog.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { name: 'Front sheet' })).toBeVisible();
  await page.getByLabel('Meeting', { exact: true }).fill('Cabinet');
  await page.getByLabel('Meeting date', { exact: true }).fill('03/12/2026');
  await page.getByLabel('Report of').fill('Executive Director of Place');
  await page.getByLabel('Lead cabinet member').fill('Cllr J. Fairclough');
  await page.getByLabel('Contact officer name').fill('Alex Morgan');
  await page.getByLabel('Contact officer phone').fill('0151 934 2000');
  await page.getByLabel('Contact officer email').fill('alex.morgan@sefton.gov.uk');
  await page.getByLabel('Wards affected').fill('Bootle, Litherland');
  await page.getByRole('group', { name: 'Key decision' }).getByLabel('Yes').check();
  await page.getByLabel('Forward plan reference').fill('FP-2026-114');
  await page.getByRole('group', { name: 'Public or exempt' }).getByLabel('Exempt').check();
  await page.getByLabel('Schedule 12A paragraph').selectOption('3');
  await page.getByLabel('Security classification').selectOption('OFFICIAL-SENSITIVE');
  await page.getByLabel('Status').selectOption('for-review');
  await page.getByLabel('Version').fill('0.3');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.getByRole('button', { name: '← Library' }).click();
  const row = page.getByRole('row', { name: /Green industry: the Sefton angle/ });
  await expect(row).toContainText('Cabinet');
  await expect(row).toContainText('3 December 2026');
  await expect(row).toContainText('For review');
  await expect(row).toContainText('OFFICIAL-SENSITIVE');

  await page.reload();
  await page.getByRole('button', { name: 'Green industry: the Sefton angle', exact: true }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Green industry: the Sefton angle');
  await expect(page.getByLabel('Meeting', { exact: true })).toHaveValue('Cabinet');
  await expect(page.getByLabel('Meeting date', { exact: true })).toHaveValue('03/12/2026');
  await expect(page.getByLabel('Report of')).toHaveValue('Executive Director of Place');
  await expect(page.getByLabel('Lead cabinet member')).toHaveValue('Cllr J. Fairclough');
  await expect(page.getByLabel('Contact officer name')).toHaveValue('Alex Morgan');
  await expect(page.getByLabel('Contact officer phone')).toHaveValue('0151 934 2000');
  await expect(page.getByLabel('Contact officer email')).toHaveValue('alex.morgan@sefton.gov.uk');
  await expect(page.getByLabel('Wards affected')).toHaveValue('Bootle, Litherland');
  await expect(page.getByRole('group', { name: 'Key decision' }).getByLabel('Yes')).toBeChecked();
  await expect(page.getByLabel('Forward plan reference')).toHaveValue('FP-2026-114');
  await expect(page.getByRole('group', { name: 'Public or exempt' }).getByLabel('Exempt')).toBeChecked();
  await expect(page.getByLabel('Schedule 12A paragraph')).toHaveValue('3');
  await expect(page.getByLabel('Security classification')).toHaveValue('OFFICIAL-SENSITIVE');
  await expect(page.getByLabel('Status')).toHaveValue('for-review');
  await expect(page.getByLabel('Version')).toHaveValue('0.3');

  const files = (await readdir(host.workspaceDir)).filter((f) => f.endsWith('.briefing'));
  expect(files).toEqual(['Green industry the Sefton angle.briefing']);
  const onDisk = JSON.parse(await readFile(path.join(host.workspaceDir, files[0]!), 'utf8'));
  expect(onDisk.frontSheet).toEqual({
    title: 'Green industry: the Sefton angle',
    meeting: { name: 'Cabinet', date: '2026-12-03' },
    reportOf: 'Executive Director of Place',
    leadCabinetMember: 'Cllr J. Fairclough',
    contactOfficer: { name: 'Alex Morgan', phone: '0151 934 2000', email: 'alex.morgan@sefton.gov.uk' },
    wardsAffected: ['Bootle', 'Litherland'],
    keyDecision: { isKeyDecision: true, forwardPlanRef: 'FP-2026-114' },
    access: { exempt: true, schedule12aParagraph: 3 },
    classification: 'OFFICIAL-SENSITIVE',
    status: 'for-review',
    version: '0.3',
  });
});

test('front sheet shows plain-English problems and still saves', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New pack' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  const email = page.getByLabel('Contact officer email');
  await email.fill('not-an-email');
  await email.blur();
  await expect(page.getByText('This does not look like an email address')).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const onDisk = JSON.parse(await readFile(path.join(host.workspaceDir, 'Untitled briefing.briefing'), 'utf8'));
  expect(onDisk.frontSheet.contactOfficer.email).toBe('not-an-email');
});

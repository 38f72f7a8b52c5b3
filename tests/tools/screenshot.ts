// Renders the README screenshots from the real app: `npx tsx tests/tools/screenshot.ts`.
import { chromium } from '@playwright/test';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { startBrowserHost } from '../support/browserHost.js';
import { findChromium, CHROMIUM_ARGS } from '../support/chromium.js';

const host = await startBrowserHost();
await copyFile('tests/fixtures/packs/v1-golden.briefing', path.join(host.workspaceDir, 'Gamechangers.briefing'));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
await page.goto(host.url);
await page.getByRole('button', { name: 'New pack' }).click();
await page.getByRole('dialog').getByLabel('Title').fill('Connectivity: Southport and Bootle');
await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
await page.getByLabel('Meeting', { exact: true }).fill('Cabinet');
await page.getByLabel('Meeting date').fill('2026-12-03');
await page.getByLabel('Contact officer email').fill('bad');
await page.getByLabel('Contact officer email').blur();
await page.screenshot({ path: 'docs/screenshot-pack.png' });
await page.getByRole('button', { name: '← Library' }).click();
await page.waitForTimeout(300);
await page.screenshot({ path: 'docs/screenshot-library.png' });
await browser.close();
await host.stop();

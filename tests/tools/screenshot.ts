// Renders the README screenshots from the real app: `npx tsx tests/tools/screenshot.ts`
// (after `npm run build`). Uses a temp workspace with a few packs made through the UI.
import { chromium } from '@playwright/test';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { startBrowserHost, removeDir } from '../support/browserHost.js';
import { findChromium, CHROMIUM_ARGS } from '../support/chromium.js';

const host = await startBrowserHost();
await copyFile('tests/fixtures/packs/v1-golden.briefing', path.join(host.workspaceDir, 'Gamechangers.briefing'));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London' });
await page.goto(host.url);

// The template gallery, with the gamechangers template chosen.
await page.getByRole('button', { name: 'New pack' }).click();
const gallery = page.getByRole('dialog', { name: 'New briefing pack' });
await gallery.getByRole('radio', { name: /The North’s five gamechangers: local angles/ }).check();
await gallery.getByLabel('Title').fill('Sefton: our local angles on the five gamechangers');
await page.waitForTimeout(300);
await page.screenshot({ path: 'docs/screenshot-templates.png' });
await gallery.getByRole('button', { name: 'Create' }).click();

// The pack screen: the Green Industrial Revolution section with text, a list and guidance.
await page.getByRole('navigation', { name: 'Sections' }).getByText('Leading the Green Industrial Revolution').click();
const editor = page.locator('[data-section-editor][contenteditable="true"]').first();
await editor.click();
await page.keyboard.type('## The local angle\n');
await page.keyboard.type('Sefton’s coast, port and natural assets put the borough at the heart of the North’s green industrial revolution. ');
await page.keyboard.type('Retrofitting older homes is the largest local source of new jobs.\n');
await page.keyboard.type('## What we ask of Government\n');
await page.keyboard.type('- Long-term retrofit funding for Bootle and Netherton\n');
await page.keyboard.type('Skills funding for Southport College’s green construction centre\n');
await page.waitForTimeout(1500);
await page.screenshot({ path: 'docs/screenshot-pack.png' });

// The pack screen at the two window sizes issue 13 names, light and dark (README, "Screens").
for (const [width, height] of [[1280, 800], [1024, 640]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `docs/screenshot-pack-${width}x${height}-${scheme}.png` });
  }
}
await page.emulateMedia({ colorScheme: 'light' });
await page.setViewportSize({ width: 1360, height: 860 });

// The library, with search results.
await page.getByRole('button', { name: /Library/ }).first().click();
await page.waitForTimeout(500);
await page.screenshot({ path: 'docs/screenshot-library.png' });

await browser.close();
await host.stop();
await removeDir(host.workspaceDir);
await removeDir(host.dataDir);

// Screens of the Word import, light and dark, at 1280×800 and 1024×640:
// `npx tsx tests/tools/importScreenshots.ts` (after `npm run build`). Writes them to
// test-results/import-screens/ and the ones the README shows to docs/.
import { chromium, type Page } from '@playwright/test';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startBrowserHost, removeDir } from '../support/browserHost.js';
import { findChromium, CHROMIUM_ARGS } from '../support/chromium.js';
import { zipBomb } from '../support/hostileDocx.js';

const OUT = path.resolve('test-results/import-screens');
await mkdir(OUT, { recursive: true });
const report = await readFile('tests/fixtures/import/docx-library-report.docx');
const host = await startBrowserHost();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

async function openImport(page: Page) {
  await page.goto(host.url);
  await page.reload();
  await page.getByRole('button', { name: 'From a Word document…' }).click();
  return page.getByRole('dialog', { name: 'New pack from a Word document' });
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [1280, 800],
    [1024, 640],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme, locale: 'en-GB', timezoneId: 'Europe/London' });
    const tag = `${colorScheme}-${width}x${height}`;
    let dialog = await openImport(page);
    await page.getByLabel('Word document to import').setInputFiles({ name: 'Retrofit report.docx', mimeType: 'application/octet-stream', buffer: report });
    await dialog.getByRole('status').waitFor();
    await page.screenshot({ path: path.join(OUT, `preview-${tag}.png`) });
    await dialog.locator('.import-fills').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, `preview-fills-${tag}.png`) });
    await dialog.getByLabel('Template').selectOption({ label: 'The North’s five gamechangers: local angles' });
    await dialog.getByLabel('Parts that match no section go to').selectOption({ label: 'Recommendations' });
    await dialog.locator('.import-parts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, `preview-template-${tag}.png`) });

    dialog = await openImport(page);
    await page.getByLabel('Word document to import').setInputFiles({ name: 'agenda pack.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(zipBomb(70)) });
    await dialog.getByRole('alert').waitFor();
    await page.screenshot({ path: path.join(OUT, `error-${tag}.png`) });

    await page.reload();
    await page.getByRole('heading', { name: 'Your briefing packs' }).waitFor();
    const transfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array([80, 75])], 'report.docx'));
      return dt;
    });
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.getByTestId('drop-overlay').waitFor();
    await page.screenshot({ path: path.join(OUT, `drop-target-${tag}.png`) });
    await page.close();
  }
}
for (const [from, to] of [
  ['preview-light-1280x800.png', 'screenshot-import-preview.png'],
  ['preview-template-dark-1280x800.png', 'screenshot-import-template-dark.png'],
  ['error-light-1024x640.png', 'screenshot-import-error.png'],
  ['drop-target-light-1280x800.png', 'screenshot-import-drop.png'],
]) {
  await copyFile(path.join(OUT, from!), path.join('docs', to!));
}
await browser.close();
await host.stop();
await removeDir(host.workspaceDir);
await removeDir(host.dataDir);
console.log(`Screens in ${OUT}`);

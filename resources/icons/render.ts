// Renders resources/icons/icon.svg to the PNG sizes the installers need, with the same
// headless Chromium the end-to-end tests use (so no image tool has to be installed):
//   npx tsx resources/icons/render.ts
// icon.png (1024) is the source electron-builder turns into .icns (macOS) and .ico (Windows);
// png/NxN.png is the set Linux desktops pick from (AppImage, deb).
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../tests/support/chromium.js';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const dir = path.resolve('resources/icons');

const svg = await readFile(path.join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  await mkdir(path.join(dir, 'png'), { recursive: true });
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const html = `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`;
    await page.setContent(html);
    const targets = [path.join(dir, 'png', `${size}x${size}.png`)];
    if (size === 1024) targets.push(path.join(dir, 'icon.png'));
    for (const target of targets) await page.screenshot({ path: target, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Rendered ${ICON_SIZES.length} sizes into ${dir}`);

import { test, expect } from './fixtures.js';
import { gamechangerPack, writePackFile } from '../support/editorPage.js';

// How the page starts (vite.config.ts): a tiny first script asks for the pack in the URL, then
// the app runs as one classic script, which Chromium can keep compiled between loads.

test('the page is the app as one deferred classic script, a tiny first script, then the stylesheet', async ({ page, host }) => {
  const response = await page.request.get(new URL('/', host.origin).toString());
  const html = await response.text();
  expect(html).not.toContain('type="module"');
  const scripts = [...html.matchAll(/<script([^>]*)><\/script>/g)].map((m) => m[1]!);
  expect(scripts).toHaveLength(2);
  expect(scripts[0]).toMatch(/^ defer src="\.\/assets\/index-[\w-]+\.js"$/);
  expect(scripts[1]).toMatch(/^ src="\.\/assets\/prefetch-[\w-]+\.js"$/);
  // The first script comes before the stylesheet, so it does not wait for it.
  expect(html.indexOf('prefetch-')).toBeLessThan(html.indexOf('rel="stylesheet"'));
  const prefetch = await page.request.get(new URL(`/assets/${/prefetch-[\w-]+\.js/.exec(html)![0]}`, host.origin).toString());
  expect((await prefetch.body()).length).toBeLessThan(4096);
  // The production build of React (its development build says where to get React DevTools),
  // whatever NODE_ENV the build was started with.
  const app = await page.request.get(new URL(`/assets/${/index-[\w-]+\.js/.exec(html)![0]}`, host.origin).toString());
  expect(await app.text()).not.toContain('react-devtools');
});

test('opening a pack from the URL asks the host for it once, and the pack opens', async ({ page, host }) => {
  const pack = gamechangerPack('Opened from the URL');
  const file = await writePackFile(host, pack);
  const opens: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/openPack')) opens.push(request.postData() ?? '');
  });
  const url = new URL(host.url);
  url.searchParams.set('pack', file);
  url.searchParams.set('section', pack.sections[1]!.id);
  await page.goto(url.toString());
  await expect(page.locator(`[data-section-editor="${pack.sections[1]!.id}"]`)).toHaveAttribute('contenteditable', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opened from the URL');
  expect(opens).toEqual([JSON.stringify({ file })]);
  // Going back to the library and opening it again asks afresh (nothing stale is reused).
  await page.getByRole('button', { name: '← Library' }).click();
  await page.getByRole('link', { name: 'Opened from the URL' }).or(page.getByRole('button', { name: 'Opened from the URL' })).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opened from the URL');
  expect(opens).toHaveLength(2);
});

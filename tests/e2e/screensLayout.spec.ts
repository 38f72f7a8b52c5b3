import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { openSection, writePackFile } from '../support/editorPage.js';
import { longScreenPack } from '../support/screenPack.js';

/**
 * Issue 13, point 1: the pack screen stays put. The header (and the action bar under it)
 * never moves however each pane is scrolled, by mouse wheel or by keyboard; the page itself
 * never scrolls; at 1024×640 most of the window is writing area; the guidance panel hides
 * and shows (remembered), and is an overlay at narrow widths; a long title is cut with the
 * whole of it available.
 */

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

async function headerBoxes(page: Page) {
  return page.evaluate(() =>
    ['.pack-header', '.pack-bar'].map((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { sel, top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), width: Math.round(r.width) };
    }),
  );
}

async function pageScroll(page: Page) {
  return page.evaluate(() => ({ y: window.scrollY, overflow: document.documentElement.scrollHeight - window.innerHeight }));
}

const atEnd = (pane: Locator) => pane.evaluate((el) => el.scrollHeight > el.clientHeight && Math.abs(el.scrollHeight - el.clientHeight - el.scrollTop) <= 2);

/** Wheel over the pane until it is at its end (one notch at a time, as a user would). */
async function wheelToEnd(page: Page, pane: Locator) {
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 800);
      return atEnd(pane);
    }, { timeout: 20_000 })
    .toBe(true);
}

async function expectHeaderStill(page: Page, before: Awaited<ReturnType<typeof headerBoxes>>) {
  expect(await headerBoxes(page)).toEqual(before);
  expect(await pageScroll(page)).toEqual({ y: 0, overflow: 0 });
}

for (const size of SIZES) {
  test(`header stays put at ${size.width}×${size.height}: each pane scrolled to its end by wheel and by keyboard`, async ({ page, host }) => {
    await page.setViewportSize(size);
    const pack = longScreenPack();
    const file = await writePackFile(host, pack);
    const editor = await openSection(page, host, file, pack.sections[0]!.id);
    const outline = page.getByRole('navigation', { name: 'Sections' });
    const main = page.locator('.pack-main');
    const narrow = size.width <= 1100;
    const guidanceButton = page.getByRole('button', { name: 'Guidance' });
    if (narrow) await guidanceButton.click(); // an overlay there: opened to be scrolled
    const guidance = page.getByRole('complementary', { name: 'Guidance' });
    await expect(guidance).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    const before = await headerBoxes(page);
    expect(before[0]!.top).toBe(0);
    expect(await pageScroll(page)).toEqual({ y: 0, overflow: 0 });

    // Mouse wheel, each pane to its end.
    for (const pane of [outline, main, guidance]) {
      await wheelToEnd(page, pane);
      await expectHeaderStill(page, before);
    }
    // Back to the top, then by keyboard: Tab through the outline to its last control...
    for (const pane of [outline, main, guidance]) await pane.evaluate((el) => el.scrollTo(0, 0));
    if (narrow) await page.keyboard.press('Escape'); // the overlay closes; reopened below
    await outline.getByRole('button', { name: 'Front sheet' }).focus();
    const addSection = outline.getByRole('button', { name: '+ Add section' });
    for (let i = 0; i < 60 && !(await addSection.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(addSection).toBeFocused();
    await expect(addSection).toBeInViewport();
    await page.keyboard.press('End'); // and the rest of the outline (the pack's word count) below it
    await expect.poll(() => atEnd(outline)).toBe(true);
    await expectHeaderStill(page, before);
    // ...into the section's text, Ctrl+End to the end of it, Escape out of it and End: the
    // section's scroll area is at its end...
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-editor-exit]')).toBeFocused();
    await page.keyboard.press('End');
    await expect.poll(() => atEnd(main)).toBe(true);
    await expectHeaderStill(page, before);
    // ...and Tab goes on to the guidance (opened from its button when narrow), End to its end.
    if (narrow) {
      await guidanceButton.focus();
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Tab');
    }
    await expect(guidance).toBeFocused();
    await page.keyboard.press('End');
    await expect.poll(() => atEnd(guidance)).toBe(true);
    await expectHeaderStill(page, before);
  });
}

test('at 1024×640 at least 60% of the window is writing area', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const pack = longScreenPack();
  const file = await writePackFile(host, pack);
  const editor = await openSection(page, host, file, pack.sections[0]!.id);
  await editor.click();
  // The part of the window where the section's text shows: the section's scroll area less the
  // editor toolbar that stays at its top.
  const writing = await page.evaluate(() => {
    const main = document.querySelector('.pack-main')!.getBoundingClientRect();
    const toolbar = document.querySelector('.pack-main [role="toolbar"]')!.getBoundingClientRect();
    return { height: main.bottom - toolbar.bottom, window: window.innerHeight };
  });
  expect(writing.height / writing.window).toBeGreaterThanOrEqual(0.6);
});

test('guidance panel: hidden and shown with the button and Ctrl+Alt+G, remembered; an overlay at narrow widths', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const pack = longScreenPack();
  const file = await writePackFile(host, pack);
  await openSection(page, host, file, pack.sections[0]!.id);
  const guidance = page.getByRole('complementary', { name: 'Guidance' });
  const button = page.getByRole('button', { name: 'Guidance' });
  await expect(guidance).toBeVisible();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  const editorWidth = () => page.locator('.pack-main').evaluate((el) => el.getBoundingClientRect().width);
  const withPanel = await editorWidth();
  await button.click();
  await expect(guidance).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  expect(await editorWidth()).toBeGreaterThan(withPanel + 200); // the section takes the room
  await expect(button).toBeFocused();

  // Remembered: a reload (and the host's settings file) keep it hidden.
  await openSection(page, host, file, pack.sections[1]!.id);
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(guidance).toHaveCount(0);
  await page.keyboard.press('Control+Alt+g');
  await expect(guidance).toBeVisible();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+Alt+g');
  await expect(guidance).toHaveCount(0);

  // Narrow: a panel you open over the section (not a block below it), shut with Escape.
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(guidance).toBeVisible();
  await expect(guidance).toBeFocused();
  const overlay = await guidance.evaluate((el) => ({ position: getComputedStyle(el).position, bottom: el.getBoundingClientRect().bottom }));
  expect(overlay.position).toBe('absolute');
  expect(overlay.bottom).toBeLessThanOrEqual(640);
  await page.keyboard.press('Escape');
  await expect(guidance).toHaveCount(0);
  await expect(button).toBeFocused();
  await button.click();
  await guidance.getByRole('button', { name: 'Close the guidance' }).click();
  await expect(guidance).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('a long title is cut to one line in the header, with the whole title available', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const pack = longScreenPack();
  const file = await writePackFile(host, pack);
  await openSection(page, host, file, pack.sections[0]!.id);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(pack.frontSheet.title); // the whole title is in the page (and read out)
  await expect(heading).toHaveAttribute('title', pack.frontSheet.title); // and shown on hover
  const fit = await heading.evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth, ellipsis: getComputedStyle(el).textOverflow, lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)) }));
  expect(fit).toEqual({ cut: true, ellipsis: 'ellipsis', lines: 1 });
});

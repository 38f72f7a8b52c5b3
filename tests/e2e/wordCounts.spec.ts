import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import type { BrowserHost } from '../support/browserHost.js';
import { gamechangerPack, openSection, readPackFile, writePackFile } from '../support/editorPage.js';
import { editorStateFromParagraphs } from '../../shared/richtext/editorState.js';
import { wordCountOf } from '../../shared/richtext/wordCount.js';

/** The first number in a label such as "1,204 of 600 words", as a number. */
const numberIn = (label: string) => Number((label.match(/[\d,]+/)?.[0] ?? 'NaN').replace(/,/g, ''));

/**
 * The section header, every outline entry and the pack total, beside a fresh count of the
 * content saved on disk: they must agree (polled, so the debounced live count and the save
 * may settle, never slept on).
 */
async function expectCountsFresh(page: Page, host: BrowserHost, file: string, activeId: string) {
  await expect
    .poll(async () => {
      const pack = await readPackFile(host, file);
      const fresh = pack.sections.map((s) => wordCountOf(s.content));
      const shown = {
        header: numberIn(await page.getByTestId('section-words').innerText()),
        outline: (await page.getByTestId('outline-words').allInnerTexts()).map(numberIn),
        total: numberIn(await page.getByTestId('pack-words').innerText()),
      };
      const expected = { header: fresh[pack.sections.findIndex((s) => s.id === activeId)], outline: fresh, total: fresh.reduce((a, b) => a + b, 0) };
      return JSON.stringify(shown) === JSON.stringify(expected) ? 'agree' : JSON.stringify({ shown, expected });
    }, { timeout: 15_000 })
    .toBe('agree');
}

test('word counts never go stale: typing, save, switching section, undo, paste, reload', async ({ page, host }) => {
  const pack = gamechangerPack();
  pack.sections[1]!.content = editorStateFromParagraphs(['Sefton’s £1.5m (2021–22) bid – e.g. for well-being.', 'A second paragraph here.']);
  const file = await writePackFile(host, pack);
  const [first, second] = pack.sections as [(typeof pack.sections)[0], (typeof pack.sections)[0]];
  const editor = await openSection(page, host, file, first.id);
  await expectCountsFresh(page, host, file, first.id);

  // Typing, then saving.
  await editor.click();
  await page.keyboard.type('In 2021/22, £1.5m went to well-being – see p. 4. Dydd da, ŵyr; żółć 👍');
  await page.keyboard.press('Control+s');
  await expectCountsFresh(page, host, file, first.id);
  expect(wordCountOf((await readPackFile(host, file)).sections[0]!.content)).toBe(14);

  // Typing and switching section at once: the count of the section just left is not the old one.
  // (In one task, so the switch always comes before the live count's pause is over.)
  await editor.evaluate((el, id) => {
    document.execCommand('insertText', false, ' three more words');
    document.querySelector<HTMLButtonElement>(`[data-section-id="${id}"]`)!.click();
  }, second.id);
  const secondEditor = page.locator(`[data-section-editor="${second.id}"]`);
  await expect(secondEditor).toHaveAttribute('contenteditable', 'true');
  await expectCountsFresh(page, host, file, second.id);
  expect(wordCountOf((await readPackFile(host, file)).sections[0]!.content)).toBe(17);

  // Typing then undo.
  await secondEditor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Added then undone.');
  await expect(page.getByTestId('section-words')).toContainText('14 words');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+s');
  await expectCountsFresh(page, host, file, second.id);

  // Paste (plain text, two lines).
  await secondEditor.evaluate((el) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', 'Pasted line one\nand line two, 10,000 homes');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(secondEditor).toContainText('10,000 homes');
  await page.keyboard.press('Control+s');
  await expectCountsFresh(page, host, file, second.id);

  // Reload: the counts come from the saved file and still agree.
  await page.reload();
  await expect(page.locator(`[data-section-editor="${second.id}"]`)).toHaveAttribute('contenteditable', 'true');
  await expectCountsFresh(page, host, file, second.id);
});

import { test, expect } from './fixtures.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/contentSecurityPolicy.js';
import { newPack, newSection } from '../../shared/pack/defaults.js';
import { openSection, writePackFile } from '../support/editorPage.js';
import { watchContentSecurityPolicy } from '../support/cspWatch.js';

/**
 * The renderer's Content Security Policy has no 'unsafe-inline' (electron/contentSecurityPolicy.ts).
 * Every end-to-end test fails on a violation (fixtures.ts); these show the policy is really
 * in force, that the watcher catches an inline style, and that what React and Lexical style
 * at run time (through the CSSOM) still shows.
 */
test('the strict policy is in force and a blocked inline style is caught', async ({ browser, host }) => {
  const page = await browser.newPage();
  try {
    const violations = await watchContentSecurityPolicy(page);
    const response = await page.goto(host.url);
    expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await expect(page.getByRole('heading', { name: 'Your briefing packs' })).toBeVisible();
    expect(violations).toEqual([]);
    // An inline style attribute (what 'unsafe-inline' would allow) is blocked and reported.
    const applied = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('style', 'width: 123px');
      document.body.append(probe);
      return getComputedStyle(probe).width;
    });
    expect(applied).not.toBe('123px');
    await expect.poll(() => violations.join('\n')).toContain('style-src-attr');
    // So is an inline <style> element, and an inline event handler.
    await page.evaluate(() => {
      document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>');
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="document.title = 1">');
    });
    await expect.poll(() => violations.join('\n')).toContain('style-src-elem');
    await expect.poll(() => violations.join('\n')).toContain('script-src-attr');
  } finally {
    await page.close();
  }
});

test('what React and Lexical style at run time shows under the policy: alignment, indents, the word-limit bar', async ({ page, host }) => {
  const paragraph = (text: string, format: string, indent: number) => ({
    type: 'paragraph', direction: 'ltr', format, indent, version: 1, textFormat: 0, textStyle: '',
    children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
  });
  const section = newSection('Local angle', {
    wordLimit: 20,
    content: { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [paragraph('Centred words for the whole borough', 'center', 0), paragraph('Indented words', '', 2)] } },
  });
  const file = await writePackFile(host, newPack({ title: 'Styled at run time' }, [section]), 'Styled.briefing');
  await openSection(page, host, file, section.id);
  const styles = await page.evaluate((id) => {
    const editor = document.querySelector(`[data-section-editor="${id}"]`)!;
    const [centred, indented] = Array.from(editor.querySelectorAll('p'));
    const bar = document.querySelector('.word-bar > span') as HTMLElement;
    return {
      align: getComputedStyle(centred!).textAlign,
      indent: parseFloat(getComputedStyle(indented!).paddingInlineStart),
      bar: bar.getBoundingClientRect().width / (bar.parentElement!.getBoundingClientRect().width || 1),
    };
  }, section.id);
  expect(styles.align).toBe('center');
  expect(styles.indent).toBeGreaterThan(0);
  expect(styles.bar).toBeGreaterThan(0.2); // 8 of 20 words: the bar is 40% full
  expect(styles.bar).toBeLessThan(0.6);
});

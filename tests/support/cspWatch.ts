import type { Page } from '@playwright/test';

/**
 * Collect every Content Security Policy violation on a page: the page's own
 * `securitypolicyviolation` events (installed before any page script runs) and Chromium's
 * "Refused to …" console errors. Returns the live list; a test expects it to stay empty.
 */
export async function watchContentSecurityPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  const MARK = '[csp-violation]';
  await page.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${mark} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  }, MARK);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(MARK) || /Content Security Policy/i.test(text)) violations.push(text);
  });
  return violations;
}

import { test as base, expect } from '@playwright/test';
import { removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';
import { watchContentSecurityPolicy } from '../support/cspWatch.js';

/**
 * Every test gets its own browser host on fresh temp folders, stopped and removed after; and
 * its page fails the test on any Content Security Policy violation (an inline style or script
 * the policy blocked), so the strict policy in electron/contentSecurityPolicy.ts stays honest.
 */
export const test = base.extend<{ host: BrowserHost }>({
  page: async ({ page }, use) => {
    const violations = await watchContentSecurityPolicy(page);
    await use(page);
    expect(violations, 'Content Security Policy violations on the page').toEqual([]);
  },
  host: async ({}, use) => {
    const host = await startBrowserHost();
    await use(host);
    await host.stop();
    await removeDir(host.workspaceDir);
    await removeDir(host.dataDir);
  },
});

export { expect } from '@playwright/test';

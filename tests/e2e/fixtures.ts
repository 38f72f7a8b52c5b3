import { test as base } from '@playwright/test';
import { removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';

/** Every test gets its own browser host on fresh temp folders, stopped and removed after. */
export const test = base.extend<{ host: BrowserHost }>({
  host: async ({}, use) => {
    const host = await startBrowserHost();
    await use(host);
    await host.stop();
    await removeDir(host.workspaceDir);
    await removeDir(host.dataDir);
  },
});

export { expect } from '@playwright/test';

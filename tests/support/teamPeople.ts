import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { removeDir, startBrowserHost, type BrowserHost } from './browserHost.js';
import { PASSWORD } from './teamWorkspace.js';

/**
 * One person in a team e2e test: their own browser host (their own computer's back end and
 * data folder) and browser context, signed in to the team server through the host, as
 * Settings → Team server does.
 */
export interface TeamPerson {
  name: string;
  host: BrowserHost;
  context: BrowserContext;
  page: Page;
  /** Open a team pack live by its address, as the library's "Open live" does. */
  openLive(file: string): Promise<void>;
  close(): Promise<void>;
}

export async function signInThrough(page: Page, host: BrowserHost, address: string, name: string, password = PASSWORD): Promise<void> {
  const response = await page.request.post(`${host.origin}/api/teamSignIn`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin }, data: { address, name, password } });
  expect(response.ok(), await response.text()).toBe(true);
}

export async function joinTeam(browser: Browser, serverUrl: string, name: string): Promise<TeamPerson> {
  const host = await startBrowserHost({ author: name });
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await signInThrough(page, host, serverUrl, name);
  return {
    name,
    host,
    context,
    page,
    async openLive(file) {
      const url = new URL(host.url);
      url.searchParams.set('team', file);
      await page.goto(url.toString());
    },
    async close() {
      await context.close().catch(() => undefined);
      await host.stop().catch(() => undefined);
      await removeDir(host.workspaceDir);
      await removeDir(host.dataDir);
    },
  };
}

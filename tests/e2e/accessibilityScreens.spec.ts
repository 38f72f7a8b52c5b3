import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { removeDir, startBrowserHost, type BrowserHost } from '../support/browserHost.js';

/**
 * Issue 13, point 10 and "must show": axe-core with the WCAG 2.2 A/AA rules on every screen and
 * dialog, in the light and the dark theme, at 1280×800 and (the pack screen) 1024×640. Each
 * screen's violations are gathered by name and checked together, so one run lists them all.
 * The screens scanned are named in SCREENS and must all have been reached.
 */

test.use({ actionTimeout: 10_000 });

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const SCREENS = [
  'first launch: Welcome dialog',
  'library with packs',
  'library: new pack dialog',
  'library: new pack from a Word document dialog',
  'library: settings',
  'library: deleted packs dialog',
  'library: delete pack confirmation',
  'library: agenda pack dialog',
  'keyboard shortcuts dialog',
  'pack: front sheet',
  'pack: section editor with guidance',
  'pack: find and replace bar',
  'pack: review panel',
  'pack: insert link dialog',
  'pack: insert table dialog',
  'pack: rename section dialog',
  'pack: remove section confirmation',
  'pack: add section dialog',
  'pack: export to Word dialog',
  'pack: export to PDF dialog',
  'pack: save as template dialog',
  'pack: version history',
  'pack: approval refused (sign-offs missing)',
  'pack: approval confirmation',
  'pack: approved (read-only)',
  'pack at 1024×640: section editor',
  'pack at 1024×640: guidance panel opened',
] as const;
type Screen = (typeof SCREENS)[number];

class Scanner {
  readonly found = new Map<Screen, string[]>();
  constructor(private readonly page: Page) {}
  async scan(screen: Screen): Promise<void> {
    // Let transitions and the debounced highlight settle so colours are final.
    await this.page.waitForTimeout(150);
    const results = await new AxeBuilder({ page: this.page }).withTags(WCAG_22_AA).analyze();
    this.found.set(
      screen,
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join('; ')}`),
    );
  }
}

async function makePacks(page: Page, host: BrowserHost, titles: string[]): Promise<void> {
  for (const title of titles) {
    const response = await page.request.post(`${host.origin}/api/createPack`, { headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin }, data: { title } });
    expect(response.ok()).toBe(true);
  }
}

async function closeDialog(page: Page, name: string | RegExp): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name })).toHaveCount(0);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen and dialog passes axe's WCAG 2.2 AA rules in the ${scheme} theme`, async ({ page, host, browser }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    const axe = new Scanner(page);

    // First launch, on a data folder with no name yet: its own host.
    const fresh = await startBrowserHost({ author: null });
    try {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
      const first = await context.newPage();
      await first.goto(fresh.url);
      await expect(first.getByRole('dialog', { name: 'Welcome to Briefing Studio' })).toBeVisible();
      const firstAxe = new Scanner(first);
      await firstAxe.scan('first launch: Welcome dialog');
      for (const [k, v] of firstAxe.found) axe.found.set(k, v);
      await context.close();
    } finally {
      await fresh.stop();
      await removeDir(fresh.workspaceDir);
      await removeDir(fresh.dataDir);
    }

    await makePacks(page, host, ['Adult skills plan', 'Bus network review', 'Spare pack to delete']);
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'Adult skills plan', exact: true })).toBeVisible();
    await axe.scan('library with packs');

    await page.getByRole('button', { name: 'New pack' }).click();
    await expect(page.getByRole('dialog', { name: 'New briefing pack' })).toBeVisible();
    await axe.scan('library: new pack dialog');
    await closeDialog(page, 'New briefing pack');

    await page.getByRole('button', { name: 'From a Word document…' }).click();
    await expect(page.getByRole('dialog', { name: 'New pack from a Word document' })).toBeVisible();
    await axe.scan('library: new pack from a Word document dialog');
    await closeDialog(page, 'New pack from a Word document');

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await axe.scan('library: settings');
    await page.getByRole('button', { name: '← Library' }).click();

    await page.getByRole('button', { name: 'Delete Spare pack to delete' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete pack?' })).toBeVisible();
    await axe.scan('library: delete pack confirmation');
    await page.getByRole('dialog', { name: 'Delete pack?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('button', { name: 'Spare pack to delete', exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Deleted packs' }).click();
    await expect(page.getByRole('dialog', { name: 'Deleted packs' })).toContainText('Spare pack to delete');
    await axe.scan('library: deleted packs dialog');
    await closeDialog(page, 'Deleted packs');

    await page.getByLabel('Choose Adult skills plan for the agenda pack').check();
    await page.getByLabel('Choose Bus network review for the agenda pack').check();
    await page.getByRole('button', { name: 'Agenda pack (2)…' }).click();
    await expect(page.getByRole('dialog', { name: 'Agenda pack' })).toBeVisible();
    await axe.scan('library: agenda pack dialog');
    await closeDialog(page, 'Agenda pack');

    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await axe.scan('keyboard shortcuts dialog');
    await closeDialog(page, 'Keyboard shortcuts');

    // The pack screen, on a pack from the gamechangers template (sections with guidance).
    await page.getByRole('button', { name: 'New pack' }).click();
    const gallery = page.getByRole('dialog', { name: 'New briefing pack' });
    await gallery.getByRole('radio', { name: /The North’s five gamechangers: local angles/ }).check();
    await gallery.getByLabel('Title').fill('Sefton angles');
    await gallery.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: 'Front sheet' })).toBeVisible();
    await axe.scan('pack: front sheet');
    // The host ran all along: no connection banner may claim otherwise.
    await expect(page.getByTestId('connection-banner')).toHaveCount(0);

    await page.getByRole('button', { name: '+ Add section' }).click();
    await expect(page.getByRole('dialog', { name: 'Add a section' })).toBeVisible();
    await axe.scan('pack: add section dialog');
    await closeDialog(page, 'Add a section');

    await page.getByRole('navigation', { name: 'Sections' }).getByText('Leading the Green Industrial Revolution').click();
    const editor = page.locator('[contenteditable=true]').first();
    await expect(editor).toBeVisible();
    await editor.click();
    await page.keyboard.type('Green industry brings skilled work to Bootle and Southport. ');
    await expect(page.getByRole('complementary', { name: 'Guidance' })).toBeVisible();
    // A pressed toolbar button is scanned too (bold on at the caret).
    await page.keyboard.press('Control+b');
    await expect(page.getByRole('button', { name: 'Bold', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await axe.scan('pack: section editor with guidance');
    await page.keyboard.press('Control+b');

    await page.keyboard.press('Control+h');
    await page.getByRole('searchbox', { name: 'Find in this pack' }).fill('Bootle');
    await page.waitForTimeout(300);
    await axe.scan('pack: find and replace bar');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Review:/ }).click();
    await expect(page.getByRole('complementary', { name: 'Review' })).toBeVisible();
    await axe.scan('pack: review panel');
    await page.getByRole('button', { name: /^Review:/ }).click();

    await editor.click();
    await page.getByRole('button', { name: 'Insert link' }).click();
    await expect(page.getByRole('dialog', { name: 'Insert link' })).toBeVisible();
    await axe.scan('pack: insert link dialog');
    await closeDialog(page, 'Insert link');

    await editor.click();
    await page.getByRole('button', { name: 'Insert table' }).click();
    await expect(page.getByRole('dialog', { name: 'Insert table' })).toBeVisible();
    await axe.scan('pack: insert table dialog');
    await closeDialog(page, 'Insert table');

    await page.getByRole('button', { name: 'Rename Leading the Green Industrial Revolution' }).click();
    await expect(page.getByRole('dialog', { name: 'Rename section' })).toBeVisible();
    await axe.scan('pack: rename section dialog');
    await closeDialog(page, 'Rename section');

    await page.getByRole('button', { name: 'Remove Leading the Green Industrial Revolution' }).click();
    await expect(page.getByRole('dialog', { name: 'Remove this section?' })).toBeVisible();
    await axe.scan('pack: remove section confirmation');
    await closeDialog(page, 'Remove this section?');

    await page.getByRole('button', { name: 'Export to Word' }).click();
    await expect(page.getByRole('dialog', { name: 'Export to Word' })).toBeVisible();
    await axe.scan('pack: export to Word dialog');
    await closeDialog(page, 'Export to Word');

    await page.getByRole('button', { name: 'Export to PDF' }).click();
    await expect(page.getByRole('dialog', { name: 'Export to PDF' })).toBeVisible();
    await axe.scan('pack: export to PDF dialog');
    await closeDialog(page, 'Export to PDF');

    await page.getByRole('button', { name: 'Save as template' }).click();
    await expect(page.getByRole('dialog', { name: 'Save pack as template' })).toBeVisible();
    await axe.scan('pack: save as template dialog');
    await closeDialog(page, 'Save pack as template');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByRole('complementary', { name: 'Version history' })).toBeVisible();
    await axe.scan('pack: version history');
    await page.getByRole('complementary', { name: 'Version history' }).getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('button', { name: 'Front sheet' }).click();
    await page.getByLabel('Version').fill('1.0');
    await page.getByRole('button', { name: 'Send for review' }).click();
    // The template asks for sign-offs, none recorded: approval is refused, saying why.
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByRole('dialog', { name: 'This pack cannot be approved yet' })).toBeVisible();
    await axe.scan('pack: approval refused (sign-offs missing)');
    await closeDialog(page, 'This pack cannot be approved yet');

    // A pack that needs no sign-offs: approval asks for confirmation, then the pack is read-only.
    await page.getByRole('button', { name: '← Library' }).click();
    await page.getByRole('button', { name: 'Adult skills plan', exact: true }).click();
    await page.getByLabel('Version').fill('1.0');
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByRole('dialog', { name: /^Approve “Adult skills plan”/ })).toBeVisible();
    await axe.scan('pack: approval confirmation');
    await page.getByRole('dialog', { name: /^Approve “Adult skills plan”/ }).getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByLabel('Title')).toBeDisabled();
    await axe.scan('pack: approved (read-only)');

    // A small laptop: the guidance is a panel opened on demand.
    await page.getByRole('button', { name: '← Library' }).click();
    await page.getByRole('button', { name: 'New pack' }).click();
    await gallery.getByRole('radio', { name: /The North’s five gamechangers: local angles/ }).check();
    await gallery.getByLabel('Title').fill('Small laptop pack');
    await gallery.getByRole('button', { name: 'Create' }).click();
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByRole('navigation', { name: 'Sections' }).getByText('Leading the Green Industrial Revolution').click();
    await expect(page.locator('[contenteditable=true]').first()).toBeVisible();
    await axe.scan('pack at 1024×640: section editor');
    const guidanceButton = page.getByRole('button', { name: 'Guidance' });
    if ((await guidanceButton.getAttribute('aria-expanded')) !== 'true') await guidanceButton.click();
    await expect(page.getByRole('complementary', { name: 'Guidance' })).toBeVisible();
    await axe.scan('pack at 1024×640: guidance panel opened');

    expect([...axe.found.keys()].sort(), 'every screen listed was reached and scanned').toEqual([...SCREENS].sort());
    const failures = Object.fromEntries([...axe.found].filter(([, v]) => v.length));
    expect(failures, `axe violations (${scheme})`).toEqual({});
  });
}

import { test, expect } from './fixtures.js';
import { makeTempDir, removeDir, startBrowserHost } from '../support/browserHost.js';
import { gamechangerPack, readPackFile, writePackFile } from '../support/editorPage.js';

// Issue 6: kill the host while a member types into a section (the Lexical editor), restart,
// restore: the text typed up to 2 seconds before the kill is back. (safety.spec.ts has the
// same test for a front-sheet field.)
test('kill the host while typing in a section editor, restart, restore: the text typed up to 2 s before the kill is back', async ({ page }) => {
  const workspaceDir = await makeTempDir('ws');
  const dataDir = await makeTempDir('data');
  let host = await startBrowserHost({ workspaceDir, dataDir });
  try {
    const pack = gamechangerPack('Crash in a section');
    const section = pack.sections[2]!;
    const file = await writePackFile(host, pack, 'Crash in a section.briefing');
    const url = new URL(host.url);
    url.searchParams.set('pack', file);
    url.searchParams.set('section', section.id);
    await page.goto(url.toString());
    const editor = page.locator(`[data-section-editor="${section.id}"][contenteditable="true"]`);
    await editor.waitFor();
    await page.locator(`#section-${section.id}[data-jumped="true"]`).waitFor();
    await editor.click();

    const words = 'Sefton will close the attainment gap with new apprenticeships in Bootle and adult skills in Southport and Formby'.split(' ');
    const typed: Array<{ at: number; text: string }> = [];
    let killAt = 0;
    // Kill once enough words are in and typing has gone on for 2.5 s more, so "typed up to
    // 2 s before the kill" always has words in it, however slowly a busy machine types.
    const killer = (async () => {
      while (typed.length < 8) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      killAt = Date.now();
      await host.stop('SIGKILL');
    })();
    // Type steadily, never pausing long enough for an autosave, until a second after the kill.
    for (let i = 0; killAt === 0 || Date.now() < killAt + 1_000; i++) {
      await page.keyboard.type(`${words[i % words.length]} `, { delay: 40 });
      typed.push({ at: Date.now(), text: ((await editor.textContent()) ?? '').trim() });
      if (i > 400) break;
    }
    await killer;
    const mustHave = typed.filter((t) => t.at <= killAt - 2_000).pop()?.text ?? '';
    expect(mustHave.split(' ').length).toBeGreaterThan(5);
    const onDisk = (await readPackFile(host, file)).sections[2]!;
    expect(JSON.stringify(onDisk.content)).not.toContain(mustHave); // the file alone would lose these words

    // A crash takes the window with it: close this page before the host comes back, or it would
    // reconnect (same address and token) and save the words itself (reconnection.spec.ts).
    await page.goto('about:blank');
    host = await startBrowserHost({ workspaceDir, dataDir });
    await page.goto(host.url);
    const recovery = page.getByRole('region', { name: 'Recovered unsaved changes' });
    await recovery.getByRole('button', { name: 'Restore unsaved changes to Crash in a section' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByText(section.title).click();
    const restoredEditor = page.locator(`[data-section-editor="${section.id}"][contenteditable="true"]`);
    await expect(restoredEditor).toContainText(mustHave);
    // Restored text is written to the pack by the next save (Ctrl+S here) and is then on disk.
    await restoredEditor.click();
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const restoredOnDisk = (await readPackFile(host, file)).sections[2]!;
    expect(JSON.stringify(restoredOnDisk.content)).toContain(mustHave.split(' ').slice(-4).join(' '));
  } finally {
    await host.stop();
    await removeDir(workspaceDir);
    await removeDir(dataDir);
  }
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { bootShell, type BootedShell } from '../support/bootShell.js';
import { buildMutantMain, type BundleEdit } from '../support/mutantShell.js';
import { wiringProblems } from '../support/shellChecks.js';
import { shellFolders, type ShellFolders } from '../support/shellWorkspace.js';

/**
 * The boot checks can fail: each deliberately broken wiring of the shell (one edit to the
 * built main.cjs, see mutantShell.ts) makes them fail, with a sentence saying what is wrong,
 * where the real build passes them (shell.boot.test.ts).
 */
let folders: ShellFolders;
const shells: BootedShell[] = [];
const mutants: string[] = [];
beforeEach(async () => {
  folders = await shellFolders();
});
afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.dispose();
  for (const file of mutants.splice(0)) await rm(path.dirname(path.dirname(path.dirname(file))), { recursive: true, force: true });
  await folders.remove();
});

async function bootMutant(edit: BundleEdit): Promise<BootedShell> {
  const mainFile = await buildMutantMain(edit);
  mutants.push(mainFile);
  const shell = await bootShell({ userData: folders.userData, paths: { documents: folders.root }, mainFile });
  shells.push(shell);
  return shell;
}

describe('deliberately broken wirings fail the boot checks', () => {
  it('a contract method without a handler: named by the checks, and the page’s call rejects as in Electron', async () => {
    const shell = await bootMutant({ find: 'for (const name of METHOD_NAMES) {', replace: "for (const name of METHOD_NAMES.filter((n) => n !== 'exportToWord')) {" });
    const page = await shell.page();
    expect(await wiringProblems(shell)).toEqual(['no ipcMain handler for briefing:exportToWord']);
    await expect(page.evaluate('window.briefing.exportToWord({})')).rejects.toThrow("Error invoking remote method 'briefing:exportToWord': Error: No handler registered for 'briefing:exportToWord'");
  });

  it('protocol.handle before ready: main stops at its first line, with Electron’s error', async () => {
    await expect(bootMutant({ find: 'import_electron.app.enableSandbox();', replace: 'import_electron.app.enableSandbox();\nserveRenderer();' })).rejects.toThrow('Session can only be received when app is ready');
  });

  it('the privileged scheme registered after ready: Electron throws, and app:// is not a standard scheme', async () => {
    const shell = await bootMutant({ find: /^import_electron\.protocol\.registerSchemesAsPrivileged\((.*)\);$/m, replace: 'import_electron.app.on("ready", () => import_electron.protocol.registerSchemesAsPrivileged($1));' });
    await shell.window();
    const problems = await wiringProblems(shell);
    expect(problems).toContain('app: is not registered as a standard, secure, fetchable scheme');
    expect(problems).toContain('a listener threw (schemes-before-ready): protocol.registerSchemesAsPrivileged should be called before app is ready');
  });

  it('a window without context isolation: the preload’s contextBridge refuses and the page gets no API', async () => {
    const shell = await bootMutant({ find: 'contextIsolation: true,', replace: 'contextIsolation: false,' });
    await shell.window();
    expect(await wiringProblems(shell)).toEqual([
      'the window does not have context isolation',
      'the preload failed: contextBridge API can only be used when contextIsolation is enabled',
      'the preload exposed []',
      'window.briefing is not exactly the contract table',
      'window.briefingEvents is not exactly the events table',
    ]);
  });

  it('a mistyped navigation event: the listener Electron would never call is refused, and navigation is left open', async () => {
    const shell = await bootMutant({ find: 'contents.on("will-frame-navigate", (details) => {', replace: 'contents.on("will-frame-navigation", (details) => {' });
    await shell.window();
    const problems = await wiringProblems(shell);
    expect(problems).toContain("nothing listens to the window's 'will-frame-navigate'");
    expect(problems.some((p) => p.startsWith("a listener threw (known-event): webContents[") && p.includes("never emits 'will-frame-navigation'"))).toBe(true);
  });
});

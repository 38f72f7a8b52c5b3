import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bootShell } from '../support/bootShell.js';

describe('boot', () => {
  it('boots', async () => {
    const userData = await mkdtemp(path.join(os.tmpdir(), 'briefing-boot-'));
    const shell = await bootShell({ userData });
    const win = await shell.window();
    const page = await shell.page(win);
    console.log(page.status, page.preload?.errors, page.preload?.exposed, page.preload?.required);
    console.log(shell.standIn.runtime.listenerErrors);
    console.log(await page.evaluate('window.briefing.getAppInfo({})'));
  });
});

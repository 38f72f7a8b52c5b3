import { existsSync } from 'node:fs';
import { HOST_EVENT_NAMES, METHOD_NAMES } from '../../shared/api/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/contentSecurityPolicy.js';
import { ipcChannel } from '../../electron/shell/ipcChannel.js';
import { APP_SCHEME } from '../../electron/shell/window.js';
import type { BootedShell } from './bootShell.js';
import { HeadlessRenderer } from './electronStandIn/headlessRenderer.js';
import { acceleratorProblem } from './electronStandIn/menu.js';
import { ruleOf } from './electronStandIn/rules.js';

/**
 * What a correctly wired desktop shell has done once it has booted and shown its window,
 * checked from the outside (the stand-in's records). Each problem is a plain sentence, so a
 * broken wiring says what is wrong. Checked against the contract's METHOD_NAMES and
 * HOST_EVENT_NAMES, never a list of its own, so methods added later are covered too.
 */
export async function wiringProblems(shell: BootedShell): Promise<string[]> {
  const { standIn } = shell;
  const log = standIn.runtime.log;
  const problems: string[] = [];

  const channels = new Set(standIn.ipcMain.channels());
  for (const name of METHOD_NAMES) if (!channels.has(ipcChannel(name))) problems.push(`no ipcMain handler for ${ipcChannel(name)}`);
  for (const channel of channels) if (!METHOD_NAMES.some((name) => ipcChannel(name) === channel)) problems.push(`a handler for ${channel}, which is not in the contract`);

  const privileges = standIn.protocol.privilegesOf(APP_SCHEME);
  if (!privileges?.standard || !privileges.secure || !privileges.supportFetchAPI) problems.push(`${APP_SCHEME}: is not registered as a standard, secure, fetchable scheme`);
  if (!log.of('protocol.handle').some((c) => c.args[0] === APP_SCHEME)) problems.push(`nothing handles ${APP_SCHEME}:`);
  if (!log.of('app.enableSandbox').length) problems.push('app.enableSandbox() was not called');
  const lock = log.first('app.requestSingleInstanceLock');
  if (!lock || lock.afterReady) problems.push('the single-instance lock was not requested before ready');

  const windows = standIn.windows();
  if (windows.length !== 1) problems.push(`${windows.length} windows open (expected 1)`);
  const win = windows[0];
  if (win) {
    const prefs = win.options.webPreferences ?? {};
    if (prefs.contextIsolation !== true) problems.push('the window does not have context isolation');
    if (prefs.sandbox !== true) problems.push('the window is not sandboxed');
    if (prefs.nodeIntegration !== false) problems.push('the window has Node integration');
    if (prefs.webSecurity === false) problems.push('the window has web security off');
    if (!prefs.preload || !existsSync(prefs.preload)) problems.push(`the window's preload ${prefs.preload ?? '(none)'} does not exist`);
    for (const event of ['will-frame-navigate', 'will-navigate', 'will-redirect', 'will-attach-webview', 'input-event', 'will-prevent-unload']) {
      if (win.webContents.listenerCount(event) === 0) problems.push(`nothing listens to the window's '${event}'`);
    }
    if (!log.of('webContents.setWindowOpenHandler').length) problems.push('no window-open handler is set');
    if (standIn.renderer instanceof HeadlessRenderer && standIn.renderer.pages.has(win.webContents.id)) {
      const page = standIn.renderer.pageOf(win.webContents);
      if (page.status !== 200) problems.push(`the page answered ${page.status}`);
      if (page.headers.get('content-security-policy') !== CONTENT_SECURITY_POLICY) problems.push('the page was served without the Content Security Policy');
      const preload = page.preload;
      if (!preload) problems.push('no preload ran');
      else {
        for (const err of preload.errors) problems.push(`the preload failed: ${err instanceof Error ? err.message : String(err)}`);
        if (preload.exposed.join(',') !== 'briefing,briefingEvents') problems.push(`the preload exposed ${JSON.stringify(preload.exposed)}`);
        const methods = Object.keys(page.window.briefing ?? {}).sort();
        if (methods.join(',') !== [...METHOD_NAMES].sort().join(',')) problems.push('window.briefing is not exactly the contract table');
        const events = Object.keys(page.window.briefingEvents ?? {}).sort();
        if (events.join(',') !== [...HOST_EVENT_NAMES].sort().join(',')) problems.push('window.briefingEvents is not exactly the events table');
        const others = preload.required.filter((name) => name !== 'electron');
        if (others.length) problems.push(`the preload required ${others.join(', ')}`);
      }
    }
  }

  const menu = standIn.applicationMenu();
  if (!menu) problems.push('no application menu');
  else {
    for (const item of menu.allItems()) {
      const problem = item.accelerator ? acceleratorProblem(item.accelerator) : null;
      if (problem) problems.push(`menu item "${item.label || item.role}" has a bad accelerator ${item.accelerator}: ${problem}`);
    }
  }
  const session = standIn.session;
  if (!session.permissionRequest || !session.permissionCheck) problems.push('permission handlers are not set');

  for (const err of standIn.runtime.listenerErrors) {
    const rule = ruleOf(err);
    problems.push(`a listener threw${rule ? ` (${rule})` : ''}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return problems;
}

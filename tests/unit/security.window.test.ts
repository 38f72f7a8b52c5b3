import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { lookupStatic } from '../../electron/staticFiles.js';
import path from 'node:path';
import { APP_START_URL, isAppUrl, secureWindowOptions } from '../../electron/shell/window.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/contentSecurityPolicy.js';
import { hardenSession, hardenWebContents, type SessionLike } from '../../electron/shell/hardenContents.js';
import { createElectronStandIn } from '../support/electronStandIn/index.js';
import { isSafeExternalUrl } from '../../electron/linkPolicy.js';
import { readBuilderConfig } from '../support/builderConfig.js';

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * item by item, against the code that implements it. The Electron runtime cannot run here,
 * so each rule lives in a module that does not import electron, and main.ts only wires it up.
 */
const options = secureWindowOptions('/app/preload.cjs');
const prefs = options.webPreferences!;
const source = (file: string) => readFileSync(path.join('electron', 'shell', file), 'utf8');

/**
 * A WebContents from the electron stand-in (tests/support/electronStandIn): it emits each
 * navigation event with the argument shapes Electron uses (one details Event, then the
 * deprecated positional arguments) and in Electron's order ('will-frame-navigate' first;
 * 'will-navigate' only when that one was not prevented).
 */
function hardenedContents(now: () => number = Date.now) {
  const standIn = createElectronStandIn({ userData: os.tmpdir() });
  standIn.app.emitReady();
  const contents = new standIn.module.BrowserWindow({ show: false }).webContents;
  const opened: string[] = [];
  hardenWebContents(contents, { openExternal: (url) => opened.push(url), now });
  return { contents, opened };
}

describe('Electron security checklist', () => {
  it('1. only secure content: the app loads from its own app:// scheme', () => {
    expect(APP_START_URL).toBe('app://briefing/index.html');
    expect(source('main.ts')).toContain('loadURL(APP_START_URL)');
    expect(source('main.ts')).toMatch(/registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME, privileges: \{ standard: true, secure: true/);
  });
  it('2. no Node.js integration for web content', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('3. context isolation on', () => expect(prefs.contextIsolation).toBe(true));
  it('4. process sandbox on (and app.enableSandbox for every renderer)', () => {
    expect(prefs.sandbox).toBe(true);
    expect(source('main.ts')).toContain('app.enableSandbox()');
  });
  it('5. every permission request and check is denied', () => {
    const calls: Record<string, unknown> = {};
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (calls.request = h),
      setPermissionCheckHandler: (h) => (calls.check = h),
      setDevicePermissionHandler: (h) => (calls.device = h),
    };
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let answer: boolean | undefined;
      (calls.request as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(null, permission, (g) => (answer = g));
      expect(answer, permission).toBe(false);
      expect((calls.check as (wc: unknown, p: string) => boolean)(null, permission)).toBe(false);
    }
    expect((calls.device as (d: unknown) => boolean)({})).toBe(false);
    expect(source('main.ts')).toContain('hardenSession(session.defaultSession)');
  });
  it('6. webSecurity stays on', () => expect(prefs.webSecurity).toBe(true));
  it('7. a strict Content-Security-Policy', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['style-src']).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    // renderer/index.html repeats the policy in a <meta> (all of it but frame-ancestors, which
    // a meta policy cannot carry), so the built page is protected however it is opened.
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync('renderer/index.html', 'utf8'))?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'$/, ''));
    expect(source('main.ts')).toContain("'Content-Security-Policy': CONTENT_SECURITY_POLICY");
  });
  it('8. no insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('9. no experimental features', () => expect(prefs.experimentalFeatures).toBe(false));
  it('10. no enableBlinkFeatures (and Auxclick disabled)', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });
  it('11. no <webview> tag', () => expect(prefs.webviewTag).toBe(false));
  it('12. webview attachment is blocked outright', () => {
    const { contents } = hardenedContents();
    expect(contents.attachWebview('https://evil.example/')).toBe(true);
  });
  it('13. navigation limited to the app, in every frame; redirects too', () => {
    const { contents, opened } = hardenedContents();
    expect(contents.navigate('app://briefing/index.html?pack=a.briefing')).toBe('allowed');
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:1/', 'javascript:alert(1)', 'app://other/', 'app://briefing@evil.example/']) {
      expect(contents.navigate(url), url).toBe('prevented');
      expect(contents.navigate(url, { isMainFrame: false }), `${url} in a subframe`).toBe('prevented');
      expect(contents.redirect(url), url).toBe('prevented');
    }
    expect(opened).toEqual([]); // nobody clicked: nothing opened
  });
  it('13b. will-frame-navigate is registered and decides first (will-navigate never sees a refused URL)', () => {
    const { contents } = hardenedContents();
    const seen: string[] = [];
    contents.on('will-navigate', (details: { url: string }) => seen.push(details.url));
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
    expect(contents.navigate('https://evil.example/')).toBe('prevented');
    expect(contents.navigate('app://briefing/index.html')).toBe('allowed');
    expect(seen).toEqual(['app://briefing/index.html']);
  });
  it('13c. a safe link opens in the system browser only from a user gesture, once per gesture', () => {
    let clock = 1_000_000;
    const { contents, opened } = hardenedContents(() => clock);
    contents.navigate('https://www.gov.uk/no-gesture');
    contents.input('mouseMove');
    contents.navigate('https://www.gov.uk/after-a-mouse-move');
    contents.input('mouseDown');
    contents.navigate('https://www.gov.uk/clicked');
    contents.navigate('https://www.gov.uk/second-use-of-the-same-click');
    contents.input('rawKeyDown');
    contents.navigate('javascript:alert(1)'); // unsafe: refused, and the gesture is not used up
    contents.navigate('https://www.gov.uk/enter-pressed');
    contents.input('mouseDown');
    clock += 5_001;
    contents.navigate('https://www.gov.uk/too-late');
    contents.input('mouseDown');
    contents.navigate('https://www.gov.uk/subframe', { isMainFrame: false });
    expect(opened).toEqual(['https://www.gov.uk/clicked', 'https://www.gov.uk/enter-pressed']);
  });
  it('14. new windows are always denied; a safe one opens in the browser only from a gesture', () => {
    const { contents, opened } = hardenedContents();
    for (const url of ['https://www.gov.uk/', 'app://briefing/index.html', 'about:blank', 'file:///c:/x', 'mailto:clerk@council.gov.uk']) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
    for (const url of ['https://www.gov.uk/', 'app://briefing/index.html', 'about:blank', 'file:///c:/x', 'mailto:clerk@council.gov.uk']) {
      contents.input('mouseDown');
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.gov.uk/', 'mailto:clerk@council.gov.uk']);
    for (let i = 0; i < 50; i++) contents.openWindow('https://spam.example/'); // a script's loop, no gesture
    expect(opened).toHaveLength(2);
    expect(source('main.ts')).toMatch(/app\.on\('web-contents-created'[\s\S]*hardenWebContents\(contents/);
  });
  it('15. shell.openExternal only for validated https and mailto URLs', () => {
    for (const url of ['https://www.gov.uk/guidance', 'mailto:democratic.services@council.gov.uk', 'https://example.org/a?b=c#d']) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/x',
      'https://user:pw@example.org/',
      'https://example.org/\u0000',
      'https://example.org/ x',
      `https://example.org/${'a'.repeat(3000)}`,
      'mailto:a@b.c?body=x%0Ay&attach=/etc/passwd'.replace('mailto:a@b.c', 'mailto:'),
      'mailto:',
      '',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
    expect(isSafeExternalUrl(42)).toBe(false);
    // main.ts never calls openExternal except through the validated path
    expect(source('main.ts').match(/shell\.openExternal\(/g)?.length).toBe(1);
    expect(source('main.ts')).toContain('isSafeExternalUrl(url) && shell.openExternal(url)');
  });
  it('16. a current, exactly pinned Electron', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const version = pkg.devDependencies.electron!;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
  it('17. the sender of every IPC message is validated (see security.ipc.test.ts)', () => {
    expect(source('main.ts')).toMatch(/ipcMain\.handle\(ipcChannel\(name\), \(event, args: unknown\) => guardedCall\(handlers, guard, name, event, args\)\)/);
    expect(source('main.ts').match(/ipcMain\.(handle|on)\(/g)?.length).toBe(1);
  });
  it('18. no file:// — a custom protocol confined to the built renderer', () => {
    expect(source('main.ts')).not.toMatch(/file:\/\/|loadFile\(/);
    expect(source('main.ts')).toMatch(/protocol\.handle\(APP_SCHEME[\s\S]*lookupStatic\(root, url\.pathname\)/);
    expect(isAppUrl('file:///index.html')).toBe(false);
  });
  it('18b. the app:// handler serves only files of the built renderer (same lookup main.ts uses)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'briefing-appproto-'));
    try {
      const renderer = path.join(root, 'renderer');
      await mkdir(path.join(renderer, 'assets'), { recursive: true });
      await writeFile(path.join(renderer, 'index.html'), 'APP');
      await writeFile(path.join(renderer, 'assets', 'a.js'), 'JS');
      await writeFile(path.join(root, 'secret.txt'), 'SECRET');
      await symlink(path.join(root, 'secret.txt'), path.join(renderer, 'assets', 'link.js'));
      const fetchApp = async (url: string) => {
        const found = await lookupStatic(renderer, new URL(url).pathname);
        return found.kind === 'file' ? found.data.toString() : found.kind;
      };
      expect(await fetchApp('app://briefing/index.html')).toBe('APP');
      expect(await fetchApp('app://briefing/')).toBe('APP');
      expect(await fetchApp('app://briefing/assets/a.js')).toBe('JS');
      for (const url of [
        'app://briefing/../secret.txt',
        'app://briefing/%2e%2e/secret.txt',
        'app://briefing/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
        'app://briefing/..%5csecret.txt',
        'app://briefing/assets/link.js',
        'app://briefing/%00',
        'app://briefing/.%2e/secret.txt',
      ]) {
        expect(await fetchApp(url), url).not.toBe('SECRET');
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
  it('19. Electron fuses set in electron-builder.yml', () => {
    const fuses = readBuilderConfig().electronFuses as Record<string, boolean>;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
  it('20. no Electron API or raw ipcRenderer exposed to the page', () => {
    const preload = source('preload.ts');
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*'(\w+)'/g)].map((m) => m[1]);
    expect(exposed).toEqual(['briefing', 'briefingEvents']);
    // the page gets functions built from the contract tables, never ipcRenderer or its event
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(preload).toContain('METHOD_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args)])');
    expect(preload).toMatch(/ipcRenderer.on\(eventChannel\(name\), \(_event: unknown, payload: unknown\) =>/);
  });
});

describe('other window settings', () => {
  it('navigating by drag and drop is off, dialogs are rate-limited, dev tools off unless asked', () => {
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.devTools).toBe(false);
    expect(secureWindowOptions('/p', { devTools: true }).webPreferences!.devTools).toBe(true);
  });
  it('follows the OS theme for the first paint and restores remembered bounds', () => {
    expect(secureWindowOptions('/p', { dark: true }).backgroundColor).not.toBe(secureWindowOptions('/p', { dark: false }).backgroundColor);
    expect(secureWindowOptions('/p', { bounds: { x: 10, y: 20, width: 900, height: 700 } })).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
  it('no option anywhere weakens the checklist', () => {
    for (const choice of [{}, { dark: true }, { devTools: true }, { bounds: { width: 800, height: 600 } }]) {
      const p = secureWindowOptions('/p', choice).webPreferences!;
      expect([p.contextIsolation, p.sandbox, p.nodeIntegration, p.webSecurity, p.webviewTag]).toEqual([true, true, false, true, false]);
    }
  });
  it('only imports electron from the thin glue files', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('electron', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const runtimeImporters = files.filter((f) => /^import\s+(?!type\b)[^;]*from 'electron'/m.test(readFileSync(path.join('electron', f), 'utf8')));
    expect(runtimeImporters.sort()).toEqual(['shell/main.ts', 'shell/preload.ts']);
  });
});

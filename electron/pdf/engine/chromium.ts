import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HostError } from '../../../shared/api/errors.js';
import { CdpPipe } from './cdpPipe.js';
import { MIN_CHROMIUM_MAJOR, PRINT_OPTIONS, type HtmlPdfRenderer } from './types.js';

/** What the first tab prints while the real document is being made (see attachFirstTab). */
const WARM_UP_HTML = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>@page { size: A4; @bottom-center { content: "Page " counter(page); } } html { font: 12pt Arial, "Liberation Sans", Helvetica, sans-serif; } th { background: #eee; }</style></head><body><h1>Briefing</h1><p>Text, <b>bold</b> and <i>italic</i>.</p><ul><li>Item</li></ul><table><tr><th>A</th><td>1</td></tr></table></body></html>`;

/** How long one document may take to load and print before the browser is given up on. */
const RENDER_TIMEOUT_MS = 5 * 60_000;
const START_TIMEOUT_MS = 30_000;

function browserLabel(executable: string, product: string): string {
  const base = path.basename(executable).toLowerCase();
  const major = /\/(\d+)\./.exec(product)?.[1] ?? '';
  const family = base.includes('edge') ? 'Microsoft Edge' : base.includes('chrome') && !base.includes('chromium') ? 'Google Chrome' : base.includes('brave') ? 'Brave' : 'Chromium';
  return `${family}${major ? ` ${major}` : ''}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostError('UNAVAILABLE', message)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/**
 * A headless Chromium-family browser driven over its DevTools pipe: each document is written
 * to a private temporary folder, opened in a fresh tab (no network: the HTML's own policy
 * allows nothing but embedded pictures) and printed with Page.printToPDF, tagged and with
 * bookmarks. One browser serves several documents (an agenda pack lays out twice).
 */
export class ChromiumRenderer implements HtmlPdfRenderer {
  /**
   * The tab the browser opens with, attached once and reused while no other document is
   * printing in it: making a tab and attaching to it is a tenth of a second of each PDF.
   */
  private firstTab: Promise<string | null> | null = null;
  private firstTabBusy = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly pipe: CdpPipe,
    private readonly profile: string,
    readonly name: string,
    readonly major: number,
  ) {}

  /**
   * Attach to the first tab and print a one-page document in it: a browser's first PDF pays
   * once for starting the page's process, finding the fonts and starting the PDF writer (half a
   * second, measured), which this does while the caller is still building its document.
   */
  private attachFirstTab(): Promise<string | null> {
    this.firstTab ??= (async () => {
      const { targetInfos } = await this.pipe.send<{ targetInfos: Array<{ targetId: string; type: string }> }>('Target.getTargets');
      const page = targetInfos.find((t) => t.type === 'page');
      if (!page) return null;
      const { sessionId } = await this.pipe.send<{ sessionId: string }>('Target.attachToTarget', { targetId: page.targetId, flatten: true });
      await this.pipe.send('Page.enable', {}, sessionId);
      await this.printFile(sessionId, await this.writeDocument(WARM_UP_HTML), { pageRanges: '1' }).catch(() => undefined);
      return sessionId;
    })().catch(() => null);
    return this.firstTab;
  }

  private async writeDocument(html: string): Promise<string> {
    const dir = await fs.mkdtemp(path.join(this.profile, 'doc-'));
    const file = path.join(dir, 'document.html');
    await fs.writeFile(file, html, 'utf8');
    return file;
  }

  /** Open a document in the tab of `sessionId` and print it. */
  private async printFile(sessionId: string, file: string, extra: Record<string, unknown> = {}): Promise<Buffer> {
    const loaded = this.pipe.waitFor('Page.loadEventFired', sessionId);
    const nav = await this.pipe.send<{ errorText?: string }>('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
    if (nav.errorText) throw new HostError('UNKNOWN', `The browser could not open the document to print (${nav.errorText}).`);
    await loaded;
    const result = await this.pipe.send<{ data: string }>('Page.printToPDF', { ...PRINT_OPTIONS, ...extra, transferMode: 'ReturnAsBase64' }, sessionId);
    return Buffer.from(result.data, 'base64');
  }

  static async launch(executable: string): Promise<ChromiumRenderer> {
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-pdf-'));
    // The first tab opens a one-page document in the PDF's fonts by itself, while this process
    // is still busy making the real one (see attachFirstTab).
    const warmUp = path.join(profile, 'warm-up.html');
    await fs.writeFile(warmUp, WARM_UP_HTML, 'utf8');
    const args = [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--mute-audio',
      '--hide-scrollbars',
      // Root (CI containers) cannot use Chromium's sandbox; everyone else keeps it.
      ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(warmUp).href,
    ];
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (err) => reject(new HostError('UNAVAILABLE', `The browser for making PDFs could not be started (${err.message}).`)));
      child.once('exit', (code) => reject(new HostError('UNAVAILABLE', `The browser for making PDFs stopped as it started (exit code ${code}).`)));
    });
    failed.catch(() => undefined);
    try {
      const pipe = CdpPipe.fromProcess(child);
      const version = await withTimeout(Promise.race([pipe.send<{ product: string }>('Browser.getVersion'), failed]), START_TIMEOUT_MS, 'The browser for making PDFs did not start in time.');
      const major = Number(/\/(\d+)\./.exec(version.product)?.[1] ?? 0);
      const renderer = new ChromiumRenderer(child, pipe, profile, browserLabel(executable, version.product), major);
      if (major && major < MIN_CHROMIUM_MAJOR) {
        await renderer.close();
        throw new HostError('UNAVAILABLE', `${renderer.name} is too old to make the PDF with its page markings (version ${MIN_CHROMIUM_MAJOR} or later is needed). Update it, or install LibreOffice.`);
      }
      // Ready before the first document is: the caller is still building its HTML.
      void renderer.attachFirstTab();
      return renderer;
    } catch (err) {
      child.kill('SIGKILL');
      await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
      throw err;
    }
  }

  async render(html: string): Promise<Buffer> {
    const file = await this.writeDocument(html);
    const dir = path.dirname(file);
    let targetId: string | undefined;
    const useFirstTab = !this.firstTabBusy;
    if (useFirstTab) this.firstTabBusy = true;
    try {
      const newTab = async () => {
        ({ targetId } = await this.pipe.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' }));
        const { sessionId } = await this.pipe.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
        await this.pipe.send('Page.enable', {}, sessionId);
        return sessionId;
      };
      const work = async () => {
        const first = useFirstTab ? await this.attachFirstTab() : null;
        if (!first) return this.printFile(await newTab(), file);
        try {
          return await this.printFile(first, file);
        } catch {
          // Now and then Chromium answers "Printing failed" in a tab that has printed before
          // (seen about once in forty runs on a busy machine): the document goes to a fresh
          // tab once, and that tab is not reused.
          this.firstTab = null;
          return this.printFile(await newTab(), file);
        }
      };
      return await withTimeout(work(), RENDER_TIMEOUT_MS, 'Making the PDF took too long, so it was stopped. Try again, or export to Word.');
    } finally {
      if (useFirstTab) this.firstTabBusy = false;
      if (targetId) await this.pipe.send('Target.closeTarget', { targetId }).catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    // The browser is ours alone and its profile is thrown away below, so nothing is lost by
    // stopping it at once rather than asking it to close (which takes half a second).
    this.child.kill('SIGKILL');
    await exited;
    // Windows may hold the profile's files a moment after the browser exits.
    await fs.rm(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  }
}

import { readFileSync } from 'node:fs';
import Module from 'node:module';
import vm from 'node:vm';
import path from 'node:path';
import { createElectronStandIn, type ElectronStandIn, type StandInOptions } from './electronStandIn/index.js';
import { HeadlessRenderer, type HeadlessPage } from './electronStandIn/headlessRenderer.js';
import type { StandInBrowserWindow } from './electronStandIn/browserWindow.js';

/**
 * Boot the built Electron main process (dist/electron/main.cjs) in this Node process, with
 * the `electron` stand-in in place of `require('electron')`. Only requests for the one name
 * `electron` made by the booted bundle itself are redirected (Module._resolveFilename), so
 * nothing else in the process is affected. Each boot evaluates a fresh copy of the bundle
 * against a fresh stand-in: its module state (windows, granted files, services) is its own.
 */
export const MAIN_BUNDLE = path.resolve('dist/electron/main.cjs');
export const PRELOAD_BUNDLE = path.resolve('dist/electron/preload.cjs');

const STAND_IN_ID = path.join(path.sep, '__briefing_tests__', 'electron-stand-in.cjs');
const booted = new Set<string>();
let current: ElectronStandIn['module'] | null = null;
let hooked = false;

type ResolveFilename = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

function installHook(): void {
  if (hooked) return;
  hooked = true;
  const internals = Module as unknown as { _resolveFilename: ResolveFilename; _cache: Record<string, unknown> };
  const original = internals._resolveFilename;
  internals._resolveFilename = function resolve(this: unknown, request, parent, ...rest) {
    if (request === 'electron' && parent?.filename && booted.has(parent.filename)) return STAND_IN_ID;
    return original.call(this, request, parent, ...rest);
  };
}

/**
 * Run a CommonJS bundle as Node's require would, but compiled here (vm) rather than through
 * require: test runners hook require to transpile what they load (Playwright's would push the
 * 3 MB bundle through Babel), and each boot needs a fresh copy anyway.
 */
const compiled = new Map<string, vm.Script>();

function evaluateBundle(file: string): void {
  const internals = Module as unknown as { _nodeModulePaths(dir: string): string[] };
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = internals._nodeModulePaths(path.dirname(file));
  // Node's module wrapper, plus `process`: the booted main sees Electron's main process.
  // Compiled once per test process; each run of the script is a fresh module all the same.
  let script = compiled.get(file);
  if (!script) {
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname, process) {${readFileSync(file, 'utf8')}\n})`, { filename: file });
    compiled.set(file, script);
  }
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const requireHere = Module.createRequire(file);
  wrapper.call(mod.exports, mod.exports, requireHere, mod, file, path.dirname(file), electronMainProcess());
  mod.loaded = true;
}

/**
 * `process` as Electron's main process has it: Node's, plus `type: 'browser'` and the
 * versions of Electron and its Chromium (process.versions.electron and .chrome), which the
 * shell may read (the PDF engine names its Chromium). Only the booted bundle sees these;
 * the rest of this process keeps Node's own `process`.
 */
export const ELECTRON_VERSIONS = { electron: '45.5.0', chrome: '153.0.8001.0' } as const;

function electronMainProcess(): NodeJS.Process {
  const versions = { ...process.versions, ...ELECTRON_VERSIONS };
  return new Proxy(process, {
    get(target, key) {
      if (key === 'versions') return versions;
      if (key === 'type') return 'browser';
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function provide(standIn: ElectronStandIn['module']): void {
  const internals = Module as unknown as { _cache: Record<string, unknown> };
  const mod = new Module(STAND_IN_ID);
  mod.filename = STAND_IN_ID;
  mod.exports = standIn;
  mod.loaded = true;
  internals._cache[STAND_IN_ID] = mod;
  current = standIn;
}

export interface BootOptions extends Partial<StandInOptions> {
  userData: string;
  /** The main bundle to boot (a deliberately broken build in the wiring tests). */
  mainFile?: string;
  /** Files on the command line, as the OS passes a double-clicked pack. */
  files?: string[];
  /** Environment variables set while main's top level runs (restored afterwards). */
  env?: Record<string, string | undefined>;
  /** Called after main's top level ran and before 'ready' (e.g. an early 'open-file'). */
  beforeReady?(standIn: ElectronStandIn): void;
  /** Emit 'ready' after loading (default true). */
  ready?: boolean;
}

export interface BootedShell {
  standIn: ElectronStandIn;
  /** The first window main opens, once its page has loaded. */
  window(): Promise<StandInBrowserWindow>;
  /** The headless page of a window (its preload's main world). */
  page(win?: StandInBrowserWindow): Promise<HeadlessPage>;
  /** Let main's pending promise work run (awaits a few turns of the event loop). */
  settle(): Promise<void>;
  /**
   * End this boot as the process ending would: windows destroyed, and the process 'exit'
   * hooks main added (lock release) run and removed, so many boots in one test process
   * leave nothing behind.
   */
  dispose(): Promise<void>;
}

export async function bootShell(options: BootOptions): Promise<BootedShell> {
  installHook();
  const mainFile = path.resolve(options.mainFile ?? MAIN_BUNDLE);
  const standIn = createElectronStandIn({ ...options, userData: options.userData });
  booted.add(mainFile);
  provide(standIn.module);
  const exitHooksBefore = new Set(process.listeners('exit'));
  const savedArgv = process.argv;
  const savedEnv = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(options.env ?? {})) {
    savedEnv.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  // Electron's argv in development: [electron, app folder, ...files]; main skips the first.
  process.argv = [process.execPath, path.dirname(path.dirname(mainFile)), ...(options.files ?? [])];
  try {
    evaluateBundle(mainFile);
  } finally {
    process.argv = savedArgv;
    for (const [key, value] of savedEnv) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (current === standIn.module) current = null;
  }
  options.beforeReady?.(standIn);
  if (options.ready ?? true) standIn.app.emitReady();

  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const shell: BootedShell = {
    standIn,
    settle,
    async dispose() {
      if (standIn.app.state === 'running') standIn.app.exit(0);
      await standIn.renderer.dispose?.();
      for (const hook of process.listeners('exit')) {
        if (exitHooksBefore.has(hook)) continue;
        process.removeListener('exit', hook);
        try {
          (hook as (code: number) => void)(0);
        } catch {
          // a hook that fails at exit changes nothing for the next boot
        }
      }
    },
    async window() {
      for (let waited = 0; waited < 10_000; waited += 10) {
        const [win] = standIn.windows();
        if (win && !win.isDestroyed() && win.webContents.loadState === 'loaded') return win;
        if (win && !win.isDestroyed() && win.webContents.loadState === 'failed') throw new Error('the window\'s page failed to load');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`main opened no window with a loaded page; calls so far: ${standIn.runtime.log.apis().join(', ')}`);
    },
    async page(win) {
      const target = win ?? (await shell.window());
      if (!(standIn.renderer instanceof HeadlessRenderer)) throw new Error('page() needs the headless renderer');
      return standIn.renderer.pageOf(target.webContents);
    },
  };
  return shell;
}

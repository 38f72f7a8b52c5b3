import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import timers from 'node:timers';
import url from 'node:url';
import vm from 'node:vm';
import type { ContextBridge } from 'electron';
import type { CallLog } from './callLog.js';
import { ElectronRuleError } from './rules.js';
import type { StandInIpcRenderer } from './ipc.js';
import { copyAcross, worldOf, type World } from './worlds.js';

/**
 * A sandboxed preload, run the way Electron runs one (lib/sandboxed_renderer/init.ts and
 * preload.ts): the script is compiled as a function of (require, process, exports, module,
 * Buffer, global, setImmediate, clearImmediate) in its own world; `require` knows only
 * `electron` (the renderer modules), `events`, `timers` and `url`, and anything else throws
 * "module not found"; `process` is a small polyfill, not Node's. With context isolation the
 * preload's world is separate from the page's main world, and contextBridge copies what it
 * exposes (worlds.ts); without it, the preload runs in the page and contextBridge refuses.
 * A preload that throws does not stop the page: Electron prints "Unable to load preload
 * script" and goes on, so the error is kept in `errors` for the test to see.
 */
export interface PreloadRun {
  /** The page's main world: `window` there is what the page's scripts see. */
  mainWorld: vm.Context;
  /** The preload's isolated world (the main world when context isolation is off). */
  preloadWorld: vm.Context;
  /** Every module name the preload asked `require` for. */
  required: string[];
  /** The keys contextBridge put on the page's window. */
  exposed: string[];
  /** What the preload threw (Electron logs it as "Unable to load preload script"). */
  errors: unknown[];
}

export interface PreloadOptions {
  file: string;
  contextIsolation: boolean;
  ipcRenderer: StandInIpcRenderer;
  log: CallLog;
  /** The page's window before the preload runs (its own globals). */
  mainWorld?: vm.Context;
}

/** Globals every page world has (a browser's timers and console), nothing of Node. */
export function newPageWorld(): vm.Context {
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
  });
  vm.runInContext('globalThis.window = globalThis; globalThis.self = globalThis;', context);
  return context;
}

const codeCache = new Map<string, Buffer>();

export function runPreload(options: PreloadOptions): PreloadRun {
  const mainWorld = options.mainWorld ?? newPageWorld();
  const preloadWorld = options.contextIsolation ? newPageWorld() : mainWorld;
  const run: PreloadRun = { mainWorld, preloadWorld, required: [], exposed: [], errors: [] };
  const page: World = worldOf(mainWorld);
  const isolated: World = worldOf(preloadWorld);

  const preloadProcess = Object.assign(new EventEmitter(), {
    contextIsolated: options.contextIsolation,
    sandboxed: true,
    type: 'renderer',
    platform: process.platform,
    arch: process.arch,
    versions: { ...process.versions, electron: '45.5.0' },
    env: {},
    argv: [],
    execPath: '',
    pid: process.pid,
  });

  const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
    exposeInMainWorld: (apiKey, api) => {
      options.log.record('contextBridge.exposeInMainWorld', [apiKey]);
      if (!preloadProcess.contextIsolated) throw new ElectronRuleError('context-isolation');
      if (Object.prototype.hasOwnProperty.call(mainWorld, apiKey)) throw new ElectronRuleError('bridge-key-free');
      (mainWorld as Record<string, unknown>)[apiKey] = copyAcross(api, isolated, page, { freeze: true });
      run.exposed.push(apiKey);
    },
  };

  const electron = { contextBridge, ipcRenderer: options.ipcRenderer };
  const loaded = new Map<string, unknown>([
    ['electron', electron],
    ['electron/common', electron],
    ['electron/renderer', electron],
    ['events', EventEmitter],
    ['node:events', EventEmitter],
  ]);
  const loadable = new Map<string, () => unknown>([
    ['timers', () => timers],
    ['node:timers', () => timers],
    ['url', () => url],
    ['node:url', () => url],
  ]);
  const preloadRequire = (name: string) => {
    run.required.push(name);
    if (loaded.has(name)) return loaded.get(name);
    const load = loadable.get(name);
    if (load) {
      loaded.set(name, load());
      return loaded.get(name);
    }
    throw new ElectronRuleError('preload-require', `module not found: ${name}`);
  };

  try {
    const source = readFileSync(options.file, 'utf8');
    const params = ['require', 'process', 'exports', 'module', 'Buffer', 'global', 'setImmediate', 'clearImmediate'];
    // V8's code cache, as Electron keeps one for preloads: compiling ~800 kB anew for every page is slow.
    const cachedData = codeCache.get(options.file);
    const preload = vm.compileFunction(source, params, { parsingContext: preloadWorld, filename: options.file, cachedData, produceCachedData: !cachedData });
    const produced = (preload as { cachedData?: Buffer }).cachedData;
    if (!cachedData && produced) codeCache.set(options.file, produced);
    const exports = {};
    const global = vm.runInContext('globalThis', preloadWorld) as object;
    preload(preloadRequire, preloadProcess, exports, { exports }, Buffer, global, setImmediate, clearImmediate);
  } catch (err) {
    run.errors.push(err);
  }
  return run;
}

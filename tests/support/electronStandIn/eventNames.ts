import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The events each Electron object really emits, read from Electron's own type definitions
 * (node_modules/electron/electron.d.ts, generated from Electron's docs). Electron accepts a
 * listener for any name and simply never calls one it does not emit, so a typo
 * (`'will-frame-navigation'`) or an event removed in a new Electron fails silently there;
 * the stand-in refuses such a listener at once.
 */
export type EmitterKind = 'App' | 'BaseWindow' | 'BrowserWindow' | 'WebContents' | 'NativeTheme' | 'Screen' | 'Session' | 'IpcRenderer';

const DECLARATIONS: Record<EmitterKind, RegExp> = {
  App: /^ {2}interface App extends /,
  BaseWindow: /^ {2}class BaseWindow extends /,
  BrowserWindow: /^ {2}class BrowserWindow extends /,
  WebContents: /^ {2}class WebContents extends /,
  NativeTheme: /^ {2}interface NativeTheme extends /,
  Screen: /^ {2}interface Screen extends /,
  Session: /^ {2}class Session extends /,
  IpcRenderer: /^ {2}interface IpcRenderer extends /,
};

/** BrowserWindow inherits BaseWindow's events (it `extends BaseWindow` in electron.d.ts). */
const INHERITS: Partial<Record<EmitterKind, EmitterKind>> = { BrowserWindow: 'BaseWindow' };

let cache: Map<EmitterKind, Set<string>> | undefined;

export function electronDtsPath(): string {
  return createRequire(import.meta.url).resolve('electron/electron.d.ts');
}

function parse(): Map<EmitterKind, Set<string>> {
  const lines = readFileSync(electronDtsPath(), 'utf8').split('\n');
  const found = new Map<EmitterKind, Set<string>>();
  for (const [kind, start] of Object.entries(DECLARATIONS) as Array<[EmitterKind, RegExp]>) {
    const first = lines.findIndex((line) => start.test(line));
    if (first < 0) throw new Error(`electron.d.ts no longer declares ${kind}: update tests/support/electronStandIn/eventNames.ts`);
    const names = new Set<string>();
    for (let i = first + 1; i < lines.length && lines[i] !== '  }'; i++) {
      const match = /^ {4}on\(event: '([^']+)'/.exec(lines[i]!);
      if (match) names.add(match[1]!);
    }
    found.set(kind, names);
  }
  for (const [kind, parent] of Object.entries(INHERITS) as Array<[EmitterKind, EmitterKind]>) {
    for (const name of found.get(parent)!) found.get(kind)!.add(name);
  }
  return found;
}

/** The event names Electron declares for this kind of object. */
export function eventNamesOf(kind: EmitterKind): ReadonlySet<string> {
  cache ??= parse();
  return cache.get(kind)!;
}

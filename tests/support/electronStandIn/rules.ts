/**
 * The rules the `electron` stand-in enforces, each with where Electron enforces or documents
 * it. "throws" means Electron itself throws at run time (the stand-in throws the same error,
 * with Electron's own wording); "documented" means Electron's docs state the rule but its run
 * time does not check it, so a broken wiring would misbehave quietly in the real app: the
 * stand-in is stricter there and throws. Sources are files of github.com/electron/electron
 * and pages of https://www.electronjs.org/docs/latest.
 */
export const ELECTRON_RULES = {
  'schemes-before-ready': {
    electron: 'throws',
    message: 'protocol.registerSchemesAsPrivileged should be called before app is ready',
    where: 'shell/browser/api/electron_api_protocol.cc (RegisterSchemesAsPrivileged); docs api/protocol.md: "can only be used before the ready event … and can be called only once"',
  },
  'schemes-once': {
    electron: 'documented',
    message: 'protocol.registerSchemesAsPrivileged can be called only once (a second call replaces the first)',
    where: 'docs api/protocol.md, protocol.registerSchemesAsPrivileged: "can be called only once"',
  },
  'session-after-ready': {
    electron: 'throws',
    message: 'Session can only be received when app is ready',
    where: 'shell/browser/api/electron_api_session.cc (FromPartition); lib/browser/api/protocol.ts forwards protocol.handle to session.defaultSession; docs api/protocol.md: "All methods unless specified can only be used after the ready event"',
  },
  'protocol-handled-once': {
    electron: 'throws',
    message: 'Failed to register protocol: <scheme>',
    where: 'lib/browser/api/protocol.ts (Protocol.prototype.handle: registerProtocol returns false for a scheme already handled)',
  },
  'protocol-response': {
    electron: 'throws',
    message: 'the handler must resolve to a Response (net::ERR_UNEXPECTED otherwise)',
    where: 'lib/browser/api/protocol.ts (validateResponse, ERR_UNEXPECTED)',
  },
  'window-after-ready': {
    electron: 'throws',
    message: 'Cannot create BrowserWindow before app is ready',
    where: 'shell/browser/api/electron_api_browser_window.cc (BrowserWindow::New); docs api/browser-window.md: "cannot be used until the ready event"',
  },
  'menu-after-ready': {
    electron: 'documented',
    message: 'Menu is used only after the app is ready',
    where: 'docs tutorial/application-menu.md and api/menu.md build menus in app.whenReady(); on macOS the menu bar belongs to NSApplication, which has finished launching only at ready, and Electron installs its default menu at ready',
  },
  'screen-after-ready': {
    electron: 'throws',
    message: "The 'screen' module can't be used before the app 'ready' event",
    where: 'shell/browser/api/electron_api_screen.cc; lib/browser/api/screen.ts; docs api/screen.md',
  },
  'sandbox-before-ready': {
    electron: 'throws',
    message: 'app.enableSandbox() can only be called before app is ready',
    where: 'shell/browser/api/electron_api_app.cc (App::EnableSandbox); docs api/app.md app.enableSandbox()',
  },
  'single-instance-before-ready': {
    electron: 'documented',
    message: 'app.requestSingleInstanceLock() is called before the app is ready',
    where: 'docs api/app.md app.requestSingleInstanceLock() (the example takes the lock, and quits without it, before whenReady): a second instance that locks later has already built its windows and menus before it quits',
  },
  'user-data-before-lock': {
    electron: 'documented',
    message: "app.setPath('userData') after requestSingleInstanceLock() splits the instances",
    where: 'shell/browser/api/electron_api_app.cc (RequestSingleInstanceLock keys the lock on DIR_USER_DATA at the time of the call)',
  },
  'set-path-absolute': {
    electron: 'throws',
    message: 'Path must be absolute',
    where: 'shell/browser/api/electron_api_app.cc (App::SetPath)',
  },
  'set-path-exists': {
    electron: 'throws',
    message: 'Failed to set path',
    where: 'shell/browser/api/electron_api_app.cc (App::SetPath, OverrideAndCreateIfNeeded with create = false); docs api/app.md app.setPath: "If the path specifies a directory that does not exist, an Error is thrown"',
  },
  'known-event': {
    electron: 'documented',
    message: 'a listener for an event this object never emits',
    where: 'the event lists of App, BaseWindow, BrowserWindow, WebContents, NativeTheme, Screen and Session in electron.d.ts (generated from docs/api/*.md); Electron accepts any name and never calls the listener',
  },
  'destroyed-object': {
    electron: 'throws',
    message: 'Object has been destroyed',
    where: 'shell/common/gin_helper/function_template.h (a method called on a destroyed BrowserWindow or WebContents)',
  },
  'context-isolation': {
    electron: 'throws',
    message: 'contextBridge API can only be used when contextIsolation is enabled',
    where: 'lib/renderer/api/context-bridge.ts (checkContextIsolationEnabled); docs api/context-bridge.md',
  },
  'bridge-key-free': {
    electron: 'throws',
    message: 'Cannot bind an API on top of an existing property on the window object',
    where: 'shell/renderer/api/electron_api_context_bridge.cc (ExposeAPIInWorld)',
  },
  'bridge-depth': {
    electron: 'throws',
    message: 'Electron contextBridge recursion depth exceeded.  Nested objects deeper than 1000 are not supported.',
    where: 'shell/renderer/api/electron_api_context_bridge.cc (PassValueToOtherContext, kMaxRecursion = 1000)',
  },
  'preload-require': {
    electron: 'throws',
    message: 'module not found: <name>',
    where: 'lib/sandboxed_renderer/preload.ts (preloadRequire); docs tutorial/sandbox.md "Preload scripts": electron, events, timers and url only',
  },
  'ipc-handle-once': {
    electron: 'throws',
    message: "Attempted to register a second handler for '<channel>'",
    where: 'lib/browser/ipc-main-impl.ts (IpcMainImpl.handle)',
  },
  'ipc-handler-function': {
    electron: 'throws',
    message: "Expected handler to be a function, but found type '<type>'",
    where: 'lib/browser/ipc-main-impl.ts (IpcMainImpl.handle)',
  },
  'ipc-no-handler': {
    electron: 'throws',
    message: "Error invoking remote method '<channel>': Error: No handler registered for '<channel>'",
    where: 'lib/browser/ipc-dispatch.ts (-ipc-invoke) and lib/renderer/api/ipc-renderer.ts (invoke)',
  },
  'ipc-clone': {
    electron: 'throws',
    message: 'An object could not be cloned.',
    where: 'docs api/ipc-renderer.md and api/web-contents.md send(): arguments are serialised with the Structured Clone Algorithm; functions, promises, symbols, WeakMaps and WeakSets throw',
  },
} as const satisfies Record<string, { electron: 'throws' | 'documented'; message: string; where: string }>;

export type RuleId = keyof typeof ELECTRON_RULES;

/** An error the stand-in throws for a call Electron would refuse (or that the docs forbid). */
export class ElectronRuleError extends Error {
  constructor(
    readonly rule: RuleId,
    message: string = ELECTRON_RULES[rule].message,
  ) {
    super(message);
    this.name = 'Error';
  }
}

/** Electron throws TypeError for some of these; the stand-in does the same. */
export class ElectronRuleTypeError extends TypeError {
  constructor(
    readonly rule: RuleId,
    message: string = ELECTRON_RULES[rule].message,
  ) {
    super(message);
  }
}

export function ruleOf(error: unknown): RuleId | undefined {
  return error instanceof ElectronRuleError || error instanceof ElectronRuleTypeError ? error.rule : undefined;
}

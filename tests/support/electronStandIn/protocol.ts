import type { CustomScheme, Protocol, Session } from 'electron';
import { ElectronRuleError } from './rules.js';
import type { StandInRuntime } from './runtime.js';

type Handler = Parameters<Protocol['handle']>[1];

/**
 * `protocol` and `session.defaultSession`. Privileged schemes are registered before ready,
 * once; handlers only after ready (protocol.handle goes through session.defaultSession,
 * which does not exist before ready), once per scheme. `fetch` plays Chromium asking for a
 * URL of a handled scheme: a real Request in, and the handler must answer with a Response.
 */
export class StandInProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'> {
  readonly privileged: CustomScheme[] = [];
  private schemesRegistered = false;
  private readonly handlers = new Map<string, Handler>();

  constructor(private readonly rt: StandInRuntime) {}

  readonly registerSchemesAsPrivileged: Protocol['registerSchemesAsPrivileged'] = (customSchemes) => {
    this.rt.log.record('protocol.registerSchemesAsPrivileged', [customSchemes]);
    this.rt.requireNotReady('schemes-before-ready');
    if (this.schemesRegistered) throw new ElectronRuleError('schemes-once');
    this.schemesRegistered = true;
    this.privileged.push(...customSchemes);
  };

  readonly handle: Protocol['handle'] = (scheme, handler) => {
    this.rt.log.record('protocol.handle', [scheme]);
    this.rt.requireReady('session-after-ready', 'TypeError');
    if (this.handlers.has(scheme)) throw new ElectronRuleError('protocol-handled-once', `Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  };

  readonly unhandle: Protocol['unhandle'] = (scheme) => {
    this.rt.log.record('protocol.unhandle', [scheme]);
    this.rt.requireReady('session-after-ready', 'TypeError');
    if (!this.handlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`);
  };

  readonly isProtocolHandled: Protocol['isProtocolHandled'] = (scheme) => {
    this.rt.log.record('protocol.isProtocolHandled', [scheme]);
    this.rt.requireReady('session-after-ready', 'TypeError');
    return this.handlers.has(scheme);
  };

  /** The privileges the app registered for a scheme, if any. */
  privilegesOf(scheme: string): CustomScheme['privileges'] | undefined {
    return this.privileged.find((s) => s.scheme === scheme)?.privileges;
  }

  /** Ask the app's handler for a URL, as Chromium does for a page or a file it loads. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME: nothing handles ${scheme}:`);
    const response: unknown = await handler(new Request(url, init) as Parameters<Handler>[0]);
    if (!(response instanceof Response)) throw new ElectronRuleError('protocol-response', `The ${scheme}: handler answered ${url} with something that is not a Response (net::ERR_UNEXPECTED)`);
    return response;
  }
}

type SessionMember = 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerLanguages' | 'getSpellCheckerLanguages';

/** The default session: permission handlers and spell-check languages, as the shell sets them. */
export class StandInSession implements Pick<Session, SessionMember> {
  permissionRequest: Parameters<Session['setPermissionRequestHandler']>[0] = null;
  permissionCheck: Parameters<Session['setPermissionCheckHandler']>[0] = null;
  devicePermission: Parameters<Session['setDevicePermissionHandler']>[0] = null;
  private languages: string[] = ['en-US'];

  constructor(
    private readonly rt: StandInRuntime,
    readonly protocol: StandInProtocol,
  ) {}

  readonly setPermissionRequestHandler: Session['setPermissionRequestHandler'] = (handler) => {
    this.rt.log.record('session.setPermissionRequestHandler', [handler]);
    this.permissionRequest = handler;
  };

  readonly setPermissionCheckHandler: Session['setPermissionCheckHandler'] = (handler) => {
    this.rt.log.record('session.setPermissionCheckHandler', [handler]);
    this.permissionCheck = handler;
  };

  readonly setDevicePermissionHandler: Session['setDevicePermissionHandler'] = (handler) => {
    this.rt.log.record('session.setDevicePermissionHandler', [handler]);
    this.devicePermission = handler;
  };

  readonly setSpellCheckerLanguages: Session['setSpellCheckerLanguages'] = (languages) => {
    this.rt.log.record('session.setSpellCheckerLanguages', [languages]);
    this.languages = [...languages];
  };

  readonly getSpellCheckerLanguages: Session['getSpellCheckerLanguages'] = () => [...this.languages];
}

/** `session`: `defaultSession` exists only once the app is ready (electron_api_session.cc). */
export function sessionModule(rt: StandInRuntime, defaultSession: StandInSession): { readonly defaultSession: StandInSession } {
  return {
    get defaultSession() {
      rt.log.record('session.defaultSession', []);
      rt.requireReady('session-after-ready', 'TypeError');
      return defaultSession;
    },
  };
}

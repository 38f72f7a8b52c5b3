import type { Envelope, MethodName } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';

/**
 * How a call reaches the back end: Electron's preload bridge, or HTTP to the browser host.
 * Kept apart from hostClient (which builds the typed client from the contract table, and so
 * loads zod and every schema) so the start-up prefetch of a pack (pack/packPrefetch.ts) can
 * call the host before the rest of the app's code has even been compiled. Only type imports
 * from the contract here.
 */
export type RawCall = (method: MethodName, args: unknown) => Promise<Envelope<unknown>>;

declare global {
  interface Window {
    briefing?: Record<MethodName, (args: unknown) => Promise<Envelope<unknown>>>;
  }
}

const TOKEN_KEY = 'briefing-token';

/**
 * The browser host passes its per-launch token in the URL fragment; keep it for reloads. The
 * first use of sessionStorage on a page waits on the browser (several ms at start-up), so it
 * is written after the first requests are on their way.
 */
export function browserToken(): string {
  const match = /token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    setTimeout(() => sessionStorage.setItem(TOKEN_KEY, match[1]!), 0);
    return match[1]!;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * Whether the browser host answers (issue 13: reconnection). 'unreachable': no answer at all
 * (stopped, restarting); 'refused': it answers but no longer accepts this page's token (started
 * with a new one). Electron's transport never changes it.
 */
export type HostReachability = 'reachable' | 'unreachable' | 'refused';
let reachability: HostReachability = 'reachable';
const reachabilityListeners = new Set<(state: HostReachability) => void>();

function setReachability(next: HostReachability): void {
  if (next === reachability) return;
  reachability = next;
  for (const listener of [...reachabilityListeners]) listener(next);
}

export function hostReachability(): HostReachability {
  return reachability;
}

export function onHostReachability(listener: (state: HostReachability) => void): () => void {
  reachabilityListeners.add(listener);
  return () => void reachabilityListeners.delete(listener);
}

function httpTransport(): RawCall {
  const token = browserToken();
  return async (method, args) => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      setReachability('unreachable');
      return {
        ok: false,
        error: { code: 'UNAVAILABLE', message: 'Briefing Studio’s host is not answering (it may have been stopped). Your text is still here; it is saved as soon as the host runs again.' },
      };
    }
    setReachability(response.status === 401 ? 'refused' : 'reachable');
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'UNKNOWN', message: `The host answered with an unexpected response (HTTP ${response.status}).` } };
    }
  };
}

function electronTransport(bridge: NonNullable<Window['briefing']>): RawCall {
  return (method, args) => bridge[method](args);
}

let transport: RawCall | null = null;

/** Call a host method by name; resolves to its result or throws its HostError. */
export async function callHost(method: MethodName, args: unknown): Promise<unknown> {
  transport ??= window.briefing ? electronTransport(window.briefing) : httpTransport();
  const envelope = await transport(method, args ?? {});
  if (!envelope.ok) throw new HostError(envelope.error.code, envelope.error.message);
  return envelope.result;
}

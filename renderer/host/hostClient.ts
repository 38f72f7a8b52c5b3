import { METHOD_NAMES, type Envelope, type HostApi, type MethodName } from '../../shared/api/contract.js';
import { HostError } from '../../shared/api/errors.js';

/**
 * The renderer's only way to reach the back end. It calls methods from the contract table
 * by name and never knows whether Electron's preload or the browser host carries them.
 */
type RawCall = (method: MethodName, args: unknown) => Promise<Envelope<unknown>>;

declare global {
  interface Window {
    briefing?: Record<MethodName, (args: unknown) => Promise<Envelope<unknown>>>;
  }
}

const TOKEN_KEY = 'briefing-token';

/** The browser host passes its per-launch token in the URL fragment; keep it for reloads. */
function browserToken(): string {
  const match = /token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    return match[1]!;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
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
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'Briefing Studio’s host is not running. Start it again with `npm run serve`; your unsaved text is still here.' } };
    }
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

export function createHostClient(): HostApi {
  const call: RawCall = window.briefing ? electronTransport(window.briefing) : httpTransport();
  const api = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) {
    api[name] = async (args: unknown) => {
      const envelope = await call(name, args ?? {});
      if (!envelope.ok) throw new HostError(envelope.error.code, envelope.error.message);
      return envelope.result;
    };
  }
  return api as unknown as HostApi;
}

export const host: HostApi = createHostClient();

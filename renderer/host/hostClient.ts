import type { HostApi, MethodName } from '../../shared/api/contract.js';
import { callHost } from './hostTransport.js';

/**
 * The renderer's only way to reach the back end. It calls methods from the contract table
 * by name and never knows whether Electron's preload or the browser host carries them
 * (hostTransport.ts). Typed by the contract; built from names on first use rather than from
 * the contract module itself, which holds every zod schema and is not needed at start-up
 * (the back end validates every argument).
 */
export function createHostClient(): HostApi {
  const methods = new Map<string, (args: unknown) => Promise<unknown>>();
  return new Proxy({} as HostApi, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      let method = methods.get(name);
      if (!method) methods.set(name, (method = (args: unknown) => callHost(name as MethodName, args)));
      return method;
    },
  });
}

export const host: HostApi = createHostClient();

import { METHOD_NAMES, type HostApi, type MethodName } from '../../shared/api/contract.js';
import { callHost } from './hostTransport.js';

/**
 * The renderer's only way to reach the back end. It calls methods from the contract table
 * by name and never knows whether Electron's preload or the browser host carries them
 * (hostTransport.ts).
 */
export function createHostClient(): HostApi {
  const api = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) api[name] = (args: unknown) => callHost(name, args);
  return api as unknown as HostApi;
}

export const host: HostApi = createHostClient();

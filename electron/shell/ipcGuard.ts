import type { Envelope, HostHandlers } from '../../shared/api/contract.js';
import { dispatch } from '../dispatch.js';
import { isAppUrl } from './window.js';
import { valueDepthExceeds } from '../limits.js';

/**
 * Every IPC call from a renderer passes through here before reaching the services: the
 * sender must be the top-level frame of one of our own windows showing our own app:// page,
 * and the arguments must be a plain object within the nesting limit, then the contract's
 * schema validates them (dispatch.ts). Pure: main.ts hands in Electron's event.
 */

/** The parts of Electron's IpcMainInvokeEvent this guard reads. */
export interface IpcEventLike {
  senderFrame?: { url: string; parent: unknown } | null;
  sender?: { id: number } | null;
}

export interface IpcGuardOptions {
  /** Is this webContents id one of the app's own windows? */
  isTrustedContents(id: number): boolean;
}

const refused = (message: string): Envelope<never> => ({ ok: false, error: { code: 'PERMISSION', message } });

/** Why the sender may not call the back end, or null when it may. */
export function senderProblem(event: IpcEventLike, options: IpcGuardOptions): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the calling page has gone away';
  if (frame.parent !== null) return 'calls from embedded frames are not allowed';
  if (!isAppUrl(frame.url)) return 'calls from pages outside Briefing Studio are not allowed';
  if (!event.sender || !options.isTrustedContents(event.sender.id)) return 'calls from unknown windows are not allowed';
  return null;
}

export async function guardedCall(handlers: HostHandlers, options: IpcGuardOptions, name: string, event: IpcEventLike, args: unknown): Promise<Envelope<unknown>> {
  const problem = senderProblem(event, options);
  if (problem) return refused(`This request was refused: ${problem}.`);
  if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args))) {
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Invalid arguments for ${name}: expected an object.` } };
  }
  if (valueDepthExceeds(args)) {
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Invalid arguments for ${name}: nested too deeply.` } };
  }
  const outcome = await dispatch(handlers, name, args);
  if (outcome.kind === 'unknown-method') return { ok: false, error: { code: 'NOT_FOUND', message: `There is no method called "${name}".` } };
  return outcome.envelope;
}

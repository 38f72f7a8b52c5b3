import { hostMethods, isMethodName, type Envelope, type HostHandlers, type MethodName } from '../shared/api/contract.js';
import { HostError, fromNodeError } from '../shared/api/errors.js';
import { readableIssues } from '../shared/pack/readableIssues.js';

export type DispatchOutcome =
  | { kind: 'unknown-method' }
  | { kind: 'invalid-arguments'; envelope: Envelope<never> }
  | { kind: 'done'; envelope: Envelope<unknown> };

/**
 * Validate a call against the contract table and run it. Both transports (IPC and HTTP)
 * go through here, so argument checking and error mapping happen in exactly one place.
 */
export async function dispatch(handlers: HostHandlers, name: string, rawArgs: unknown): Promise<DispatchOutcome> {
  if (!isMethodName(name)) return { kind: 'unknown-method' };
  const parsed = hostMethods[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      kind: 'invalid-arguments',
      envelope: { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Invalid arguments for ${name}: ${readableIssues(parsed.error)}.` } },
    };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return { kind: 'done', envelope: { ok: true, result: await handler(parsed.data) } };
  } catch (err) {
    const error = err instanceof HostError ? err : fromNodeError(err, describeCall(name));
    return { kind: 'done', envelope: { ok: false, error: error.toJSON() } };
  }
}

function describeCall(name: MethodName): string {
  return `The request "${name}"`;
}

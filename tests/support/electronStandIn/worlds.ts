import vm from 'node:vm';
import { ElectronRuleTypeError } from './rules.js';

/**
 * Copying values between two JavaScript worlds (node:vm contexts) the way Electron's
 * contextBridge does (docs api/context-bridge.md, "Parameter / Error / Return Type support"):
 * functions are proxied (a call crosses back, its arguments and result copied each way),
 * promises are proxied, errors arrive as a new Error with the message, objects and arrays
 * are copied without their prototype, symbols are dropped, and an exposed API is frozen.
 * Each copy is made of the receiving world's own Object, Array, Promise and Error, so the
 * page can never reach the preload's objects (or Node's) through a prototype.
 */
export interface World {
  context: vm.Context;
  Object: ObjectConstructor;
  Array: ArrayConstructor;
  Promise: PromiseConstructor;
  Error: ErrorConstructor;
  /** A function of this world that calls `impl` with its arguments (as an array). */
  makeFunction(impl: (args: unknown[]) => { value?: unknown; threw?: boolean; message?: string }): (...args: unknown[]) => unknown;
}

const WORLD_PRIMITIVES = `({
  Object, Array, Promise, Error,
  makeFunction: (impl) => function () {
    const outcome = impl(Array.prototype.slice.call(arguments));
    if (outcome.threw) throw new Error(outcome.message);
    return outcome.value;
  },
})`;

export function worldOf(context: vm.Context): World {
  return { context, ...(vm.runInContext(WORLD_PRIMITIVES, context) as Omit<World, 'context'>) };
}

const tagOf = (value: unknown) => Object.prototype.toString.call(value);

/** Electron refuses values nested deeper than this (shell/renderer/api/electron_api_context_bridge.cc, kMaxRecursion). */
export const MAX_BRIDGE_DEPTH = 1000;

/** Copy `value` from one world into another. */
export function copyAcross(value: unknown, from: World, to: World, options: { freeze?: boolean } = {}, seen = new Map<object, unknown>(), depth = 0): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return typeof value === 'symbol' ? undefined : value;
  }
  if (seen.has(value)) return seen.get(value);
  if (depth >= MAX_BRIDGE_DEPTH) throw new ElectronRuleTypeError('bridge-depth');
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const proxy = to.makeFunction((args) => {
      try {
        const result = fn(...args.map((arg) => copyAcross(arg, to, from)));
        return { value: copyAcross(result, from, to) };
      } catch (err) {
        return { threw: true, message: err instanceof Error || (err && typeof err === 'object' && 'message' in err) ? String((err as Error).message) : String(err) };
      }
    });
    seen.set(value, proxy);
    return proxy;
  }
  const tag = tagOf(value);
  if (tag === '[object Promise]') {
    return new to.Promise((resolve, reject) => {
      (value as Promise<unknown>).then(
        (result) => resolve(copyAcross(result, from, to)),
        (err) => reject(new to.Error(err && typeof err === 'object' && 'message' in err ? String((err as Error).message) : String(err))),
      );
    });
  }
  if (tag === '[object Error]') return new to.Error(String((value as Error).message));
  if (tag === '[object Array]') {
    const copy = new to.Array();
    seen.set(value, copy);
    for (const item of value as unknown[]) copy.push(copyAcross(item, from, to, options, seen, depth + 1));
    return options.freeze ? to.Object.freeze(copy) : copy;
  }
  if (tag === '[object Object]') {
    const copy = new to.Object() as Record<string, unknown>;
    seen.set(value, copy);
    for (const key of Object.keys(value)) copy[key] = copyAcross((value as Record<string, unknown>)[key], from, to, options, seen, depth + 1);
    return options.freeze ? to.Object.freeze(copy) : copy;
  }
  // Dates, typed arrays, Maps and the like: structured-cloneable values are copied as such.
  return structuredClone(value);
}

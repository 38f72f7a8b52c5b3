import { EventEmitter } from 'node:events';
import { eventNamesOf, type EmitterKind } from './eventNames.js';
import { ElectronRuleError } from './rules.js';

/** One call the app made into the stand-in, in order, with whether the app was ready then. */
export interface RecordedCall {
  seq: number;
  api: string;
  args: unknown[];
  afterReady: boolean;
}

/** Every call into the stand-in, so tests can check order ("before ready", "once per channel"). */
export class CallLog {
  readonly calls: RecordedCall[] = [];
  private ready = false;

  markReady(): void {
    this.ready = true;
  }

  record(api: string, args: unknown[]): void {
    this.calls.push({ seq: this.calls.length, api, args, afterReady: this.ready });
  }

  /** Calls of one API ('app.setPath', 'ipcMain.handle', …). */
  of(api: string): RecordedCall[] {
    return this.calls.filter((c) => c.api === api);
  }

  first(api: string): RecordedCall | undefined {
    return this.calls.find((c) => c.api === api);
  }

  apis(): string[] {
    return this.calls.map((c) => c.api);
  }
}

/** A preventable Electron event object (`event.preventDefault()`). */
export interface StandInEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function newEvent<T extends object>(fields: T = {} as T): T & StandInEvent {
  let prevented = false;
  // defineProperty, not Object.assign: assign would copy the getter's value once, not the getter.
  Object.defineProperty(fields, 'preventDefault', { value: () => void (prevented = true), enumerable: true });
  Object.defineProperty(fields, 'defaultPrevented', { get: () => prevented, enumerable: true });
  return fields as T & StandInEvent;
}

/**
 * An EventEmitter that accepts listeners only for events the Electron object of `kind`
 * emits (see eventNames.ts) and records each subscription in the call log.
 */
export class CheckedEmitter extends EventEmitter {
  constructor(
    private readonly kind: EmitterKind,
    private readonly label: string,
    protected readonly log: CallLog,
  ) {
    super();
  }

  private check(event: string | symbol, how: string): void {
    this.log.record(`${this.label}.${how}`, [event]);
    if (typeof event === 'string' && !eventNamesOf(this.kind).has(event)) {
      throw new ElectronRuleError('known-event', `${this.label}.${how}('${event}'): Electron's ${this.kind} never emits '${event}' (see electron.d.ts), so this listener would never run`);
    }
  }

  override on(event: string | symbol, listener: (...args: any[]) => void): this {
    this.check(event, 'on');
    return super.on(event, listener);
  }

  override once(event: string | symbol, listener: (...args: any[]) => void): this {
    this.check(event, 'once');
    return super.once(event, listener);
  }

  override addListener(event: string | symbol, listener: (...args: any[]) => void): this {
    this.check(event, 'addListener');
    return super.addListener(event, listener);
  }
}

import { EventEmitter } from 'node:events';
import type { IpcMain, IpcRenderer } from 'electron';
import { ElectronRuleError } from './rules.js';
import type { StandInRuntime } from './runtime.js';
import type { StandInFrame, StandInWebContents } from './webContents.js';

/**
 * IPC as Electron does it: arguments and results are structured-cloned (so a function or a
 * class instance cannot cross), `ipcMain.handle` takes one handler per channel, and an
 * invoke on a channel with no handler rejects with Electron's message
 * (lib/browser/ipc-main-impl.ts, lib/browser/ipc-dispatch.ts, lib/renderer/api/ipc-renderer.ts).
 */
export function cloneForIpc<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch (err) {
    throw new ElectronRuleError('ipc-clone', `An object could not be cloned. (${err instanceof Error ? err.message : String(err)})`);
  }
}

type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: any[]) => any;

/** What a renderer's invoke carries to main: who sent it and from which frame. */
export interface InvokeSender {
  contents: StandInWebContents;
  frame: StandInFrame;
}

export class StandInIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'handleOnce' | 'removeHandler'> {
  private readonly handlers = new Map<string, InvokeHandler>();

  constructor(private readonly rt: StandInRuntime) {
    super();
  }

  readonly handle: IpcMain['handle'] = (channel, listener) => {
    this.rt.log.record('ipcMain.handle', [channel]);
    if (this.handlers.has(channel)) throw new ElectronRuleError('ipc-handle-once', `Attempted to register a second handler for '${channel}'`);
    if (typeof listener !== 'function') throw new ElectronRuleError('ipc-handler-function', `Expected handler to be a function, but found type '${typeof listener}'`);
    this.handlers.set(channel, listener);
  };

  readonly handleOnce: IpcMain['handleOnce'] = (channel, listener) => {
    this.rt.log.record('ipcMain.handleOnce', [channel]);
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  };

  readonly removeHandler: IpcMain['removeHandler'] = (channel) => {
    this.rt.log.record('ipcMain.removeHandler', [channel]);
    this.handlers.delete(channel);
  };

  private readonly held = new Map<string, Promise<void>>();

  /**
   * Hold every call on a channel until the returned function is called (a test's slow disk
   * or network drive): the calls wait in main, as they would behind a slow handler.
   */
  hold(channel: string): () => void {
    let release!: () => void;
    this.held.set(channel, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.held.delete(channel);
      release();
    };
  }

  /** The channels that have a handler now. */
  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * A renderer's ipcRenderer.invoke arriving in main: `{ result }` or `{ error }` as
   * Electron's reply channel carries them (the renderer turns an error into its rejection).
   */
  async dispatchInvoke(sender: InvokeSender, channel: string, args: unknown[]): Promise<{ result?: unknown; error?: string }> {
    await this.held.get(channel);
    const handler = this.handlers.get(channel);
    if (!handler) return { error: String(new Error(`No handler registered for '${channel}'`)) };
    const event = {
      type: 'frame',
      sender: sender.contents,
      senderFrame: sender.frame,
      frameId: sender.frame.routingId,
      processId: sender.frame.processId,
      preventDefault: () => undefined,
      defaultPrevented: false,
    } as unknown as Electron.IpcMainInvokeEvent;
    try {
      return { result: cloneForIpc(await handler(event, ...cloneForIpc(args))) };
    } catch (err) {
      return { error: String(err) };
    }
  }
}

/**
 * One page's `ipcRenderer` (the preload's side of IPC). Listeners get (event, ...args) where
 * the event carries `sender` (this ipcRenderer), as in Electron.
 */
export class StandInIpcRenderer extends EventEmitter implements Pick<IpcRenderer, 'invoke'> {
  constructor(
    private readonly rt: StandInRuntime,
    private readonly ipcMain: StandInIpcMain,
    private readonly sender: () => InvokeSender,
  ) {
    super();
  }

  readonly invoke: IpcRenderer['invoke'] = async (channel, ...args) => {
    this.rt.log.record('ipcRenderer.invoke', [channel]);
    const { error, result } = await this.ipcMain.dispatchInvoke(this.sender(), channel, cloneForIpc(args));
    if (error) throw new Error(`Error invoking remote method '${channel}': ${error}`);
    return result;
  };

  /** main's webContents.send arriving here. */
  deliver(channel: string, args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners(channel)) this.rt.guard(() => (listener as (...a: unknown[]) => unknown)(event, ...args));
  }
}

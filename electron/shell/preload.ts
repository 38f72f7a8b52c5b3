import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { HOST_EVENT_NAMES, METHOD_NAMES, hostEvents, type HostEventName } from '../../shared/api/contract.js';
import { eventChannel, ipcChannel } from './ipcChannel.js';

// No `new Function` probe from zod: the page's Content Security Policy forbids eval, and
// Chromium would report the probe as a violation (see renderer/zodWithoutEval.ts).
z.config({ jitless: true });

// Built as CommonJS (esbuild, dist/electron/preload.cjs) because sandboxed preloads cannot
// load ES modules. Exposes exactly the host contract on window.briefing: one function per
// method, each returning the envelope from main, and one subscribe function per host event
// on window.briefingEvents. No ipcRenderer, no Node, no Electron API leaks out: listeners
// receive only the validated payload, never the IPC event (which carries `sender`).
contextBridge.exposeInMainWorld(
  'briefing',
  Object.fromEntries(METHOD_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args)])),
);

/** Events that arrive before the page subscribes (a file opened at launch) wait here. */
const MAX_BACKLOG = 20;
const listeners = new Map<HostEventName, Set<(payload: unknown) => void>>();
const backlog = new Map<HostEventName, unknown[]>();

for (const name of HOST_EVENT_NAMES) {
  listeners.set(name, new Set());
  backlog.set(name, []);
  ipcRenderer.on(eventChannel(name), (_event: unknown, payload: unknown) => {
    const parsed = hostEvents[name].safeParse(payload);
    if (!parsed.success) return;
    const current = listeners.get(name)!;
    if (current.size === 0) {
      const waiting = backlog.get(name)!;
      if (waiting.length < MAX_BACKLOG) waiting.push(parsed.data);
      return;
    }
    for (const listener of current) listener(parsed.data);
  });
}

function flush(name: HostEventName): void {
  const current = listeners.get(name)!;
  if (current.size === 0) return;
  for (const payload of backlog.get(name)!.splice(0)) for (const listener of current) listener(payload);
}

contextBridge.exposeInMainWorld(
  'briefingEvents',
  Object.fromEntries(
    HOST_EVENT_NAMES.map((name) => [
      name,
      (listener: (payload: unknown) => void) => {
        if (typeof listener !== 'function') return () => undefined;
        listeners.get(name)!.add(listener);
        // Deliver waiting events once the page has finished subscribing (React registers all
        // of a screen's listeners in one pass), to every listener, not just the first.
        if (backlog.get(name)!.length) setTimeout(() => flush(name), 0);
        return () => void listeners.get(name)!.delete(listener);
      },
    ]),
  ),
);

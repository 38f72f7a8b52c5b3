import { contextBridge, ipcRenderer } from 'electron';
import { HOST_EVENT_NAMES, METHOD_NAMES, hostEvents } from '../shared/api/contract.js';
import { eventChannel, ipcChannel } from './ipcChannel.js';

// Built as CommonJS (esbuild, dist/electron/preload.cjs) because sandboxed preloads cannot
// load ES modules. Exposes exactly the host contract on window.briefing: one function per
// method, each returning the envelope from main, and one subscribe function per host event
// on window.briefingEvents. No ipcRenderer, no Node, no Electron API leaks out: listeners
// receive only the validated payload, never the IPC event (which carries `sender`).
contextBridge.exposeInMainWorld(
  'briefing',
  Object.fromEntries(METHOD_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args)])),
);

contextBridge.exposeInMainWorld(
  'briefingEvents',
  Object.fromEntries(
    HOST_EVENT_NAMES.map((name) => [
      name,
      (listener: (payload: unknown) => void) => {
        if (typeof listener !== 'function') return () => undefined;
        const forward = (_event: unknown, payload: unknown) => {
          const parsed = hostEvents[name].safeParse(payload);
          if (parsed.success) listener(parsed.data);
        };
        ipcRenderer.on(eventChannel(name), forward);
        return () => void ipcRenderer.removeListener(eventChannel(name), forward);
      },
    ]),
  ),
);

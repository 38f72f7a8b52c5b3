import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../shared/api/contract.js';
import { ipcChannel } from './ipcChannel.js';

// Exposes exactly the host contract on window.briefing: one function per method, each
// returning the envelope from main. No ipcRenderer, no Node, no Electron API leaks out.
contextBridge.exposeInMainWorld(
  'briefing',
  Object.fromEntries(METHOD_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args)])),
);

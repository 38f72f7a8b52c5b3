/** The IPC channel that carries one host method. */
export function ipcChannel(method: string): string {
  return `briefing:${method}`;
}

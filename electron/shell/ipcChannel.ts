/** The IPC channel that carries one host method (renderer -> main, invoke/handle). */
export function ipcChannel(method: string): string {
  return `briefing:${method}`;
}

/** The IPC channel that carries one host event (main -> renderer, one way). */
export function eventChannel(event: string): string {
  return `briefing-event:${event}`;
}

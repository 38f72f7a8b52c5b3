import { useEffect, useRef } from 'react';
import { hostEvents, type HostEventName, type HostEventPayload, type MenuCommandName } from '../../shared/api/contract.js';

/**
 * One-way events from the back end (the Electron shell's native menu, files opened from the
 * OS). Preload exposes `window.briefingEvents.<name>(listener)`; the browser host has no
 * native menu, so there the subscription simply never fires.
 */
type Unsubscribe = () => void;

declare global {
  interface Window {
    briefingEvents?: Record<HostEventName, (listener: (payload: unknown) => void) => Unsubscribe>;
  }
}

export function onHostEvent<E extends HostEventName>(name: E, listener: (payload: HostEventPayload<E>) => void): Unsubscribe {
  const subscribe = window.briefingEvents?.[name];
  if (!subscribe) return () => undefined;
  return subscribe((payload) => {
    // Validated in preload too; checked again here so the renderer trusts nothing it did not parse.
    const parsed = hostEvents[name].safeParse(payload);
    if (parsed.success) listener(parsed.data as HostEventPayload<E>);
  });
}

/** Run `handler` when the native menu sends `command` (while the calling component is mounted). */
export function useMenuCommand(command: MenuCommandName, handler: (payload: HostEventPayload<'menuCommand'>) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      onHostEvent('menuCommand', (payload) => {
        if (payload.command === command) latest.current(payload);
      }),
    [command],
  );
}

import { useEffect, useRef } from 'react';
import type { HostEventName, HostEventPayload, MenuCommandName } from '../../shared/api/contract.js';

/**
 * One-way events from the back end (the Electron shell's native menu, files opened from the
 * OS). Preload exposes `window.briefingEvents.<name>(listener)`; the browser host has no
 * native menu, so there the subscription simply never fires.
 */

/** The payload schemas live in the contract (zod), imported when the first event arrives. */
let contract: Promise<typeof import('../../shared/api/contract.js')> | null = null;
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
    void (contract ??= import('../../shared/api/contract.js')).then(({ hostEvents }) => {
      const parsed = hostEvents[name].safeParse(payload);
      if (parsed.success) listener(parsed.data as HostEventPayload<E>);
    });
  });
}

/** How many mounted components handle each menu command right now. */
const handlerCounts = new Map<MenuCommandName, number>();

/** Run `handler` when the native menu sends `command` (while the calling component is mounted). */
export function useMenuCommand(command: MenuCommandName, handler: (payload: HostEventPayload<'menuCommand'>) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    handlerCounts.set(command, (handlerCounts.get(command) ?? 0) + 1);
    const unsubscribe = onHostEvent('menuCommand', (payload) => {
      if (payload.command === command) latest.current(payload);
    });
    return () => {
      handlerCounts.set(command, (handlerCounts.get(command) ?? 1) - 1);
      unsubscribe();
    };
  }, [command]);
}

/**
 * Menu commands nothing on screen handles (Save with no pack open, a feature not in this
 * build): `handler` runs so the user gets an answer instead of a menu item that does nothing.
 */
export function useUnhandledMenuCommands(handler: (command: MenuCommandName) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      onHostEvent('menuCommand', (payload) => {
        if (!handlerCounts.get(payload.command)) latest.current(payload.command);
      }),
    [],
  );
}

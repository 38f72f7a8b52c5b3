import { useEffect, useRef } from 'react';

/**
 * Before the app switches away from an open pack for a reason the pack screen did not start
 * (a native menu command: New, Open, Close), it asks the mounted screen to save first.
 * A guard resolves true when it is safe to leave.
 */
const guards = new Set<() => Promise<boolean>>();

export function useLeaveGuard(guard: () => Promise<boolean>): void {
  const latest = useRef(guard);
  latest.current = guard;
  useEffect(() => {
    const run = () => latest.current();
    guards.add(run);
    return () => void guards.delete(run);
  }, []);
}

/** True when every mounted guard saved successfully, or the user chose to leave anyway. */
export async function confirmLeave(): Promise<boolean> {
  const results = await Promise.all([...guards].map((guard) => guard().catch(() => false)));
  if (results.every(Boolean)) return true;
  return window.confirm('Your latest changes could not be saved. If you leave this pack now they will be lost. Leave anyway?');
}

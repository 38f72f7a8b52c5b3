/**
 * A minimal observable value for a framework-free model: the state is replaced (never mutated)
 * on every change, so React's useSyncExternalStore can compare snapshots by identity.
 */
export class Store<S extends object> {
  private state: S;
  private readonly listeners = new Set<() => void>();

  constructor(initial: S) {
    this.state = initial;
  }

  get = (): S => this.state;

  /** Merge a change; listeners run only when some value really changed. */
  set(change: Partial<S> | ((state: S) => Partial<S>)): void {
    const patch = typeof change === 'function' ? change(this.state) : change;
    let changed = false;
    for (const key of Object.keys(patch) as Array<keyof S>) {
      if (!Object.is(this.state[key], patch[key])) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

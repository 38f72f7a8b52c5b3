import { Component, Suspense, lazy, type ComponentType, type ReactNode } from 'react';

/**
 * Parts of the app that opening a pack does not need (the settings screen, the export dialog,
 * the template gallery) are imported with import(): their code is in the app's bundle (see
 * vite.config.ts) but only run when first imported, so start-up runs less; they are what
 * brings zod and the schemas into the renderer. Each is imported in the background once the
 * app is idle after start-up (preloadLazyParts), so opening one later is as quick as before.
 */
const loaders: Array<() => Promise<unknown>> = [];

/** A component imported when first shown: `lazyPart(() => import('./X.js'), (m) => m.X)`. */
export function lazyPart<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): ComponentType<P> {
  let loading: Promise<M> | null = null;
  const once = () => (loading ??= load().catch((error: unknown) => {
    loading = null; // let a later attempt try again
    throw error;
  }));
  loaders.push(once);
  return lazy(async () => ({ default: pick(await once()) }));
}

/** Import every lazy part now (called when the app is idle after start-up). */
export function preloadLazyParts(): void {
  for (const load of loaders) void load().catch(() => undefined);
}

/** Where a lazy part is shown: nothing (or `fallback`) while it loads, plain English if it cannot. */
export function LazyPart(props: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <LoadFailureBoundary>
      <Suspense fallback={props.fallback ?? null}>{props.children}</Suspense>
    </LoadFailureBoundary>
  );
}

class LoadFailureBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) {
      return (
        <p role="alert" className="error-banner">
          This part of Briefing Studio could not be loaded. Close the app and open it again; your saved work is safe.
        </p>
      );
    }
    return this.props.children;
  }
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { TemplateGallery } from '../../shared/templates/api.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';

/**
 * How often an open gallery looks at the folders again, so a template dropped into the
 * shared folder (or removed from it) shows without closing the gallery. Each look re-reads
 * only files that changed, and the host answers within its shared-folder timeout.
 */
export const GALLERY_REFRESH_MS = 3000;

/** The template gallery's data: loaded on open, refreshed on a timer and on window focus. */
export function useTemplateGallery() {
  const [gallery, setGallery] = useState<TemplateGallery | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const load = useCallback(async () => {
    try {
      setGallery(await host.listTemplates({}));
      setLoadError(null);
    } catch (err) {
      setLoadError(messageOf(err));
    }
  }, []);

  /**
   * Look at the folders again. Timer ticks never stack (a slow shared folder must not queue
   * one scan per tick); after an action, `fresh` waits for any running look and then looks
   * again, so the list shows what the action just changed.
   */
  const refresh = useCallback(
    async (fresh = false) => {
      if (inFlight.current) {
        if (!fresh) return inFlight.current;
        await inFlight.current.catch(() => undefined);
      }
      const run = load().finally(() => {
        if (inFlight.current === run) inFlight.current = null;
      });
      inFlight.current = run;
      return run;
    },
    [load],
  );

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), GALLERY_REFRESH_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  return { gallery, loadError, refresh };
}

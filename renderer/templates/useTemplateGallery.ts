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
  const busy = useRef(false);

  const refresh = useCallback(async () => {
    // Never stack requests: a slow shared folder must not queue up one scan per tick.
    if (busy.current) return;
    busy.current = true;
    try {
      setGallery(await host.listTemplates({}));
      setLoadError(null);
    } catch (err) {
      setLoadError(messageOf(err));
    } finally {
      busy.current = false;
    }
  }, []);

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

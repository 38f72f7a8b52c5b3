import { useCallback, useEffect, useState } from 'react';
import { useMediaQuery } from '../common/useMediaQuery.js';
import { readScreenPrefs, updateScreenPrefs } from '../common/screenPrefs.js';

/** Below this width the guidance is a panel opened over the editor, not a third column. */
export const NARROW_LAYOUT = '(max-width: 1100px)';

/** Ctrl/Cmd+Alt+G (listed in renderer/shortcuts/shortcutList.ts). */
export function isGuidanceKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyG';
}

/**
 * The guidance panel's state. Wide: a column beside the editor, hidden or shown by the user
 * and remembered in the settings (screenPrefs.guidanceHidden). Narrow: closed until opened,
 * then a panel over the editor's right edge that Escape or its Close button shuts, focus
 * going back to the Guidance button.
 */
export function useGuidancePanel() {
  const narrow = useMediaQuery(NARROW_LAYOUT);
  const [hidden, setHidden] = useState(false);
  const [overlayOpen, setOverlayOpen] = useState(false);

  useEffect(() => {
    let live = true;
    void readScreenPrefs().then((prefs) => live && setHidden(prefs.guidanceHidden));
    return () => {
      live = false;
    };
  }, []);
  // Back to a wide window: the overlay's state does not carry over.
  useEffect(() => {
    if (!narrow) setOverlayOpen(false);
  }, [narrow]);

  const toggle = useCallback(() => {
    if (narrow) {
      setOverlayOpen((open) => !open);
      return;
    }
    setHidden((was) => {
      const next = !was;
      void updateScreenPrefs((prefs) => ({ ...prefs, guidanceHidden: next }));
      return next;
    });
  }, [narrow]);
  const closeOverlay = useCallback(() => setOverlayOpen(false), []);

  const shown = narrow ? overlayOpen : !hidden;
  return { narrow, shown, toggle, closeOverlay };
}

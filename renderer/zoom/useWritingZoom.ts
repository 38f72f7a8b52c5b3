import { useCallback, useEffect, useRef, useState } from 'react';
import { ZOOM_RANGE } from '../../shared/zoom/zoomSteps.js';
import { readScreenPrefs, screenPrefsNow, updateScreenPrefs } from '../common/screenPrefs.js';
import { useMenuCommand } from '../host/hostEvents.js';
import { clampZoom, stepZoom, zoomKey } from './writingZoom.js';

/**
 * The writing area's zoom (per cent), remembered in the screen preferences so every pack and
 * every later session opens at the size the member chose.
 */
export function useWritingZoom() {
  const [zoom, setZoomState] = useState<number>(() => screenPrefsNow()?.zoom ?? ZOOM_RANGE.default);
  useEffect(() => {
    let live = true;
    void readScreenPrefs().then((prefs) => {
      if (live && prefs.zoom) setZoomState(prefs.zoom);
    });
    return () => {
      live = false;
    };
  }, []);
  const setZoom = useCallback((next: number) => {
    const value = clampZoom(next);
    setZoomState(value);
    void updateScreenPrefs((prefs) => ({ ...prefs, zoom: value }));
  }, []);
  const now = useRef(zoom);
  now.current = zoom;
  const zoomIn = useCallback(() => setZoom(stepZoom(now.current, 1)), [setZoom]);
  const zoomOut = useCallback(() => setZoom(stepZoom(now.current, -1)), [setZoom]);
  const reset = useCallback(() => setZoom(ZOOM_RANGE.default), [setZoom]);
  return { zoom, setZoom, zoomIn, zoomOut, reset };
}


/** Ctrl/Cmd + plus, minus and 0 (and View › Zoom in the desktop menu) zoom the writing area. */
export function useZoomShortcuts(zoom: ReturnType<typeof useWritingZoom>): void {
  const { zoomIn, zoomOut, reset } = zoom;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = zoomKey(event);
      if (!action) return;
      // Instead of the browser's zoom of the whole page.
      event.preventDefault();
      if (action === 'in') zoomIn();
      else if (action === 'out') zoomOut();
      else reset();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoomIn, zoomOut, reset]);
  useMenuCommand('zoomIn', zoomIn);
  useMenuCommand('zoomOut', zoomOut);
  useMenuCommand('zoomReset', reset);
}

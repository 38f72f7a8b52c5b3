import { ZOOM_RANGE, ZOOM_STEPS } from '../../shared/zoom/zoomSteps.js';

/** The next zoom step up or down from `zoom` (per cent), as Word's zoom buttons step. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction === 1) return ZOOM_STEPS.find((step) => step > zoom) ?? ZOOM_RANGE.max;
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom) ?? ZOOM_RANGE.min;
}

export function clampZoom(zoom: number): number {
  return Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, Math.round(zoom)));
}

/** Which zoom shortcut a key press is: Ctrl/Cmd with plus (or =), minus, or 0. */
export function zoomKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'key'>): 'in' | 'out' | 'reset' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '+' || event.key === '=') return 'in';
  if (event.key === '-' || event.key === '_') return 'out';
  if (event.key === '0') return 'reset';
  return null;
}

import { ZOOM_STEPS } from '../../shared/zoom/zoomSteps.js';
import './zoom.css';

/** − [100%] + for the writing area, with the shortcuts in the tooltips. */
export function ZoomControl(props: { zoom: number; onZoom: (zoom: number) => void; onIn: () => void; onOut: () => void }) {
  const { zoom } = props;
  const steps: number[] = ZOOM_STEPS.includes(zoom as (typeof ZOOM_STEPS)[number]) ? [...ZOOM_STEPS] : [...ZOOM_STEPS, zoom].sort((a, b) => a - b);
  return (
    <div className="zoom-control" role="group" aria-label="Zoom of the writing area">
      <button type="button" onClick={props.onOut} aria-label="Zoom out" title="Zoom out (Ctrl+minus)" aria-keyshortcuts="Control+-">
        −
      </button>
      <select aria-label="Zoom" value={zoom} onChange={(e) => props.onZoom(Number(e.target.value))} title="Zoom (Ctrl+0 for 100%)">
        {steps.map((step) => (
          <option key={step} value={step}>
            {step}%
          </option>
        ))}
      </select>
      <button type="button" onClick={props.onIn} aria-label="Zoom in" title="Zoom in (Ctrl+plus)" aria-keyshortcuts="Control+=">
        +
      </button>
    </div>
  );
}

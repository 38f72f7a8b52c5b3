import { useState } from 'react';
import type { PackSummary } from '../../shared/api/contract.js';
import { LazyPart, lazyPart } from '../common/LazyPart.js';
import './publication.css';

const AgendaPackDialog = lazyPart(() => import('./AgendaPackDialog.js'), (m) => m.AgendaPackDialog);

/** The library's "Agenda pack…" button: the packs ticked in the library go into the dialog in list order. */
export function AgendaPackButton(props: { packs: PackSummary[]; selected: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Agenda pack{props.selected.length ? ` (${props.selected.length})` : ''}…
      </button>
      {open && (
        <LazyPart>
          <AgendaPackDialog packs={props.packs} selected={props.selected} onClose={() => setOpen(false)} />
        </LazyPart>
      )}
    </>
  );
}

/** The tick box of one pack in the library, for the agenda pack. */
export function PackSelectBox(props: { title: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return <input type="checkbox" className="pack-select" aria-label={`Choose ${props.title} for the agenda pack`} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />;
}

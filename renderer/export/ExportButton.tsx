import { useState } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import { LazyPart, lazyPart } from '../common/LazyPart.js';
import { useMenuCommand } from '../host/hostEvents.js';
import './export.css';

const ExportDialog = lazyPart(() => import('./ExportDialog.js'), (m) => m.ExportDialog);

/** The pack screen's "Export to Word" button and its dialog. Exports the pack as it is on screen. */
export function ExportButton(props: { pack: Pack; file: string }) {
  const [open, setOpen] = useState(false);
  // File › Export to Word in the desktop app's menu does the same as the button.
  useMenuCommand('exportWord', () => setOpen(true));
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Export to Word
      </button>
      {open && (
        <LazyPart>
          <ExportDialog pack={props.pack} file={props.file} onClose={() => setOpen(false)} />
        </LazyPart>
      )}
    </>
  );
}

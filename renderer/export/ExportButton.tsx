import { useState } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import { ExportDialog } from './ExportDialog.js';
import { useMenuCommand } from '../host/hostEvents.js';
import './export.css';

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
      {open && <ExportDialog pack={props.pack} file={props.file} onClose={() => setOpen(false)} />}
    </>
  );
}

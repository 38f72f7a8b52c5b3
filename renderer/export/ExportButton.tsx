import { useEffect, useState } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import { LazyPart, lazyPart } from '../common/LazyPart.js';
import { useMenuCommand } from '../host/hostEvents.js';
import type { ExportFormat } from './exportFormats.js';
import './export.css';

const ExportDialog = lazyPart(() => import('./ExportDialog.js'), (m) => m.ExportDialog);

/**
 * The pack screen's "Export to Word", "Export to PDF" and "Print" buttons and their dialog.
 * Exports the pack as it is on screen. Ctrl/Cmd+P prints (the same pages as the PDF) instead of
 * printing the app's screen; in the desktop app the File menu's items do the same.
 */
export function ExportButton(props: { pack: Pack; file: string }) {
  const [open, setOpen] = useState<ExportFormat | null>(null);
  useMenuCommand('exportWord', () => setOpen('docx'));
  useMenuCommand('exportPdf', () => setOpen('pdf'));
  useMenuCommand('print', () => setOpen('print'));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        setOpen('print');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" onClick={() => setOpen('docx')} aria-haspopup="dialog">
        Export to Word
      </button>
      <button type="button" onClick={() => setOpen('pdf')} aria-haspopup="dialog">
        Export to PDF
      </button>
      <button type="button" onClick={() => setOpen('print')} aria-haspopup="dialog" aria-keyshortcuts="Control+P" title="Print (Ctrl+P)">
        Print…
      </button>
      {open && (
        <LazyPart>
          <ExportDialog pack={props.pack} file={props.file} format={open} onClose={() => setOpen(null)} />
        </LazyPart>
      )}
    </>
  );
}

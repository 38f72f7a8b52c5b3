import { useState } from 'react';
import type { Pack } from '../../shared/pack/schema.js';
import { host } from '../host/hostClient.js';
import { useMenuCommand } from '../host/hostEvents.js';
import { PromptDialog } from '../common/PromptDialog.js';
import { messageOf } from '../common/messageOf.js';

/**
 * File › Save As… from the native menu: asks for a title, writes a copy of the pack as it is
 * now under that title (savePackAs), then switches to the copy. The original keeps what was
 * last saved to it. Renders nothing until the menu asks.
 */
export function SaveAsFromMenu(props: { pack: Pack | null; onSaved: (file: string) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useMenuCommand('saveAs', () => {
    if (props.pack) {
      setError(null);
      setOpen(true);
    }
  });
  const pack = props.pack;
  return (
    <>
      {open && pack && (
        <PromptDialog
          title="Save a copy as"
          label="Title of the copy"
          initial={`${pack.frontSheet.title || 'Untitled briefing'} (copy)`}
          confirmLabel="Save copy"
          onCancel={() => setOpen(false)}
          onConfirm={(title) => {
            setOpen(false);
            host.savePackAs({ pack, title }).then(
              (created) => props.onSaved(created.file),
              (err: unknown) => setError(`The copy could not be saved: ${messageOf(err)}`),
            );
          }}
        />
      )}
      {error && (
        <p role="alert" className="error">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}

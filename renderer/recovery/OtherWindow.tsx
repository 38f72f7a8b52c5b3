import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../common/Dialog.js';
import { messageOf } from '../common/messageOf.js';
import type { PackDocument } from '../pack/usePackDocument.js';

/**
 * "Open in another window" (issue 13): the pack is already being edited in another window or
 * tab of this browser. Switch there (this one follows read-only), Open read-only, or Take
 * over (the other saves and steps back). Focus starts on "Switch there", the choice that
 * changes nothing; Escape opens read-only. Self-contained, like the other safety dialogs.
 */
export function OtherWindowDialog(props: { doc: PackDocument; title: string }) {
  const { doc } = props;
  const [busy, setBusy] = useState(false);
  const switchRef = useRef<HTMLButtonElement>(null);
  // The dialog is mounted before the other window answers: focus when the question appears.
  const asking = doc.otherWindow.kind === 'ask';
  useEffect(() => {
    if (asking) switchRef.current?.focus();
  }, [asking]);
  if (doc.otherWindow.kind !== 'ask') return null;
  return (
    <Dialog
      title="This pack is open in another window"
      onCancel={doc.openReadOnlyHere}
      describedBy="other-window-message"
      actions={
        <>
          <button type="button" ref={switchRef} onClick={doc.switchToOtherWindow} disabled={busy}>
            Switch there
          </button>
          <button type="button" onClick={doc.openReadOnlyHere} disabled={busy}>
            Open read-only
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void doc.takeOverFromOtherWindow().finally(() => setBusy(false));
            }}
          >
            Take over here
          </button>
        </>
      }
    >
      <p id="other-window-message">
        You already have “{props.title}” open in another window or tab of Briefing Studio. Only one of them can edit it. Switch to that window, open it here
        read-only (it follows what the other window saves), or take over here: the other window saves your changes and becomes read-only.
      </p>
    </Dialog>
  );
}

/** The banner while this window is read-only because of another window, with the way back to editing. */
export function OtherWindowBanner(props: { doc: PackDocument }) {
  const { doc } = props;
  const [error, setError] = useState<string | null>(null);
  const state = doc.otherWindow;
  const takeOver = (label: string) => (
    <button type="button" onClick={() => void doc.takeOverFromOtherWindow().then(() => setError(null), (err: unknown) => setError(messageOf(err)))}>
      {label}
    </button>
  );
  return (
    <>
      {state.kind === 'read-only' && (
        <p className="warning-banner" data-testid="other-window-banner">
          <strong>Read-only here:</strong> this pack is being edited in another window or tab.
          {state.switched && ' If your browser did not switch to it, go to that window or tab yourself.'} {takeOver('Edit here instead')}
        </p>
      )}
      {state.kind === 'moved' && (
        <p className="warning-banner" data-testid="other-window-banner">
          <strong>Read-only here:</strong> editing moved to another window.{' '}
          {state.saved ? 'What you had written here was saved first.' : 'What you had written here could not be saved, so it went to the other window to save.'} {takeOver('Edit here again')}
        </p>
      )}
      {state.kind === 'holder-closed' && (
        <p className="notice" data-testid="other-window-banner">
          The other window closed this pack. {takeOver('Edit here')}
        </p>
      )}
      {doc.otherWindowNotice && <p className="notice">{doc.otherWindowNotice}</p>}
      {error && <p className="error-banner">{error}</p>}
    </>
  );
}

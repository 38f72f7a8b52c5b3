import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../common/Dialog.js';
import { formatDateTime } from '../common/format.js';
import type { PendingRecovery } from '../pack/session/types.js';

/**
 * "Unsaved changes were recovered": focus starts on Restore, so Enter keeps the words.
 * Discarding takes two explicit steps (Discard…, then "Discard them" in the second step,
 * where focus starts on "Go back"), and even then the text stays in the pack's version
 * history for 30 days. Escape in the second step goes back to the first; in the first it
 * does nothing (a choice is needed). Self-contained: it owns its focus handling.
 */
export function RecoveryDialog(props: { recovery: PendingRecovery; onRestore: () => void; onDiscard: () => Promise<void> }) {
  const [step, setStep] = useState<'choose' | 'confirm-discard'>('choose');
  const [busy, setBusy] = useState(false);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);

  // Runs after the Dialog's own effect (showModal, which focuses the first button), so the
  // focus we ask for wins; again whenever the step changes.
  useEffect(() => {
    (step === 'choose' ? restoreRef : backRef).current?.focus();
  }, [step]);

  const where =
    props.recovery.source === 'browser'
      ? `While Briefing Studio’s host could not be reached, on ${formatDateTime(props.recovery.journaledAt)}, your latest changes to this pack were kept in this browser but not saved.`
      : `Briefing Studio closed on ${formatDateTime(props.recovery.journaledAt)} before your latest changes to this pack were saved.`;

  if (step === 'confirm-discard') {
    return (
      <Dialog
        title="Discard the recovered changes?"
        onCancel={() => setStep('choose')}
        describedBy="recovery-discard-message"
        actions={
          <>
            <button type="button" ref={backRef} onClick={() => setStep('choose')} disabled={busy}>
              Go back
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void props.onDiscard().finally(() => setBusy(false));
              }}
            >
              Discard them
            </button>
          </>
        }
      >
        <p id="recovery-discard-message">
          The pack will stay as it was last saved. The discarded text is kept in the pack’s version history (“History” button) for 30 days, in case you need it
          after all.
        </p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title="Unsaved changes were recovered"
      onCancel={() => undefined}
      describedBy="recovery-message"
      actions={
        <>
          <button type="button" onClick={() => setStep('confirm-discard')}>
            Discard…
          </button>
          <button type="button" className="primary" ref={restoreRef} onClick={props.onRestore}>
            Restore
          </button>
        </>
      }
    >
      <p id="recovery-message">{where} Restore them (you can then save), or discard them and keep the file as it is.</p>
    </Dialog>
  );
}

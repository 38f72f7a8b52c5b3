import './safety.css';
import { useState } from 'react';
import type { PackDocument } from '../pack/usePackDocument.js';
import type { LockHolder } from '../../shared/api/contract.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { formatDateTime } from '../common/format.js';
import { Dialog } from '../common/Dialog.js';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { downloadPackCopy } from './downloadCopy.js';
import { RecoveryDialog } from './RecoveryDialog.js';
import { OtherWindowBanner, OtherWindowDialog } from './OtherWindow.js';
import { ConnectionBanner } from './ConnectionBanner.js';

function holderText(holder: LockHolder): string {
  const since = holder.since ? ` since ${formatDateTime(holder.since)}` : '';
  return `${holder.user} on ${holder.machine}${since}`;
}

/**
 * Everything on the pack screen that keeps words safe: who holds the lock, changes on disk,
 * the conflict choice, recovered changes, rescue actions when saving fails, and the history
 * panel. Mounted once under the pack header.
 */
export function PackSafety(props: { doc: PackDocument; file: string; onSwitchFile: (file: string) => void }) {
  const { doc } = props;
  const [showHistory, setShowHistory] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function openCopy() {
    setBusy(true);
    try {
      const copy = await host.duplicatePack({ file: props.file });
      props.onSwitchFile(copy.file);
    } catch (err) {
      setMessage(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function saveCopy() {
    if (!doc.pack) return;
    setBusy(true);
    try {
      const file = await doc.saveAsCopy(`${doc.pack.frontSheet.title || 'Untitled briefing'} (copy)`.slice(0, 300));
      props.onSwitchFile(file);
    } catch (err) {
      setMessage(`The copy could not be saved either: ${messageOf(err)} Use “Download a copy” to keep your work elsewhere.`);
    } finally {
      setBusy(false);
    }
  }

  async function resolve(choice: 'reload' | 'copy' | 'overwrite') {
    setBusy(true);
    const newFile = await doc.resolveConflict(choice);
    setBusy(false);
    if (choice === 'copy' && newFile) props.onSwitchFile(newFile);
    if (choice === 'reload') setMessage('Loaded their version. Yours is kept in the history (“History” button).');
    if (choice === 'overwrite') setMessage('Saved your version. Theirs is kept in the history.');
  }

  const lock = doc.lock;
  // Not while the host is unreachable: the journal is out of reach then, and the connection
  // banner says where the words are instead.
  const hostCut = doc.connection.kind === 'lost' || doc.connection.kind === 'refused';
  const saveFailed = doc.saveState.kind === 'error' && !doc.conflict && !hostCut;
  return (
    <div className="pack-safety">
      <div className="safety-bar">
        <div className="safety-messages" role="status" aria-live="polite">
          <ConnectionBanner doc={doc} />
          <OtherWindowBanner doc={doc} />
          {lock.kind === 'read-only' && (
            <p className="warning-banner" data-testid="lock-banner">
              <strong>Read-only:</strong> {holderText(lock.holder)} is editing this pack.{' '}
              {lock.holder.stale && <>Their lock looks abandoned. {lock.holder.staleReason} </>}
              <button type="button" onClick={() => void openCopy()} disabled={busy}>
                Open a copy
              </button>{' '}
              {lock.holder.stale && (
                <button type="button" onClick={() => void doc.takeOverLock().catch((err: unknown) => setMessage(messageOf(err)))}>
                  Take over editing
                </button>
              )}
            </p>
          )}
          {lock.kind === 'editing' && lock.tookOverFrom && (
            <p className="notice">You took over editing from {holderText(lock.tookOverFrom)}.</p>
          )}
          {lock.kind === 'no-lock' && <p className="warning-banner">Others will not be warned that you are editing: {lock.message}</p>}
          {doc.diskState === 'changed' && !doc.conflict && lock.kind !== 'read-only' && (
            <p className="warning-banner" data-testid="disk-changed">
              This pack was changed on disk by someone or something else.{' '}
              {doc.hasUnsavedChanges() ? (
                'When you save you will choose which version to keep.'
              ) : (
                <button type="button" onClick={() => void doc.reloadFromDisk().catch((err: unknown) => setMessage(messageOf(err)))}>
                  Load their changes
                </button>
              )}
            </p>
          )}
          {doc.diskState === 'deleted' && (
            <p className="warning-banner" data-testid="disk-deleted">
              The pack file was deleted or moved. Your text is still here: saving writes it again.
            </p>
          )}
          {saveFailed && (
            <p className="error-banner" data-testid="save-rescue">
              Your text is safe in this window and in the recovery journal. Use “Try again” above once the problem is fixed, or keep a copy elsewhere:{' '}
              <button type="button" onClick={() => void saveCopy()} disabled={busy}>
                Save as a copy
              </button>{' '}
              <button type="button" onClick={() => doc.pack && downloadPackCopy(doc.pack)}>
                Download a copy
              </button>
            </p>
          )}
          {message && <p className="notice">{message}</p>}
        </div>
        <button type="button" aria-expanded={showHistory} aria-controls="history-panel" onClick={() => setShowHistory((v) => !v)}>
          History
        </button>
      </div>
      {showHistory && doc.pack && <HistoryPanel doc={doc} file={props.file} onClose={() => setShowHistory(false)} />}
      {doc.conflict && (
        <Dialog
          title="This pack was changed by someone else"
          onCancel={() => undefined}
          describedBy="conflict-message"
          actions={
            <>
              <button type="button" onClick={() => void resolve('reload')} disabled={busy}>
                Reload theirs
              </button>
              <button type="button" className="primary" onClick={() => void resolve('copy')} disabled={busy}>
                Keep mine as a copy
              </button>
              <button type="button" className="danger" onClick={() => void resolve('overwrite')} disabled={busy}>
                Overwrite
              </button>
            </>
          }
        >
          <p id="conflict-message">
            Since you opened “{props.file}”, it was saved by another person or program. Your changes have not been written over theirs. Choose what to keep; the
            other version is kept in the history either way.
          </p>
        </Dialog>
      )}
      {doc.otherWindow.kind === 'ask' && <OtherWindowDialog doc={doc} title={doc.pack?.frontSheet.title || 'Untitled briefing'} />}
      {doc.pendingRecovery && (
        <RecoveryDialog recovery={doc.pendingRecovery} onRestore={() => doc.pendingRecovery && doc.applyRecovery(doc.pendingRecovery)} onDiscard={doc.discardRecovery} />
      )}
    </div>
  );
}

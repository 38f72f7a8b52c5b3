import './safety.css';
import { useCallback, useEffect, useState } from 'react';
import type { RecoverablePack } from '../../shared/api/contract.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { formatDateTime } from '../common/format.js';
import { requestRestore } from './restoreRequest.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';

/**
 * Shown at the top of the library after a crash: packs whose unsaved changes were kept in
 * the recovery journal, each with Restore (open with those changes, marked unsaved) or
 * Discard. Renders nothing when there is nothing to recover.
 */
export function RecoveryList(props: { onOpen: (file: string) => void }) {
  const [items, setItems] = useState<RecoverablePack[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Discard takes a second, explicit step (and the text still goes to the version history).
  const [confirming, setConfirming] = useState<RecoverablePack | null>(null);

  const refresh = useCallback(async () => {
    try {
      setItems(await host.listRecoverable({}));
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (items.length === 0 && !error) return null;
  return (
    <section className="recovery-list" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Recovered unsaved changes</h2>
      <p>Briefing Studio closed before these changes were saved. Restore opens them so you can save; Discard keeps the pack as it was saved (the discarded text stays in its version history for 30 days).</p>
      {error && <p role="alert" className="error-banner">{error}</p>}
      <ul>
        {items.map((item) => {
          const title = item.title || 'Untitled briefing';
          return (
            <li key={item.file} className="recovery-item">
              <div>
                <strong>{title}</strong> <span className="muted">({item.file})</span>
                <br />
                <span className="muted">
                  Unsaved changes from {formatDateTime(item.journaledAt)}, {item.words} {item.words === 1 ? 'word' : 'words'} in sections.
                  {!item.fileExists && ' The pack file itself is missing; restoring will save it again.'}
                  {item.changedOnDiskSince && ' The file has been changed since; when you save you will be asked which version to keep.'}
                </span>
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  className="primary"
                  aria-label={`Restore unsaved changes to ${title}`}
                  onClick={() => {
                    requestRestore(item.file);
                    props.onOpen(item.file);
                  }}
                >
                  Restore
                </button>
                <button
                  type="button"
                  aria-label={`Discard unsaved changes to ${title}`}
                  onClick={() => setConfirming(item)}
                >
                  Discard…
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {confirming && (
        <ConfirmDialog
          title="Discard the recovered changes?"
          message={`“${confirming.title || 'Untitled briefing'}” will stay as it was last saved. The discarded text is kept in the pack’s version history for 30 days, in case you need it after all.`}
          confirmLabel="Discard them"
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const file = confirming.file;
            setConfirming(null);
            void host.discardRecovered({ file }).then(
              () => refresh(),
              (err: unknown) => setError(messageOf(err)),
            );
          }}
        />
      )}
    </section>
  );
}

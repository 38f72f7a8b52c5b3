import { useEffect, useState } from 'react';
import type { RecoverySource } from '../../shared/api/contract.js';
import type { PackDocument } from '../pack/usePackDocument.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { formatDateTime } from '../common/format.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';

/**
 * Shown when a pack cannot be opened: offers its most recent readable backup or history
 * snapshot. By default the earlier version opens as a new pack and the damaged file is left
 * byte-for-byte as it is; replacing it (the damaged file renamed aside) needs the user's consent.
 */
export function DamagedPackRecovery(props: { file: string; doc: PackDocument; onOpen: (file: string) => void }) {
  const { doc } = props;
  const [sources, setSources] = useState<RecoverySource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState<RecoverySource | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (doc.loadErrorCode === 'NOT_FOUND' || doc.loadErrorCode === 'NEWER_VERSION') return setSources([]);
    host.damagedPackSources({ file: props.file }).then(setSources, (err: unknown) => setError(messageOf(err)));
  }, [props.file, doc.loadErrorCode]);

  async function recover(source: RecoverySource, moveDamagedAside: boolean) {
    try {
      const result = await host.recoverDamagedPack({
        file: props.file,
        source: { kind: source.kind, ...(source.packId ? { packId: source.packId } : {}), ...(source.id ? { id: source.id } : {}) },
        moveDamagedAside,
      });
      if (result.damagedMovedTo) setDone(`The damaged file was renamed to “${result.damagedMovedTo}”.`);
      // Same file name (replaced in place): reopen this screen; otherwise open the new pack.
      if (result.file === props.file) window.location.reload();
      else props.onOpen(result.file);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const newest = sources?.[0];
  return (
    <section className="damaged-recovery" aria-labelledby="damaged-heading">
      {doc.pendingRecovery && (
        <p className="notice">
          Unsaved changes to this pack from {formatDateTime(doc.pendingRecovery.journaledAt)} were recovered.{' '}
          <button type="button" className="primary" onClick={() => doc.pendingRecovery && doc.applyRecovery(doc.pendingRecovery)}>
            Open the recovered changes
          </button>
        </p>
      )}
      {sources && sources.length > 0 && newest && (
        <>
          <h2 id="damaged-heading">Earlier versions you can open</h2>
          <ul>
            {sources.slice(0, 5).map((source) => (
              <li key={`${source.kind}-${source.id ?? 'backup'}`}>
                {source.kind === 'backup' ? 'Backup' : 'History version'} from {formatDateTime(source.at)}: “{source.title || 'Untitled briefing'}”, {source.words} words.{' '}
                <button type="button" className={source === newest ? 'primary' : ''} onClick={() => void recover(source, false)}>
                  Open as a new pack
                </button>{' '}
                <button type="button" onClick={() => setConfirmReplace(source)}>
                  Replace the damaged file
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {sources && sources.length === 0 && doc.loadErrorCode === 'INVALID_FILE' && <p className="muted">No earlier version of this pack was found.</p>}
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {done && <p className="notice">{done}</p>}
      {confirmReplace && (
        <ConfirmDialog
          title="Replace the damaged file?"
          message={`The damaged “${props.file}” will be renamed (kept, not deleted) and the version from ${formatDateTime(confirmReplace.at)} saved under its name.`}
          confirmLabel="Rename and replace"
          onCancel={() => setConfirmReplace(null)}
          onConfirm={() => {
            const source = confirmReplace;
            setConfirmReplace(null);
            void recover(source, true);
          }}
        />
      )}
    </section>
  );
}

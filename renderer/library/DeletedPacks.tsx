import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeletedPack } from '../../shared/api/contract.js';
import { host } from '../host/hostClient.js';
import { Dialog } from '../common/Dialog.js';
import { messageOf } from '../common/messageOf.js';
import { formatDateTime } from '../common/format.js';

/**
 * "Deleted packs": a button in the library opening the packs deleted from this workspace in
 * the last 30 days (kept in the app's data folder by the host, electron/workspace/deletedPacks.ts),
 * each with Restore. Self-contained: it owns its dialog and its focus (back to the button on
 * close). `onRestored` lets the library refresh and announce the restored pack.
 */
export function DeletedPacksButton(props: { onRestored: (file: string, title: string) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" ref={button} onClick={() => setOpen(true)}>
        Deleted packs
      </button>
      {open && (
        <DeletedPacksDialog
          onClose={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
          onRestored={props.onRestored}
        />
      )}
    </>
  );
}

function DeletedPacksDialog(props: { onClose: () => void; onRestored: (file: string, title: string) => void }) {
  const [items, setItems] = useState<DeletedPack[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const refresh = useCallback(async () => {
    try {
      setItems(await host.listDeletedPacks({}));
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function restore(item: DeletedPack, index: number) {
    try {
      const restored = await host.restoreDeletedPack({ id: item.id });
      const title = restored.title || 'Untitled briefing';
      setMessage(restored.file === item.file ? `Restored “${title}”.` : `Restored “${title}” as ${restored.file} (a pack of that name was made since).`);
      setError(null);
      props.onRestored(restored.file, title);
      await refresh();
      // Focus moves to the next Restore button (or the Close button once the list is empty).
      requestAnimationFrame(() => {
        const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
        const next = buttons?.[Math.min(index, buttons.length - 1)];
        (next ?? document.querySelector<HTMLButtonElement>('[data-deleted-close]'))?.focus();
      });
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <Dialog
      title="Deleted packs"
      onCancel={props.onClose}
      describedBy="deleted-packs-about"
      className="deleted-packs-dialog"
      actions={
        <button type="button" data-deleted-close onClick={props.onClose}>
          Close
        </button>
      }
    >
      <p id="deleted-packs-about">Packs deleted from this workspace are kept for 30 days. Restore puts one back in the library.</p>
      <div role="status" aria-live="polite">
        {message && <p className="notice">{message}</p>}
      </div>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {items === null && !error && <p className="muted">Loading…</p>}
      {items !== null && items.length === 0 && <p className="muted">No deleted packs.</p>}
      {items !== null && items.length > 0 && (
        <ul className="deleted-packs" ref={list}>
          {items.map((item, index) => {
            const title = item.title || 'Untitled briefing';
            return (
              <li key={item.id} className="recovery-item">
                <div>
                  <strong>{title}</strong> <span className="muted">({item.file})</span>
                  <br />
                  <span className="muted">
                    Deleted {formatDateTime(item.deletedAt)}; kept until {formatDateTime(item.keptUntil)}.
                  </span>
                </div>
                <button type="button" aria-label={`Restore ${title}`} onClick={() => void restore(item, index)}>
                  Restore
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}

/**
 * The notice after a pack is deleted, with Undo (kept until the next library action, never
 * timed out, so nobody has to be quick). Undo restores it through the same host method.
 */
export function UndoDeleteNotice(props: { deleted: { id: string; title: string }; onUndone: (file: string, title: string) => void; onError: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <p className="notice" data-testid="undo-delete">
      Deleted “{props.deleted.title}”. It is kept in Deleted packs for 30 days.{' '}
      <button
        type="button"
        className="link-button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void host.restoreDeletedPack({ id: props.deleted.id }).then(
            (restored) => props.onUndone(restored.file, restored.title || props.deleted.title),
            (err: unknown) => {
              setBusy(false);
              props.onError(messageOf(err));
            },
          );
        }}
      >
        Undo
      </button>
    </p>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FolderListing, FolderPurpose } from '../../shared/api/folders.js';
import { Dialog } from '../common/Dialog.js';
import { messageOf } from '../common/messageOf.js';
import { host } from '../host/hostClient.js';
import './folderChooser.css';

const TITLES: Record<FolderPurpose, string> = {
  workspace: 'Choose the workspace folder',
  sharedTemplates: 'Choose the shared templates folder',
};

/**
 * The browser version's folder chooser, served by the host (browseFolders, createFolder):
 * the folders in the user's home folder and in those the host was started with
 * (--allow-folder); hidden folders and links that lead elsewhere are never offered. Open a
 * folder to go into it, "Up" to go back, "New folder" to make one, "Use this folder" to
 * choose the folder shown. The host checks the choice again when the setting is saved.
 */
export function FolderChooser(props: { purpose: FolderPurpose; initial?: string; onChosen: (folder: string) => void; onCancel: () => void }) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newName, setNewName] = useState<string | null>(null);
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);

  async function go(path: string | undefined, fallBack = false) {
    setBusy(true);
    try {
      setListing(await host.browseFolders(path === undefined ? {} : { path }));
      setError(null);
      // Keep keyboard users in the list they just opened.
      requestAnimationFrame(() => listRef.current?.querySelector('button')?.focus());
    } catch (err) {
      if (fallBack) {
        setListing(await host.browseFolders({}).catch(() => null));
        setError(`${messageOf(err)} Showing the folders you can choose from instead.`);
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    void go(props.initial?.trim() || undefined, true);
  }, []);

  async function create() {
    if (!listing?.path || newName === null) return;
    try {
      const made = await host.createFolder({ parent: listing.path, name: newName });
      setNewName(null);
      await go(made.path);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const where = listing?.path ?? null;
  // In a portal: the chooser is opened from inside the settings form, and a form inside a
  // form would submit both.
  return createPortal(
    <Dialog
      title={TITLES[props.purpose]}
      className="folder-chooser"
      onCancel={props.onCancel}
      actions={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!where || busy} onClick={() => where && props.onChosen(where)}>
            Use this folder
          </button>
        </>
      }
    >
      <nav aria-label="Places" className="folder-places">
        {listing?.roots.map((root) => (
          <button key={root.path} type="button" aria-current={where === root.path ? 'location' : undefined} onClick={() => void go(root.path)}>
            {root.label}
          </button>
        ))}
      </nav>
      <div className="folder-location">
        <button type="button" disabled={!where || busy} onClick={() => void go(listing?.parent ?? undefined)} aria-label={listing?.parent ? 'Up to the folder above' : 'Up to the places you can choose from'}>
          ↑ Up
        </button>
        <p id={headingId} className="folder-path" aria-live="polite">
          {where ?? 'Places you can choose from'}
        </p>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {listing && (
        <ul ref={listRef} className="folder-list" aria-labelledby={headingId} aria-busy={busy}>
          {listing.folders.map((folder) => (
            <li key={folder.path}>
              <button type="button" className="folder-entry" onClick={() => void go(folder.path)}>
                <FolderIcon />
                {folder.name}
              </button>
            </li>
          ))}
          {listing.folders.length === 0 && <li className="muted">No folders here.</li>}
        </ul>
      )}
      {listing?.truncated && <p className="hint">Only the first {listing.folders.length.toString()} folders are shown. Type the path in the setting to use another.</p>}
      {where &&
        (newName === null ? (
          <button type="button" className="link-button" disabled={!listing?.writable} onClick={() => setNewName('')}>
            New folder
          </button>
        ) : (
          <form
            className="folder-new"
            onSubmit={(e) => {
              e.preventDefault();
              e.stopPropagation(); // React events bubble through portals to the settings form
              void create();
            }}
          >
            <label className="field">
              <span>Name of the new folder</span>
              <input autoFocus value={newName} maxLength={200} onChange={(e) => setNewName(e.target.value)} />
            </label>
            <button type="submit" disabled={!newName.trim()}>
              Create folder
            </button>{' '}
            <button type="button" className="link-button" aria-label="Do not make a new folder" onClick={() => setNewName(null)}>
              Cancel
            </button>
          </form>
        ))}
      {where && !listing?.writable && <p className="hint">You cannot make folders here.</p>}
    </Dialog>,
    document.body,
  );
}

/** A small folder outline (no emoji: not every system has an emoji font). */
function FolderIcon() {
  return (
    <svg className="folder-icon" viewBox="0 0 20 16" width="20" height="16" aria-hidden="true" focusable="false">
      <path d="M1.5 3.5v10a1 1 0 0 0 1 1h15a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1H9.2L7.6 2.6a1 1 0 0 0-.8-.4H2.5a1 1 0 0 0-1 1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}

import { TeamPacks } from '../team/TeamPacks.js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PackList, PackListEntry } from '../../shared/api/contract.js';
import { STATUS_LABELS } from '../../shared/pack/vocabulary.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { formatDateTime, formatMeetingDate } from '../common/format.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { PromptDialog } from '../common/PromptDialog.js';
import { RecoveryList } from '../recovery/RecoveryList.js';
import { SearchBox } from './SearchBox.js';
import { LibraryFilterBar, StatusCounts } from './LibraryFilters.js';
import { SearchResults } from './SearchResults.js';
import { NO_FILTERS, filterAndSort, filterHits, hasFilters, statusCounts } from './filters.js';
import { useLibrarySearch } from './useLibrarySearch.js';
import { useLibraryView } from './useLibraryView.js';
import { SettingsNotice } from '../settings/SettingsNotice.js';
import { LazyPart, lazyPart } from '../common/LazyPart.js';
import { useFileDrop } from '../import/useFileDrop.js';
import { useMenuCommand } from '../host/hostEvents.js';
import '../import/import.css';
import { AgendaPackButton, PackSelectBox } from '../publication/AgendaPackButton.js';
import { focusWhenReady } from '../pack/focusTargets.js';
import { DeletedPacksButton, UndoDeleteNotice } from './DeletedPacks.js';

/** A row's own control, found again after the list is re-read (its element may be new). */
const rowControl = (file: string, action: 'open' | 'Rename') => `tr[data-pack-file="${CSS.escape(file)}"] ${action === 'open' ? 'button' : 'button[aria-label^="Rename "]'}`;

const TemplateGallery = lazyPart(() => import('../templates/TemplateGallery.js'), (m) => m.TemplateGallery);
const ImportDialog = lazyPart(() => import('../import/ImportDialog.js'), (m) => m.ImportDialog);

type PendingAction =
  | { kind: 'new' }
  | { kind: 'import'; file: File | null }
  | { kind: 'rename'; file: string; title: string }
  | { kind: 'delete'; file: string; title: string };

/**
 * The library: every pack in the workspace with the actions on each; full-text search,
 * filters, sort and a count per status. Ctrl/Cmd+F focuses the search box.
 */
export function LibraryScreen(props: { onOpen: (file: string, sectionId?: string) => void; onOpenLive?: (file: string) => void; onCreated?: (file: string) => void; onSettings?: () => void }) {
  const [list, setList] = useState<PackList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The pack just deleted, for Undo (issue 13); cleared by the next action. */
  const [justDeleted, setJustDeleted] = useState<{ id: string; title: string } | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const view = useLibraryView();
  /** Packs ticked for an agenda pack, in the order they were ticked. */
  const [selected, setSelected] = useState<string[]>([]);
  const search = useLibrarySearch(view.query, listVersion);
  const searchInput = useRef<HTMLInputElement>(null);
  // A Word document dropped anywhere on the library is imported (with its preview first).
  const onDroppedFile = useCallback((file: File) => setPending({ kind: 'import', file }), []);
  const dragging = useFileDrop(onDroppedFile, pending === null);
  useMenuCommand('importWord', () => setPending({ kind: 'import', file: null }));

  const refresh = useCallback(async () => {
    try {
      const result = await host.listPacks({});
      result.entries.sort((a, b) => sortTime(b).localeCompare(sortTime(a)));
      setList(result);
      setListVersion((n) => n + 1);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);

  // Ctrl/Cmd+F searches the packs rather than the page (the library has no other find).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchInput.current?.focus();
        searchInput.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function run(action: () => Promise<string | void>) {
    setPending(null);
    setJustDeleted(null);
    try {
      const message = await action();
      setNotice(message ?? null);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
    await refresh();
  }

  const packs = list?.entries ?? [];
  const searching = view.query.trim() !== '';
  const hitFiles = useMemo(() => (search.results ? new Set(search.results.hits.map((h) => h.file)) : undefined), [search.results]);
  const counts = useMemo(() => statusCounts(packs, view.filters, searching ? hitFiles : undefined), [packs, view.filters, searching, hitFiles]);
  const rows = useMemo(() => filterAndSort(packs, view.filters, view.sort), [packs, view.filters, view.sort]);
  const hits = useMemo(() => (search.results ? filterHits(search.results.hits, packs, view.filters, view.sort) : []), [search.results, packs, view.filters, view.sort]);
  return (
    <div className="screen drop-target">
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <span>Drop a Word document to make a pack from it</span>
        </div>
      )}
      <header className="app-header">
        <h1>Briefing Studio</h1>
        <div className="header-actions">
          <button type="button" className="primary" onClick={() => setPending({ kind: 'new' })}>
            New pack
          </button>
          <button type="button" onClick={() => setPending({ kind: 'import', file: null })}>
            From a Word document…
          </button>
          {props.onSettings && (
            <button type="button" onClick={props.onSettings}>
              Settings
            </button>
          )}
        </div>
      </header>
      <main className="library" aria-labelledby="library-heading">
        <div className="library-title">
          <h2 id="library-heading">Your briefing packs</h2>
          {list && <p className="muted">Stored in {list.workspaceDir}</p>}
          <DeletedPacksButton
            onRestored={(_file, title) => {
              setJustDeleted(null);
              setNotice(`Restored “${title}”.`);
              void refresh();
            }}
          />
        </div>
        <div role="status" aria-live="polite" className="notice-area">
          {notice && <p className="notice">{notice}</p>}
          {justDeleted && (
            <UndoDeleteNotice
              deleted={justDeleted}
              onUndone={(_file, title) => {
                setJustDeleted(null);
                setNotice(`Restored “${title}”.`);
                void refresh();
              }}
              onError={setError}
            />
          )}
        </div>
        {error && (
          <p role="alert" className="error-banner">
            {error}
          </p>
        )}
        <RecoveryList onOpen={props.onOpen} />
        <SettingsNotice onOpenSettings={props.onSettings} />
        {list === null && !error && <p className="muted">Loading your packs…</p>}
        {list !== null && packs.length === 0 && (
          <div className="empty">
            <p>You have no briefing packs yet.</p>
            <button type="button" className="primary" onClick={() => setPending({ kind: 'new' })}>
              Create your first pack
            </button>
          </div>
        )}
        {packs.length > 0 && (
          <div className="library-tools">
            <SearchBox ref={searchInput} value={view.query} onChange={view.setQuery} busy={search.searching} />
            <StatusCounts counts={counts} value={view.filters.status} onChange={(status) => view.setFilters({ ...view.filters, status })} />
            <LibraryFilterBar filters={view.filters} sort={view.sort} searching={searching} onFilters={view.setFilters} onSort={view.setSort} />
            <AgendaPackButton packs={packs.filter((p): p is Extract<PackListEntry, { kind: 'pack' }> => p.kind === 'pack')} selected={rows.filter((r) => selected.includes(r.file)).map((r) => r.file)} />
          </div>
        )}
        {searching && search.error && (
          <p role="alert" className="error-banner">
            {search.error}
          </p>
        )}
        {searching && search.results && <SearchResults query={search.results.query} hits={hits} total={search.results.hits.length} onOpen={props.onOpen} />}
        {!searching && packs.length > 0 && rows.length === 0 && (
          <p className="empty">
            No packs match these filters.{' '}
            {hasFilters(view.filters) && (
              <button type="button" className="link-button" onClick={() => view.setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            )}
          </p>
        )}
        {!searching && rows.length > 0 && (
          <table className="pack-table">
            <caption className="visually-hidden">Briefing packs, sorted by {SORT_CAPTIONS[view.sort]}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">For the agenda pack</span>
                </th>
                <th scope="col">Title</th>
                <th scope="col">Meeting</th>
                <th scope="col">Meeting date</th>
                <th scope="col">Status</th>
                <th scope="col">Classification</th>
                <th scope="col">Last edited</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <PackRow
                  key={entry.file}
                  entry={entry}
                  selected={selected.includes(entry.file)}
                  onSelect={(on) => setSelected((prev) => (on ? [...prev.filter((f) => f !== entry.file), entry.file] : prev.filter((f) => f !== entry.file)))}
                  onOpen={props.onOpen}
                  onRename={(title) => setPending({ kind: 'rename', file: entry.file, title })}
                  onDuplicate={() => void run(async () => `Made "${(await host.duplicatePack({ file: entry.file })).pack.frontSheet.title}".`)}
                  onDelete={(title) => setPending({ kind: 'delete', file: entry.file, title })}
                />
              ))}
            </tbody>
          </table>
        )}
        <TeamPacks onOpen={props.onOpen} onOpenLive={props.onOpenLive} />
      </main>
      {pending?.kind === 'new' && (
        <LazyPart>
          <TemplateGallery onCancel={() => setPending(null)} onCreated={props.onCreated ?? props.onOpen} onFromWord={() => setPending({ kind: 'import', file: null })} />
        </LazyPart>
      )}
      {pending?.kind === 'import' && (
        <LazyPart>
          <ImportDialog
            mode={{ kind: 'library' }}
            file={pending.file}
            onCancel={() => setPending(null)}
            onDone={(result) => {
              setPending(null);
              if (result.kind === 'pack') props.onOpen(result.opened.file);
            }}
          />
        </LazyPart>
      )}
      {pending?.kind === 'rename' && (
        <PromptDialog
          title="Rename pack"
          label="New title"
          initial={pending.title}
          confirmLabel="Rename"
          onCancel={() => setPending(null)}
          onConfirm={(title) =>
            void run(async () => {
              const renamed = await host.renamePack({ file: pending.file, title });
              // Back to the same row's Rename button (the file, and so the row, may be new).
              focusWhenReady(rowControl(renamed.file, 'Rename'));
              return `Renamed to "${renamed.pack.frontSheet.title}".`;
            })
          }
        />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete pack?"
          message={`"${pending.title}" will be moved to Deleted packs, where you can restore it for 30 days.`}
          confirmLabel="Delete"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() =>
            void run(async () => {
              // Focus goes to the next pack in the list (the one before when it was the last).
              const at = rows.findIndex((r) => r.file === pending.file);
              const next = rows[at + 1] ?? rows[at - 1];
              const result = await host.deletePack({ file: pending.file });
              focusWhenReady(next ? rowControl(next.file, 'open') : '.app-header button.primary');
              if (!result.deletedId) return `Deleted "${pending.title}".`;
              // run() has cleared the previous deletion's Undo already: this one's replaces it.
              setJustDeleted({ id: result.deletedId, title: pending.title });
            })
          }
        />
      )}
    </div>
  );
}

const SORT_CAPTIONS = { relevance: 'best match', edited: 'last edited, newest first', meeting: 'meeting date, latest first', title: 'title' } as const;

function sortTime(entry: PackListEntry): string {
  return entry.kind === 'pack' ? entry.updatedAt : entry.modifiedAt;
}

function PackRow(props: { entry: PackListEntry; selected: boolean; onSelect: (selected: boolean) => void; onOpen: (file: string) => void; onRename: (title: string) => void; onDuplicate: () => void; onDelete: (title: string) => void }) {
  const { entry } = props;
  if (entry.kind === 'broken') {
    return (
      <tr className="broken-row" data-pack-file={entry.file}>
        <td />
        <td>
          <span className="file-name">{entry.file}</span>{' '}
          <span className="badge badge-error">{entry.error.code === 'NEWER_VERSION' ? 'Newer version' : 'Cannot open'}</span>
          <p className="broken-reason">{entry.error.message}</p>
        </td>
        <td colSpan={4} />
        <td>{formatDateTime(entry.modifiedAt)}</td>
        <td className="row-actions">
          {entry.error.code === 'INVALID_FILE' && <button type="button" onClick={() => props.onOpen(entry.file)} aria-label={`Recover ${entry.file}`}>Recover…</button>}
          <button type="button" onClick={() => props.onDelete(entry.file)} aria-label={`Delete ${entry.file}`}>
            Delete
          </button>
        </td>
      </tr>
    );
  }
  const title = entry.title || 'Untitled briefing';
  return (
    <tr data-pack-file={entry.file}>
      <td>
        <PackSelectBox title={title} checked={props.selected} onChange={props.onSelect} />
      </td>
      <td>
        <button type="button" className="link-button pack-open" onClick={() => props.onOpen(entry.file)}>
          {title}
        </button>
      </td>
      <td>{entry.meetingName || '—'}</td>
      <td>{formatMeetingDate(entry.meetingDate)}</td>
      <td>
        <span className={`badge badge-${entry.status}`}>{STATUS_LABELS[entry.status]}</span>
      </td>
      <td>
        <span className={entry.classification === 'OFFICIAL-SENSITIVE' ? 'badge badge-sensitive' : 'badge'}>{entry.classification}</span>
      </td>
      <td>{formatDateTime(entry.updatedAt)}</td>
      <td className="row-actions">
        <button type="button" onClick={() => props.onRename(title)} aria-label={`Rename ${title}`}>
          Rename
        </button>
        <button type="button" onClick={props.onDuplicate} aria-label={`Duplicate ${title}`}>
          Duplicate
        </button>
        <button type="button" onClick={() => props.onDelete(title)} aria-label={`Delete ${title}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}

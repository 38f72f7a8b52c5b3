import '../recovery/safety.css';
import { useCallback, useEffect, useState } from 'react';
import type { SnapshotInfo, SnapshotReason } from '../../shared/api/contract.js';
import type { Pack } from '../../shared/pack/schema.js';
import { plainTextOf } from '../../shared/richtext/plainText.js';
import type { PackDocument } from '../pack/usePackDocument.js';
import { host } from '../host/hostClient.js';
import { messageOf } from '../common/messageOf.js';
import { formatDateTime } from '../common/format.js';
import { PromptDialog } from '../common/PromptDialog.js';

const REASONS: Record<SnapshotReason, string> = {
  explicit: 'Saved',
  auto: 'While editing',
  export: 'Exported',
  manual: 'Named by you',
  'before-restore': 'Before restoring an older version',
  'before-word-review': 'Before bringing back a reviewed Word copy',
  'before-reload': 'Your version, before loading theirs',
  'before-overwrite': 'Their version, before yours replaced it',
  recovered: 'Recovered from a damaged file',
  'discarded-recovery': 'Recovered changes you discarded (kept 30 days)',
};

/**
 * The pack's version history: snapshots kept beside the workspace, newest first, with
 * "Name this version", a read-only preview and Restore (which snapshots the current state
 * first, so a restore can itself be undone).
 */
export function HistoryPanel(props: { doc: PackDocument; file: string; onClose: () => void }) {
  const { doc } = props;
  const packId = doc.pack?.id ?? '';
  const [items, setItems] = useState<SnapshotInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ info: SnapshotInfo; pack: Pack } | null>(null);
  const [naming, setNaming] = useState<SnapshotInfo | 'current' | null>(null);

  const refresh = useCallback(async () => {
    try {
      setItems(await host.listHistory({ packId }));
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [packId]);

  useEffect(() => {
    void refresh();
  }, [refresh, doc.saveState.kind]);

  async function act(action: () => Promise<unknown>) {
    try {
      await action();
    } catch (err) {
      setError(messageOf(err));
    }
    await refresh();
  }

  return (
    <aside id="history-panel" className="history-panel" aria-labelledby="history-heading">
      <div className="history-head">
        <h2 id="history-heading">Version history</h2>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      <button type="button" disabled={doc.readOnly} onClick={() => setNaming('current')}>
        Name this version…
      </button>
      {error && (
        <p role="alert" className="error-banner">
          {error}
        </p>
      )}
      {items === null && <p className="muted">Loading…</p>}
      {items?.length === 0 && <p className="muted">No versions yet. A version is kept each time you press Save, when you export, and every 10 minutes while you edit.</p>}
      {items && items.length > 0 && (
        <ol className="history-list">
          {items.map((item) => (
            <li key={item.id} className={preview?.info.id === item.id ? 'history-item selected' : 'history-item'}>
              <div>
                <strong>{item.name ?? formatDateTime(item.at)}</strong>
                {item.name && <span className="muted"> {formatDateTime(item.at)}</span>}
                <br />
                <span className="muted">
                  {REASONS[item.reason] ?? item.reason}
                  {item.by ? ` by ${item.by}` : ''} · {item.words} {item.words === 1 ? 'word' : 'words'}
                </span>
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  aria-label={`Preview version of ${formatDateTime(item.at)}`}
                  onClick={() => void act(async () => setPreview({ info: item, pack: await host.readSnapshot({ packId, id: item.id }) }))}
                >
                  Preview
                </button>
                <button type="button" aria-label={`Name version of ${formatDateTime(item.at)}`} onClick={() => setNaming(item)}>
                  Name
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {preview && (
        <section className="history-preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview: {preview.info.name ?? formatDateTime(preview.info.at)}</h3>
          <p>
            <strong>{preview.pack.frontSheet.title || 'Untitled briefing'}</strong>
          </p>
          <dl className="preview-sheet">
            <dt>Meeting</dt>
            <dd>{[preview.pack.frontSheet.meeting.name, preview.pack.frontSheet.meeting.date].filter(Boolean).join(', ') || '—'}</dd>
            <dt>Report of</dt>
            <dd>{preview.pack.frontSheet.reportOf || '—'}</dd>
            <dt>Lead cabinet member</dt>
            <dd>{preview.pack.frontSheet.leadCabinetMember || '—'}</dd>
            <dt>Status, version</dt>
            <dd>
              {preview.pack.frontSheet.status}, {preview.pack.frontSheet.version}
            </dd>
          </dl>
          {preview.pack.sections.map((section) => (
            <div key={section.id}>
              <h4>{section.title || 'Untitled section'}</h4>
              <p className="preview-text">{plainTextOf(section.content) || '(empty)'}</p>
            </div>
          ))}
          <div className="row-actions">
            <button type="button" onClick={() => setPreview(null)}>
              Close preview
            </button>
            <button
              type="button"
              className="primary"
              disabled={doc.readOnly}
              onClick={() =>
                void act(async () => {
                  await doc.restoreVersion(preview.pack);
                  setPreview(null);
                })
              }
            >
              Restore this version
            </button>
          </div>
        </section>
      )}
      {naming && (
        <PromptDialog
          title="Name this version"
          label="Name"
          initial={naming === 'current' ? '' : (naming.name ?? '')}
          confirmLabel="Save name"
          onCancel={() => setNaming(null)}
          onConfirm={(name) => {
            const target = naming;
            setNaming(null);
            void act(async () => {
              if (target === 'current') {
                if (doc.pack) await host.snapshotPack({ file: props.file, pack: doc.pack, reason: 'manual', name });
              } else await host.nameSnapshot({ packId, id: target.id, name });
            });
          }}
        />
      )}
    </aside>
  );
}

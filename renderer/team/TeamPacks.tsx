import { useEffect, useState } from 'react';
import type { TeamPackListing } from '../../shared/api/contract.js';
import { STATUS_LABELS, type PackStatus } from '../../shared/pack/vocabulary.js';
import { formatDateTime } from '../common/format.js';
import { messageOf } from '../common/messageOf.js';
import { host } from '../host/hostClient.js';

/**
 * The library's "On the team server" list (issue 18, point 3): the packs the signed-in account
 * may see there, with who has each open, beside the local ones. "Save a local copy" (point 5)
 * brings one into the workspace as a pack of its own. Shown only when signed in.
 */
type State = { kind: 'hidden' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; origin: string; packs: TeamPackListing[] };

export function TeamPacks(props: { onOpen: (file: string) => void; onOpenLive?: (file: string) => void }) {
  const [state, setState] = useState<State>({ kind: 'hidden' });
  const [copying, setCopying] = useState<string | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const status = await host.teamStatus({});
        if (!status.signedIn) return;
        if (live) setState({ kind: 'loading' });
        const { origin, packs } = await host.teamPacks({});
        if (live) setState({ kind: 'ready', origin, packs });
      } catch (err) {
        if (live) setState({ kind: 'error', message: messageOf(err) });
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === 'hidden') return null;
  return (
    <section className="team-packs" aria-labelledby="team-packs-heading">
      <h2 id="team-packs-heading">On the team server{state.kind === 'ready' ? ` (${new URL(state.origin).host})` : ''}</h2>
      {state.kind === 'loading' && <p className="muted">Asking the team server for its packs…</p>}
      {state.kind === 'error' && (
        <p className="warning-banner" role="status">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && state.packs.length === 0 && <p className="muted">The team server has no packs you can see yet.</p>}
      {state.kind === 'ready' && state.packs.length > 0 && (
        <table className="pack-table team-pack-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Last edited</th>
              <th scope="col">Open now by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.packs.map((p) => (
              <tr key={p.file}>
                <th scope="row">{p.title || p.file}</th>
                <td>{STATUS_LABELS[p.status as PackStatus] ?? p.status}</td>
                <td>{formatDateTime(p.updatedAt)}</td>
                <td>{p.people.length ? p.people.map((x) => x.name).join(', ') : <span className="muted">nobody</span>}</td>
                <td className="team-pack-actions">
                  {/* Live editing goes through the browser host's relay; the desktop app has none yet. */}
                  {props.onOpenLive && !window.briefing && (
                    <button type="button" className="primary" aria-label={`Open live: ${p.title || p.file}`} onClick={() => props.onOpenLive!(p.file)}>
                      Open live
                    </button>
                  )}{' '}
                  <button
                    type="button"
                    disabled={copying !== null}
                    aria-label={`Save a local copy of ${p.title || p.file}`}
                    onClick={async () => {
                      setCopying(p.file);
                      setCopyError(null);
                      try {
                        props.onOpen((await host.teamCopyPack({ file: p.file })).file);
                      } catch (err) {
                        setCopyError(messageOf(err));
                        setCopying(null);
                      }
                    }}
                  >
                    {copying === p.file ? 'Copying…' : 'Save a local copy'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {copyError && (
        <p className="field-error" role="alert">
          {copyError}
        </p>
      )}
    </section>
  );
}

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { currentAuthor } from '../library/currentAuthor.js';
import { host } from '../host/hostClient.js';
import { LivePack } from './livePack.js';
import { LiveSectionEditor } from './LiveSectionEditor.js';
import './team.css';

/**
 * A team-server pack open live (issue 18, point 3): the outline with who is in which section,
 * one live editor per section (all bound before the connection opens; the chosen one shown),
 * and the connection's state in plain words. Browser version: the host relays the connection.
 */
const COLOURS = ['#1d70b8', '#b58840', '#00703c', '#912b88', '#d4351c', '#28a197'];

export function LivePackScreen(props: { file: string; onBack: () => void }) {
  const live = useMemo(() => new LivePack(props.file), [props.file]);
  const [me, setMe] = useState<{ name: string; color: string } | null>(null);
  // Re-render when the connection, outline, title or people change (the snapshot is their digest).
  useSyncExternalStore(
    (cb) => live.subscribe(cb),
    () => `${live.state.kind}|${live.sections().map((s) => `${s.id}:${s.title}`).join(',')}|${live.title()}|${live.people().map((p) => `${p.name}@${p.sectionId}`).join(',')}`,
  );
  const [current, setCurrent] = useState<string | null>(null);
  const sections = live.sections();
  const shown = current ?? sections[0]?.id ?? null;

  useEffect(() => {
    // The name the others see is the team account's (who signed in), else this computer's author.
    void (async () => {
      const status = await host.teamStatus({}).catch(() => null);
      const name = status?.signedIn ? status.as : (await currentAuthor()).name || 'A colleague';
      setMe({ name, color: COLOURS[Math.abs(hash(name)) % COLOURS.length]! });
    })();
  }, []);
  useEffect(() => () => live.destroy(), [live]);
  // Which section this person is in, for the others' outline.
  useEffect(() => {
    if (shown) live.provider.awareness.setLocalStateField('section', shown);
  }, [live, shown]);

  // The outline is known only after the first sync; the editors are made once it is, and the
  // connection is opened after they are bound (see LivePack).
  const [sectionsAtStart, setSectionsAtStart] = useState<string[] | null>(null);
  useEffect(() => {
    void fetchOutline(live).then(setSectionsAtStart);
  }, [live]);
  useEffect(() => {
    if (sectionsAtStart && me) live.start();
  }, [live, sectionsAtStart, me]);

  const people = live.people();
  const state = live.state;
  return (
    <div className="screen live-pack">
      <header className="app-header">
        <button type="button" onClick={props.onBack}>
          ← Library
        </button>
        <h1 className="pack-heading">{live.title() || props.file}</h1>
        <p className="save-status" role="status" data-testid="live-status">
          {state.kind === 'connecting' ? 'Joining the team server…' : state.kind === 'live' ? 'Live: changes are saved on the team server' : state.kind === 'reconnecting' ? 'Not connected: your changes are kept here and sent when the team server answers' : state.reason}
        </p>
      </header>
      <div className="live-layout">
        <nav className="outline" aria-label="Sections">
          <h2>Sections</h2>
          <ul>
            {sections.map((s) => {
              const here = people.filter((p) => p.sectionId === s.id);
              return (
                <li key={s.id}>
                  <button type="button" aria-current={s.id === shown ? 'true' : undefined} onClick={() => setCurrent(s.id)}>
                    {s.title || 'Untitled section'}
                  </button>
                  {here.length > 0 && (
                    <span className="live-people" data-testid={`people-${s.id}`}>
                      {here.map((p) => (
                        <span key={p.clientId} className="live-person" style={{ borderColor: p.color }}>
                          {p.name}
                        </span>
                      ))}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="muted small" data-testid="live-here">
            {people.length ? `Also here: ${people.map((p) => p.name).join(', ')}` : 'Nobody else is here.'}
          </p>
        </nav>
        <main className="live-main">
          {me &&
            sectionsAtStart?.map((id) => (
              <LiveSectionEditor key={id} live={live} sectionId={id} title={sections.find((s) => s.id === id)?.title ?? ''} me={me} hidden={id !== shown} />
            ))}
        </main>
      </div>
    </div>
  );
}

/** The section ids, from the server's copy of the pack (one request), before the live join. */
async function fetchOutline(live: LivePack): Promise<string[]> {
  const { pack } = await host.teamOpenPack({ file: live.file });
  return pack.sections.map((s) => s.id);
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

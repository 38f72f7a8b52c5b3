import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { TeamStatus } from '../../shared/api/contract.js';
import { buildReviewIndex } from '../../shared/review/reviewIndex.js';
import { currentAuthor } from '../library/currentAuthor.js';
import { host } from '../host/hostClient.js';
import { ReviewPart } from '../pack/session/reviewPart.js';
import { ReviewContext, useReviewState } from '../review/ReviewContext.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { LivePack, dropLocalCopy, localCopyName, readLocalCopy } from './livePack.js';
import { LiveReviewSource } from './liveReviewSource.js';
import { LiveSectionEditor } from './LiveSectionEditor.js';
import { liveStatusText } from './liveStatusText.js';
import './team.css';

/**
 * A team-server pack open live (issue 18, point 3): the outline with who is in which section,
 * one live editor per section (all bound before the connection opens; the chosen one shown),
 * comments and suggested changes in the review panel (kept in the pack's Y.Doc, so they sync),
 * and the connection's state in plain words. A copy is kept on this computer, so edits made
 * while the server cannot be reached survive a reload and are sent when it answers.
 * Browser version: the host relays the connection.
 */
const COLOURS = ['#1d70b8', '#b58840', '#00703c', '#912b88', '#d4351c', '#28a197'];

interface Joining {
  me: { name: string; color: string };
  suggestOnly: boolean;
  localName: string | null;
  sectionIds: string[];
  /** Opened from this computer's copy: the server did not answer. */
  fromCopy: boolean;
}

export function LivePackScreen(props: { file: string; onBack: () => void }) {
  const live = useMemo(() => new LivePack(props.file), [props.file]);
  const reviewSource = useMemo(() => new LiveReviewSource(live.doc), [live]);
  const review = useMemo(() => new ReviewPart(reviewSource), [reviewSource]);
  // Re-render when the connection, outline, title or people change (the snapshot is their digest).
  useSyncExternalStore(
    (cb) => live.subscribe(cb),
    () => `${live.state.kind}|${live.pending}|${live.sections().map((s) => `${s.id}:${s.title}`).join(',')}|${live.title()}|${live.people().map((p) => `${p.name}@${p.sectionId}`).join(',')}`,
  );
  const reviewVersion = useSyncExternalStore(reviewSource.store.subscribe, () => reviewSource.version);
  const [current, setCurrent] = useState<string | null>(null);
  const [joining, setJoining] = useState<Joining | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const sections = live.sections();
  const shown = current ?? sections[0]?.id ?? null;

  useEffect(
    () => () => {
      reviewSource.destroy();
      live.destroy();
    },
    [live, reviewSource],
  );
  // Who this is, what they may do, and the outline: from the server, or from the copy kept here.
  useEffect(() => {
    let stale = false;
    void prepare(live.file).then(
      (next) => !stale && setJoining(next),
      (error: unknown) => !stale && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      stale = true;
    };
  }, [live]);
  useEffect(() => {
    if (!joining) return;
    review.setAuthor({ name: joining.me.name, role: '' });
    review.setSuggestOnly(joining.suggestOnly);
    // The editors render once `joining` is set; the pack connects when each has bound itself.
    live.start(joining.localName, joining.sectionIds);
  }, [live, review, joining]);
  // Which section this person is in, for the others' outline.
  useEffect(() => {
    if (shown) live.provider.awareness.setLocalStateField('section', shown);
  }, [live, shown]);
  // A jump from the review panel to another section's text opens that section.
  const openSection = useCallback((id: string) => setCurrent(id), []);
  useEffect(() => {
    review.openSection = openSection;
  }, [review, openSection]);

  const reviewOpen = useReviewState(review, (s) => s.panelOpen, false);
  const pack = useMemo(() => reviewSource.current, [reviewSource, reviewVersion]);
  const liveMarkup = useReviewState(review, (s) => s.live, null);
  const openCount = useMemo(() => (pack ? buildReviewIndex(pack, liveMarkup).open : 0), [pack, liveMarkup]);

  const people = live.people();
  const status = failed ?? liveStatusText(live.state, { pending: live.pending, keptHere: live.keptHere, fromCopy: joining?.fromCopy ?? false });
  return (
    <ReviewContext.Provider value={review}>
      <div className="screen live-pack">
        <header className="app-header">
          <button type="button" onClick={props.onBack}>
            ← Library
          </button>
          <h1 className="pack-heading">{live.title() || props.file}</h1>
          <p className="save-status" role="status" data-testid="live-status">
            {status}
          </p>
          <button
            type="button"
            aria-pressed={reviewOpen}
            onClick={() => review.setPanelOpen(!reviewOpen)}
            aria-label={`Review: ${openCount} open comment${openCount === 1 ? '' : 's'} and change${openCount === 1 ? '' : 's'}`}
            data-testid="review-toggle"
          >
            Review <span className="review-count" aria-hidden="true">{openCount}</span>
          </button>
        </header>
        <div className={`live-layout${reviewOpen ? ' with-review' : ''}`}>
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
            {joining?.suggestOnly && <p className="muted small">Your account may suggest changes and comment; someone who edits decides them.</p>}
          </nav>
          <main className="live-main">
            {joining?.sectionIds.map((id) => (
              <LiveSectionEditor
                key={id}
                live={live}
                reviewSource={reviewSource}
                sectionId={id}
                title={sections.find((s) => s.id === id)?.title ?? ''}
                me={joining.me}
                suggestOnly={joining.suggestOnly}
                hidden={id !== shown}
              />
            ))}
          </main>
          {reviewOpen && pack && <ReviewPanel review={review} pack={pack} activeSection={shown} readOnly={false} />}
        </div>
      </div>
    </ReviewContext.Provider>
  );
}

/**
 * Before joining: the name the others see (the team account's, else this computer's author),
 * whether the account may only suggest, and the section ids to bind editors to. The outline
 * comes from the server's copy of the pack; when the server does not answer, from the copy
 * kept on this computer (opened before), so work goes on offline.
 */
async function prepare(file: string): Promise<Joining> {
  const status: TeamStatus | null = await host.teamStatus({}).catch(() => null);
  const signedIn = status?.signedIn ? status : null;
  const name = signedIn ? signedIn.as : (await currentAuthor()).name || 'A colleague';
  const me = { name, color: COLOURS[Math.abs(hash(name)) % COLOURS.length]! };
  const suggestOnly = signedIn ? !signedIn.permissions.includes('edit') : false;
  const localName = signedIn ? localCopyName(signedIn.origin, file) : null;
  const kept = localName ? await readLocalCopy(localName).catch(() => ({ packId: null, sectionIds: [] as string[] })) : { packId: null, sectionIds: [] as string[] };
  let server: { id: string; sectionIds: string[] } | null = null;
  let serverError: string | null = null;
  try {
    const { pack } = await host.teamOpenPack({ file });
    server = { id: pack.id, sectionIds: pack.sections.map((s) => s.id) };
  } catch (error) {
    serverError = error instanceof Error ? error.message : String(error);
  }
  if (server) {
    // A copy of another pack that had this file name (deleted and made again) is not merged in.
    if (localName && kept.packId && kept.packId !== server.id) {
      await dropLocalCopy(localName).catch(() => undefined);
      return { me, suggestOnly, localName, sectionIds: server.sectionIds, fromCopy: false };
    }
    const extra = kept.sectionIds.filter((id) => !server.sectionIds.includes(id));
    return { me, suggestOnly, localName, sectionIds: [...server.sectionIds, ...extra], fromCopy: false };
  }
  if (kept.sectionIds.length > 0) return { me, suggestOnly, localName, sectionIds: kept.sectionIds, fromCopy: true };
  throw new Error(`${serverError ?? 'The team server did not answer.'} This pack has not been opened on this computer before, so there is no copy here to work on.`);
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
